// The activity log's filters as its address carries them (/kelola/log?pelaku=…&jenis=…), read
// without trust: the address is typed, shared and edited by hand. Whatever cannot be read is left
// out of the filter (a page, never an error page), and a date that is wrong is named on its field.
import { fromZonedInput, type ZoneName } from "~/i18n";
import { isAuditGroup, isSubjectType, type AuditGroup, type SubjectType } from "./actions";

export type AuditQuery = {
  /** Part of the name or email of the person who acted. */
  person: string | null;
  /** The person who acted, by account id (from a link on a row). */
  account: number | null;
  group: AuditGroup | null;
  subject: { type: SubjectType; id: string } | null;
  /** The days as typed (YYYY-MM-DD), in the reader's zone, and the instants they stand for. */
  from: string | null;
  until: string | null;
  fromAt: Date | null;
  /** The end of the `until` day: the first instant after it. */
  untilAt: Date | null;
  /** Keyset paging: rows older than this id, or newer than this one. */
  before: number | null;
  after: number | null;
};

/** The fields' values to show back in the form, as typed. */
export type AuditQueryValues = { pelaku: string; jenis: string; dari: string; sampai: string };

// A download holds at most this many rows, the newest of the filter: a spreadsheet's worth, read
// in batches (export-audit.server.ts).
export const CSV_MAX = 50_000;

// No name or email is longer; a longer text would only make the search slower.
export const PERSON_MAX = 100;

// An id of the log (bigint) as an address writes it: digits, no leading zero, within the
// numbers JavaScript holds exactly.
const cursorOf = (v: string | null): number | null => (v !== null && /^[1-9]\d{0,14}$/.test(v) ? Number(v) : null);
const accountOf = (v: string | null): number | null => (v !== null && /^[1-9]\d{0,8}$/.test(v) ? Number(v) : null);
// A subject as its link names it: "innovation:12", "agency:3,4" (agencies added together).
const SUBJECT = /^([A-Za-z]{1,30}):([A-Za-z0-9_,-]{1,100})$/;

const DAY_MS = 86_400_000;

/** A day typed in the reader's zone, as the instant it begins; null when no such day exists. */
function dayStart(v: string, zone: ZoneName): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const iso = fromZonedInput(`${v}T00:00`, zone);
  return iso ? new Date(iso) : null;
}

export function parseAuditQuery(params: URLSearchParams, zone: ZoneName) {
  const text = (name: string) => (params.get(name) ?? "").replace(/\u0000/g, "").trim();
  const values: AuditQueryValues = { pelaku: text("pelaku").slice(0, PERSON_MAX), jenis: text("jenis"), dari: text("dari"), sampai: text("sampai") };
  // Message keys by field: the page names each wrong field; the filter goes on without it.
  const errors: Record<string, string> = {};
  const subject = SUBJECT.exec(text("subjek"));
  const query: AuditQuery = {
    person: values.pelaku || null,
    account: accountOf(params.get("akun")),
    group: isAuditGroup(values.jenis) ? values.jenis : null,
    subject: subject && isSubjectType(subject[1]) ? { type: subject[1], id: subject[2] } : null,
    from: null,
    until: null,
    fromAt: null,
    untilAt: null,
    before: cursorOf(params.get("sebelum")),
    after: cursorOf(params.get("sesudah")),
  };
  if (values.dari) {
    const at = dayStart(values.dari, zone);
    if (at) Object.assign(query, { from: values.dari, fromAt: at });
    else errors.dari = "audit.errors.date";
  }
  if (values.sampai) {
    const at = dayStart(values.sampai, zone);
    if (at) Object.assign(query, { until: values.sampai, untilAt: new Date(at.getTime() + DAY_MS) });
    else errors.sampai = "audit.errors.date";
  }
  if (query.fromAt && query.untilAt && query.untilAt <= query.fromAt) {
    errors.sampai = "audit.errors.range";
    Object.assign(query, { until: null, untilAt: null });
  }
  // Both cursors make no page: the newer one is kept out.
  if (query.before && query.after) query.after = null;
  return { query, values, errors };
}

/** The address's query string for these filters (and a page's cursor), as the form writes it. */
export function auditSearch(q: AuditQuery, cursor: { before?: number; after?: number } = {}): string {
  const sp = new URLSearchParams();
  if (q.person) sp.set("pelaku", q.person);
  if (q.account) sp.set("akun", String(q.account));
  if (q.group) sp.set("jenis", q.group);
  if (q.subject) sp.set("subjek", `${q.subject.type}:${q.subject.id}`);
  if (q.from) sp.set("dari", q.from);
  if (q.until) sp.set("sampai", q.until);
  if (cursor.before) sp.set("sebelum", String(cursor.before));
  if (cursor.after) sp.set("sesudah", String(cursor.after));
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** Whether any filter (other than paging) is set. */
export const filtered = (q: AuditQuery) => Boolean(q.person || q.account || q.group || q.subject || q.fromAt || q.untilAt);
