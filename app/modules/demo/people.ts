import { BANYUMAS } from "./plan";

// Who each demo login is: a person-like name, and where they sit. The names are invented; none
// is the real holder of an office.
export const DEMO_PEOPLE: Record<string, { name: string; agencySlug?: string; unitName?: string }> = {
  "admin@menpan.demo": { name: "Rina Kusumawati" },
  "admin@banyumaskab.demo": { name: "Dwi Handayani", agencySlug: BANYUMAS },
  "operator.dpu@banyumaskab.demo": { name: "Agus Setiawan", agencySlug: BANYUMAS, unitName: "Dinas Pekerjaan Umum" },
  "bupati@banyumaskab.demo": { name: "Bambang Wicaksono", agencySlug: BANYUMAS },
  "evaluator@ui.demo": { name: "Dr. Sri Wahyuni" },
  "panelis@tpi.demo": { name: "Prof. Hendra Gunawan" },
  "operator@surabaya.demo": {
    name: "Yuliana Pratiwi",
    agencySlug: "kota-surabaya-35-78",
    unitName: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
  },
};
