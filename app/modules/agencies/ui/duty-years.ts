import type { Translate } from "~/i18n";

/**
 * An agency's years of "One Agency, One Innovation" in words: "Aktif 2019–2024", "Aktif sejak
 * 2025", "Aktif sampai 2024", or "Sepanjang program" when neither year is set.
 */
export function dutyYearsText(t: Translate, years: { activeFrom: number | null; activeUntil: number | null }): string {
  // Strings, not numbers: the translator would write 2024 as "2.024" in Indonesian.
  const from = years.activeFrom === null ? null : String(years.activeFrom);
  const until = years.activeUntil === null ? null : String(years.activeUntil);
  if (from && until) return t("agencies.years.between", { from, until });
  if (from) return t("agencies.years.from", { from });
  if (until) return t("agencies.years.until", { until });
  return t("agencies.years.always");
}
