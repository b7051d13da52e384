// Small text helpers for generated Indonesian.

// Words Indonesian titles keep in lower case ("Layanan Akta Kelahiran bagi Warga Desa").
const LOWER = new Set(["dan", "di", "ke", "dari", "untuk", "bagi", "dengan", "yang", "atau", "pada", "oleh", "lan"]);

/** "akta kelahiran bagi warga desa" → "Akta Kelahiran bagi Warga Desa"; "KTP", "BUMDes" stay. */
export function titleCase(text: string): string {
  return text
    .split(" ")
    .map((w, i) => {
      if (!w) return w;
      if (/[A-Z]/.test(w)) return w;
      if (i > 0 && LOWER.has(w)) return w;
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(" ");
}

export const capitalise = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/** Replace {key} placeholders; unknown keys are left as they are so a typo shows up in review. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Indonesian number formatting without Intl (fast in the bulk generator): 12500 → "12.500". */
export function formatNumber(n: number): string {
  const [int, frac] = String(n).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return frac ? `${grouped},${frac}` : grouped;
}
