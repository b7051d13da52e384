// A couple of state- and region-owned enterprises for the demo. BUMN and BUMD are not reference
// data (an admin creates or imports them), so the demo adds a few to show every agency type.
export const DEMO_ENTERPRISES = [
  { name: "PT Pos Indonesia (Persero)", shortName: "PT Pos Indonesia", type: "bumn", regionCode: null, provinceCode: null },
  { name: "PT Perusahaan Listrik Negara (Persero)", shortName: "PT PLN", type: "bumn", regionCode: null, provinceCode: null },
  { name: "Perumda Air Minum Tirta Satria Kabupaten Banyumas", shortName: "Perumda Tirta Satria", type: "bumd", regionCode: "33.02", provinceCode: "33" },
  { name: "PT Bank Pembangunan Daerah Nusa Tenggara Timur", shortName: "Bank NTT", type: "bumd", regionCode: "53", provinceCode: "53" },
  { name: "Perumda Air Minum Kota Jayapura", shortName: "PDAM Jayapura", type: "bumd", regionCode: "91.71", provinceCode: "91" },
] as const;
