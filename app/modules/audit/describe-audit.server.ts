// What the page shows of each log row beyond its columns: the subject's name and page, and a few
// details from its data. The details are chosen field by field for each action, never the data
// as stored: it may hold what a reader must not see (a browser's whole User-Agent, a future
// action's token), so a field nobody chose here is never shown.
import Bowser from "bowser";
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, competitions, events, innovations, proposals, users } from "~/db/schema";
import { idOf } from "~/lib/forms";
import type { AuditRow, AuditScope } from "./list-audit.server";
import type { AuditRowView, DetailPart, SubjectView } from "./view";

// Free text a person typed (a reason, an answer) is cut: the log is a list, the page holds it whole.
const TEXT_MAX = 160;
const cut = (s: string) => (s.length > TEXT_MAX ? `${s.slice(0, TEXT_MAX - 1)}…` : s);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? cut(v.trim()) : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const list = (v: unknown): string | null =>
  Array.isArray(v) && v.length ? cut(v.filter((x) => typeof x === "string" || typeof x === "number").join(", ")) : null;
const day = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? { day: v } : str(v));
const ROLES = new Set(["national_admin", "agency_admin", "unit_operator", "agency_head", "evaluator", "panelist"]);

function browserOf(userAgent: unknown): DetailPart | null {
  if (typeof userAgent !== "string" || !userAgent) return null;
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name ?? null;
  const os = parsed.os.name ?? null;
  if (browser && os) return { key: "audit.detail.browser", vars: { browser, os } };
  return browser ? { key: "audit.detail.browserOnly", vars: { browser } } : null;
}

/** The details worth a line for one action, from the fields it is known to store. */
export function detailsOf(action: string, raw: unknown): DetailPart[] {
  const d = (raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const out: (DetailPart | null)[] = [];
  const add = (key: string, vars?: DetailPart["vars"]) => out.push({ key, vars });
  const stage = str(d.stage);
  const reason = str(d.reason);
  switch (action) {
    case "session.start":
      if (str(d.ip)) add("audit.detail.ip", { ip: str(d.ip)! });
      out.push(browserOf(d.userAgent));
      add(d.trustedDevice === true ? "audit.detail.knownDevice" : "audit.detail.newDevice");
      if (d.secondStep === "app" || d.secondStep === "recovery") add(`audit.detail.secondStep.${d.secondStep}`);
      break;
    case "two-step.locked":
      if (str(d.ip)) add("audit.detail.ip", { ip: str(d.ip)! });
      break;
    case "innovation.update":
      if (list(d.changed)) add("audit.detail.changed", { fields: list(d.changed)! });
      break;
    case "innovation.file.add":
      if (list(d.files)) add("audit.detail.files", { files: list(d.files)! });
      break;
    case "innovation.checkIn":
      if (num(d.year) !== null) add("audit.detail.year", { year: String(d.year) });
      break;
    case "user.create":
    case "user.invite":
      if (typeof d.role === "string" && ROLES.has(d.role)) add("audit.detail.role", { role: { t: `role.${d.role}` } });
      if (d.again === true) add("audit.detail.again");
      break;
    case "user.rename":
    case "user.emailChange":
      if (str(d.from) && str(d.to)) add("audit.detail.fromTo", { from: str(d.from)!, to: str(d.to)! });
      break;
    case "user.emailChangeAsked":
      if (str(d.to)) add("audit.detail.to", { to: str(d.to)! });
      break;
    case "user.deactivate":
      if (num(d.sessionsEnded)) add("audit.detail.sessionsEnded", { n: num(d.sessionsEnded)! });
      break;
    case "session.endOthers":
      if (num(d.ended) !== null) add("audit.detail.sessionsEnded", { n: num(d.ended)! });
      break;
    case "unit.add":
      if (num(d.count) !== null) add("audit.detail.units", { n: num(d.count)! });
      break;
    case "unit.rename": {
      const from = d.from as Record<string, unknown> | null;
      const to = d.to as Record<string, unknown> | null;
      if (str(from?.name) && str(to?.name)) add("audit.detail.fromTo", { from: str(from!.name)!, to: str(to!.name)! });
      break;
    }
    case "unit.remove":
      if (str(d.name)) add("audit.detail.name", { name: str(d.name)! });
      break;
    case "competition.update":
      if (list(d.parts)) add("audit.detail.parts", { parts: list(d.parts)! });
      break;
    case "competition.broadcast":
      // The message's subject and reach; its body is on its own page, its send key is nobody's.
      if (str(d.subject) && num(d.recipients) !== null) add("audit.detail.broadcast", { subject: str(d.subject)!, n: num(d.recipients)! });
      break;
    case "invitation.add":
      if (Array.isArray(d.innovations)) add("audit.detail.innovations", { n: d.innovations.length });
      break;
    case "proposal.create":
      if (str(d.competition)) add("audit.detail.competition", { slug: str(d.competition)! });
      break;
    case "proposal.screen":
      if (Array.isArray(d.ids)) add("audit.detail.proposals", { n: d.ids.length });
      break;
    case "stage.decide":
      if (num(d.decided) !== null) add("audit.detail.decided", { n: num(d.decided)! });
      break;
    case "results.award":
      if (str(d.from) || str(d.to)) add("audit.detail.fromTo", { from: str(d.from) ?? "–", to: str(d.to) ?? "–" });
      break;
    case "results.decree":
      if (str(d.number)) add("audit.detail.decree", { number: str(d.number)! });
      break;
    case "results.provisional":
      if (num(d.awards) !== null) add("audit.detail.awards", { n: num(d.awards)! });
      break;
    case "results.publish":
      if (num(d.certificates) !== null) add("audit.detail.certificates", { n: num(d.certificates)! });
      break;
    case "objection.upheld":
    case "objection.rejected":
      if (str(d.response)) add("audit.detail.response", { response: str(d.response)! });
      break;
    case "event.register":
      if (d.waiting === true) add("audit.detail.waiting");
      break;
    case "event.cancel":
      if (num(d.told) !== null) add("audit.detail.told", { n: num(d.told)! });
      break;
    case "event.attendance":
      if (num(d.attended) !== null) add("audit.detail.attended", { n: num(d.attended)! });
      break;
    case "visit.reschedule": {
      const from = day(d.from);
      const to = day(d.to);
      if (from && to) add("audit.detail.fromTo", { from, to });
      break;
    }
    case "visit.callOff":
      if (d.side === "host" || d.side === "visitor") add(`audit.detail.side.${d.side}`);
      break;
    case "visit.outcome":
      if (typeof d.held === "boolean") add(d.held ? "audit.detail.held.yes" : "audit.detail.held.no");
      break;
    case "checkIn.remind":
    case "compliance.remind":
      if (num(d.agencies) !== null && num(d.people) !== null) add("audit.detail.reminded", { agencies: num(d.agencies)!, people: num(d.people)! });
      if (d.automatic === true) add("audit.detail.automatic");
      break;
  }
  // The stage a judging step was in, and the reason given for a step that needs one.
  if (stage && /^(assignment|review|stage|presentation|fieldVisit|fieldReport|competition\.stage)\./.test(action)) add("audit.detail.stage", { stage });
  if (reason && /^(assignment\.(add|remove)|review\.reopen|conflict\.(confirmed|dismissed)|fieldReport\.reopen|results\.(award|withdraw)|competition\.stage\.close)$/.test(action)) {
    add("audit.detail.reason", { reason });
  }
  return out.filter((p): p is DetailPart => p !== null);
}

type Named = { name: string; slug?: string; email?: string };

/** Each subject's name, by type and id, read a type at a time for the rows of a page or batch. */
async function subjectNames(db: DbOrTx, rows: AuditRow[]): Promise<Map<string, Named>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.subjectType === type).map((r) => idOf(r.subjectId)).filter((n): n is number => n !== null))];
  const out = new Map<string, Named>();
  const put = (type: string, list: { id: number; name: string; slug?: string; email?: string }[]) => list.forEach((r) => out.set(`${type}:${r.id}`, r));
  const [u, i, p, c, e, a] = [ids("user"), ids("innovation"), ids("proposal"), ids("competition"), ids("event"), ids("agency")];
  await Promise.all([
    u.length && db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, u)).then((l) => put("user", l)),
    i.length && db.select({ id: innovations.id, name: innovations.name }).from(innovations).where(inArray(innovations.id, i)).then((l) => put("innovation", l)),
    p.length && db.select({ id: proposals.id, name: proposals.title }).from(proposals).where(inArray(proposals.id, p)).then((l) => put("proposal", l)),
    c.length && db.select({ id: competitions.id, name: competitions.name, slug: competitions.slug }).from(competitions).where(inArray(competitions.id, c)).then((l) => put("competition", l)),
    e.length && db.select({ id: events.id, name: events.title, slug: events.slug }).from(events).where(inArray(events.id, e)).then((l) => put("event", l)),
    a.length && db.select({ id: agencies.id, name: agencies.name, slug: agencies.slug }).from(agencies).where(inArray(agencies.id, a)).then((l) => put("agency", l)),
  ]);
  return out;
}

