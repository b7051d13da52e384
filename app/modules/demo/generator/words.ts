// Word lists for names of people and places. Village names are built the way many Javanese,
// Sundanese and Malay village names are (Suka+maju, Karang+sari, Tanjung+rejo), which gives the
// benchmark register a long tail of rare words like a real one.

export const VILLAGE_PREFIXES = [
  "Suka", "Karang", "Tanjung", "Sido", "Mekar", "Sumber", "Wono", "Giri", "Batu", "Air",
  "Bumi", "Kali", "Tegal", "Banjar", "Cempaka", "Harapan", "Pasir", "Teluk", "Rantau", "Lubuk",
  "Sungai", "Padang", "Bukit", "Koto", "Kampung", "Labuhan", "Tirta", "Mulia", "Jati", "Sari",
] as const;

export const VILLAGE_SUFFIXES = [
  "maju", "sari", "rejo", "jaya", "mulyo", "makmur", "asri", "harjo", "luhur", "indah",
  "baru", "agung", "mukti", "raharjo", "wangi", "tengah", "lestari", "mekar", "damai", "sejahtera",
] as const;

export const GIVEN_NAMES = [
  "Agus", "Budi", "Dewi", "Eko", "Fitri", "Hendra", "Indah", "Joko", "Kartika", "Lestari",
  "Maria", "Nur", "Putu", "Rahmat", "Siti", "Teguh", "Umi", "Wahyu", "Yohanes", "Zainal",
  "Ahmad", "Bambang", "Desi", "Fransiska", "Gede", "Hasanah", "Irfan", "Made", "Novita", "Ratna",
  "Stefanus", "Yuliana", "Abdul", "Ketut", "Linda", "Yosef", "Marlina", "Arif", "Nengah", "Rini",
] as const;

export const FAMILY_NAMES = [
  "Santoso", "Wijaya", "Lestari", "Hidayat", "Saputra", "Rahayu", "Nugroho", "Siregar", "Pratama", "Kurniawan",
  "Setiawan", "Handayani", "Simanjuntak", "Manurung", "Wulandari", "Tanjung", "Fauzi", "Suryani", "Latuconsina", "Ndun",
  "Rumbiak", "Wenda", "Lamba", "Pakpahan", "Harahap", "Sitompul", "Daeng", "Tuhumury", "Mandagi", "Sinaga",
] as const;
