import { id, type MessageKey } from "./catalog.id";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

export const isLocale = (v: unknown): v is Locale => v === "id" || v === "en";

// What agencies write (an innovation's name, summary and sections) is in Bahasa Indonesia,
// whatever language the reader chose for the interface. It is marked so, for a screen reader
// in English mode to read it with Indonesian pronunciation (WCAG 2.1, 3.1.2 Language of Parts).
export const CONTENT_LANG = "id";

/**
 * An instant carried by a message, formatted when the message is rendered: in the locale of the
 * text it goes into, and in the reader's zone when the reader is known (the work area), else in
 * the zone it names. Plain JSON, since notices store their values (notifications.vars, jsonb):
 * a date formatted at write time would be in one language only.
 */
export type InstantVar = { instant: string; zone: ZoneName };
/** A calendar day ("2026-12-22"), which has no zone: written as each language writes dates. */
export type DayVar = { day: string };
/** What a message's `{name}` may be filled with: text as is, a number, an instant or a day for the locale. */
export type MessageVar = string | number | InstantVar | DayVar;
export type MessageVars = Record<string, MessageVar>;

export const instantVar = (at: Date | string, zone: ZoneName = "WIB"): InstantVar => ({
  instant: new Date(at).toISOString(),
  zone,
});

export type Translate = (key: MessageKey | (string & {}), vars?: MessageVars) => string;

type Catalog = Record<string, string>;

// Indonesian is always here; English is provided by whoever may show it: the server at start
// (i18n/catalogs.server.ts), a browser on an English page before it hydrates (entry.client.tsx).
// A browser reading Indonesian never loads the English texts.
const catalogs: { id: Catalog; en?: Catalog } = { id };

export function provideCatalog(locale: Locale, catalog: Record<MessageKey, string>) {
  catalogs[locale] = catalog;
}

/**
 * A translator for one locale. Unknown keys fall back to Indonesian, then to the key itself.
 * `zone` is the reader's, when known: instants are then shown in it rather than in the zone
 * their message was written with.
 */
export function translator(locale: Locale, opts: { zone?: ZoneName } = {}): Translate {
  const base = catalogs.id;
  return (key, vars) => {
    // Looked up at each call, not when the translator is made: a module may make one while it
    // loads, before the server has provided the English texts.
    const text = (catalogs[locale] ?? base)[key] ?? base[key] ?? key;
    if (!vars) return text;
    return plurals(locale, text, vars).replace(/\{(\w+)\}/g, (m, name: string) =>
      name in vars ? formatValue(locale, vars[name], opts.zone) : m,
    );
  };
}

// English counts things: "1 innovation", "2 innovations". A message says so as ICU does,
// `{count, plural, one {# innovation} other {# innovations}}` (# is the number, formatted; other
// values may appear inside as usual). Indonesian needs no form of its own ("1 inovasi", "2 inovasi").
const PLURAL = /\{(\w+), plural, one \{((?:[^{}]|\{\w+\})*)\} other \{((?:[^{}]|\{\w+\})*)\}\}/g;
function plurals(locale: Locale, text: string, vars: MessageVars): string {
  if (!text.includes(", plural, ")) return text;
  return text.replace(PLURAL, (_m, name: string, one: string, other: string) => {
    const v = vars[name];
    const n = typeof v === "number" ? v : Number(v);
    const form = Number.isFinite(n) && pluralRules(locale).select(n) === "one" ? one : other;
    return form.replace(/#/g, Number.isFinite(n) ? formatNumber(locale, n) : String(v ?? ""));
  });
}
const pluralRules = (locale: Locale) => {
  let r = pluralCache.get(locale);
  if (!r) pluralCache.set(locale, (r = new Intl.PluralRules(intlLocale(locale))));
  return r;
};
const pluralCache = new Map<Locale, Intl.PluralRules>();

function formatValue(locale: Locale, v: MessageVar | undefined, readerZone: ZoneName | undefined): string {
  if (typeof v === "number") return formatNumber(locale, v);
  if (typeof v === "string") return v;
  if (v == null) return "";
  // Values come back from jsonb as they were stored: an unreadable day or instant is shown as written.
  if ("day" in v) return /^\d{4}-\d{2}-\d{2}$/.test(String(v.day)) ? formatDate(locale, `${v.day}T00:00:00Z`) : String(v.day ?? "");
  const at = typeof v.instant === "string" ? v.instant : "";
  if (Number.isNaN(Date.parse(at))) return at;
  return formatInstant(locale, at, readerZone ?? (isZoneName(v.zone) ? v.zone : "WIB"));
}

const intlLocale = (l: Locale) => (l === "id" ? "id-ID" : "en-GB");

// Building an Intl formatter costs ~50 µs, formatting with one ~1 µs, and a search page formats
// a hundred facet counts: formatters are made once per locale and options.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as T;
}
const numberFormat = (locale: Locale, opts?: Intl.NumberFormatOptions) =>
  cached(`n:${locale}:${JSON.stringify(opts ?? {})}`, () => new Intl.NumberFormat(intlLocale(locale), opts));

export function formatNumber(locale: Locale, n: number, opts?: Intl.NumberFormatOptions) {
  return numberFormat(locale, opts).format(n);
}

export function formatPercent(locale: Locale, ratio: number) {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(ratio);
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
  return cached(
    `d:${locale}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  ).format(date);
}

/** An instant in the reader's zone, with the zone named: "23 November 2026 17.53 WIB". */
export function formatInstant(locale: Locale, d: Date | string, zone: ZoneName) {
  const date = typeof d === "string" ? new Date(d) : d;
  const text = cached(
    `i:${locale}:${zone}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        day: "numeric",
        month: "long",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: TIME_ZONES[zone],
      }),
  ).format(date);
  return `${text} ${zone}`;
}

/** The time of day of an instant in the reader's zone, with the zone named: "17.53 WIB". */
export function formatTime(locale: Locale, d: Date | string, zone: ZoneName) {
  const date = typeof d === "string" ? new Date(d) : d;
  const text = cached(`t:${locale}:${zone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONES[zone] })).format(date);
  return `${text} ${zone}`;
}

// Indonesia keeps no daylight saving: each zone is a fixed offset.
export const ZONE_OFFSETS: Record<ZoneName, string> = { WIB: "+07:00", WITA: "+08:00", WIT: "+09:00" };
const offsetMinutes = (zone: ZoneName) => Number(ZONE_OFFSETS[zone].slice(1, 3)) * 60;

/** An instant as a datetime-local field's value in a zone: "2026-04-30T23:59:59". */
export function toZonedInput(iso: string, zone: ZoneName): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return "";
  return new Date(t + offsetMinutes(zone) * 60_000).toISOString().slice(0, 19);
}

/** A datetime-local value typed in a zone, as an ISO instant with the zone's offset; null if unreadable. */
export function fromZonedInput(value: string, zone: ZoneName): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "00"] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${ZONE_OFFSETS[zone]}`;
  // Reject dates that do not exist (31 April): the round trip must give back what was typed.
  return toZonedInput(iso, zone) === `${y}-${mo}-${d}T${h}:${mi}:${s}` ? iso : null;
}