/**
 * A subject's page, where there is one the reader may open: the work area's for what the reader
 * works on, the public page for what Admin Lokal only reads (an edition, an event).
 */
function hrefOf(type: string, id: string, named: Named | undefined, scope: AuditScope): string | null {
  const national = scope === "all";
  if (idOf(id) === null && type !== "checkInYear" && type !== "complianceYear") return null;
  switch (type) {
    case "user":
      return named?.email ? `/kelola/pengguna?cari=${encodeURIComponent(named.email)}` : null;
    case "innovation":
      return `/kelola/inovasi/${id}`;
    case "proposal":
      return `/kelola/proposal/${id}`;
    case "competition":
      return named?.slug ? (national ? `/kelola/kompetisi/${named.slug}` : `/kompetisi/${named.slug}`) : null;
    case "event":
      return named?.slug ? (national ? `/kelola/acara/${named.slug}` : `/acara/${named.slug}`) : null;
    case "visit":
      return `/kelola/kunjungan/${id}`;
    case "agency":
      return named?.slug ? `/instansi/${named.slug}` : null;
    case "checkInYear":
      return "/kelola/pemutakhiran";
    case "complianceYear":
      return `/kepatuhan?year=${id}`;
    case "outbox":
      return "/kelola/kotak-keluar";
    default:
      return null;
  }
}

/** The rows as the page and the CSV show them. */
export async function describeRows(db: DbOrTx, scope: AuditScope, rows: AuditRow[]): Promise<AuditRowView[]> {
  const names = await subjectNames(db, rows);
  return rows.map((r) => {
    const named = names.get(`${r.subjectType}:${r.subjectId}`);
    const subject: SubjectView = {
      type: r.subjectType,
      id: r.subjectId,
      name: named ? (named.email ? `${named.name} (${named.email})` : named.name) : null,
      href: hrefOf(r.subjectType, r.subjectId, named, scope),
    };
    return { id: r.id, at: r.at, action: r.action, actor: r.actor, subject, details: detailsOf(r.action, r.data) };
  });
}
