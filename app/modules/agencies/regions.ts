import type { ZoneName } from "~/i18n";

// Indonesia's time zones by province code (Ministry of Home Affairs numbering):
// WIT: Maluku, Maluku Utara and the Papua provinces; WITA: Bali, Nusa Tenggara, Kalimantan
// Selatan/Timur/Utara and Sulawesi; WIB: Sumatra, Java, Kalimantan Barat/Tengah.
export function zoneOfProvince(code: string): ZoneName {
  const n = Number(code.slice(0, 2));
  if (n >= 81) return "WIT";
  if ((n >= 51 && n <= 53) || (n >= 63 && n <= 65) || (n >= 71 && n <= 76)) return "WITA";
  return "WIB";
}

// Eastern Indonesia (KTI) as the programme uses it: Bali/Nusa Tenggara, Kalimantan, Sulawesi,
// Maluku and Papua.
export const isEasternIndonesia = (provinceCode: string) => Number(provinceCode.slice(0, 2)) >= 51;

/**
 * The four Papuan provinces formed in 2022 (Papua Selatan, Tengah and Pegunungan from Papua in
 * July, Papua Barat Daya from Papua Barat in December). Their governments owe the yearly
 * innovation from 2023, their first full year; for the years before, their regencies and cities
 * belonged to the province they came from (today's codes carry the new province).
 */
export const PAPUA_SPLIT = { firstYear: 2023, from: { "93": "91", "94": "91", "95": "91", "96": "92" } as Record<string, string> };

const KEEP_UPPER = new Set(["DKI", "DI", "II"]);

/** "KABUPATEN ACEH SELATAN" → "Kabupaten Aceh Selatan"; "DKI JAKARTA" stays "DKI Jakarta". */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w) => (KEEP_UPPER.has(w.toUpperCase()) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("");
}

// Letters that NFKD does not take apart into a Latin letter and an accent (ß, ø, ł, …), and the
// Cyrillic alphabet (Russian, Ukrainian, Belarusian) written in Latin letters as passports write
// it (ICAO Doc 9303), so a name such as "ПАО Газпром" still gives a readable address. Й, Ё and Ї
// need no entry: NFKD splits them into И, Е and І and a mark that is dropped.
const TRANSLITERATION: Record<string, string> = {
  ß: "ss", æ: "ae", ø: "o", œ: "oe", đ: "d", ð: "d", ł: "l", þ: "th", ı: "i", ħ: "h",
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", є: "ie", ж: "zh", з: "z", и: "i", і: "i",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ў: "u", ф: "f",
  х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "ie", ы: "y", ь: "", э: "e", ю: "iu", я: "ia",
};

/**
 * "PT Café Satu" → "pt-cafe-satu": lower-case Latin letters and digits joined by hyphens, cut to
 * `max` characters (not ending in a hyphen). Text with no letter that can be written in Latin (Japanese, Arabic, "!!!")
 * gives "", which a caller that needs an address must make up for (see newAgencySlug).
 */
export function slugify(text: string, max = 80): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, (c) => TRANSLITERATION[c] ?? c)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}
