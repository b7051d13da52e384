import { catalogs, type MessageKey } from "./catalogs";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

export const isLocale = (v: unknown): v is Locale => v === "id" || v === "en";

export type Translate = (key: MessageKey | (string & {}), vars?: Record<string, string | number>) => string;

/** A translator for one locale. Unknown keys fall back to Indonesian, then to the key itself. */
export function translator(locale: Locale): Translate {
  const cat = catalogs[locale] as Record<string, string>;
  const base = catalogs.id as Record<string, string>;
  return (key, vars) => {
    const text = cat[key] ?? base[key] ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) =>
      name in vars ? formatValue(locale, vars[name]) : m,
    );
  };
}

function formatValue(locale: Locale, v: string | number | undefined): string {
  if (typeof v === "number") return formatNumber(locale, v);
  return v ?? "";
}

const intlLocale = (l: Locale) => (l === "id" ? "id-ID" : "en-GB");

export function formatNumber(locale: Locale, n: number, opts?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(intlLocale(locale), opts).format(n);
}

export function formatPercent(locale: Locale, ratio: number) {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(ratio);
}

// Indonesia's three zones. A deadline is one instant; it is shown in the reader's zone, named.
export const TIME_ZONES = {
  WIB: "Asia/Jakarta",
  WITA: "Asia/Makassar",
  WIT: "Asia/Jayapura",
} as const;
export type ZoneName = keyof typeof TIME_ZONES;
export const isZoneName = (v: unknown): v is ZoneName =>
  v === "WIB" || v === "WITA" || v === "WIT";

export function formatDate(locale: Locale, d: Date | string | null | undefined) {
  if (!d) return "";
  const date = typeof d === "string" ? new Date(d) : d;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** An instant in the reader's zone, with the zone named: "23 November 2026 17.53 WIB". */
export function formatInstant(locale: Locale, d: Date | string, zone: ZoneName) {
  const date = typeof d === "string" ? new Date(d) : d;
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: TIME_ZONES[zone],
  }).format(date);
  return `${text} ${zone}`;
}
