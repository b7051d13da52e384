// The one source of truth for Lumbung's tables. drizzle-kit generates the SQL migrations in
// drizzle/ from this file; hand-written SQL (extensions, search columns) lives in custom
// migrations there too.
import { sql } from "drizzle-orm";
import type { CompetitionConfig } from "../modules/competitions/config";
import type { FormerName } from "../modules/agencies/name-in-year";
import type { MessageVars } from "../i18n";
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

// --- Regions (Ministry of Home Affairs codes) ---------------------------------------------

export const regionLevel = pgEnum("region_level", ["province", "regency"]);
export const timeZoneName = pgEnum("time_zone_name", ["WIB", "WITA", "WIT"]);

export const regions = pgTable(
  "regions",
  {
    code: text("code").primaryKey(), // "33" or "33.02"
    name: text("name").notNull(),
    level: regionLevel("level").notNull(),
    provinceCode: text("province_code").notNull(),
    timeZone: timeZoneName("time_zone").notNull(),
  },
  (t) => [index("regions_province_idx").on(t.provinceCode)],
);

// --- Agencies and units ---------------------------------------------------------------------

export const agencyType = pgEnum("agency_type", [
  "kementerian",
  "lembaga",
  "provinsi",
  "kabupaten",
  "kota",
  "bumn",
  "bumd",
]);

export const agencies = pgTable(
  "agencies",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    type: agencyType("type").notNull(),
    // Regional governments and BUMD sit in a region; ministries, agencies and BUMN do not.
    regionCode: text("region_code").references(() => regions.code),
    provinceCode: text("province_code").references(() => regions.code),
    website: text("website"),
    // The years "One Agency, One Innovation" applies to it: from its first full year (a ministry
    // formed in October 2024 owes its first innovation for 2025) to the year it ended (merged,
    // split or dissolved). Null: since before the duty (2013), or still in being.
    activeFrom: smallint("active_from"),
    activeUntil: smallint("active_until"),
    // When the national admin last set those years by hand (setAgencyYears); from then on the
    // reference list loaded at start-up no longer overwrites them.
    yearsSetAt: timestamp("years_set_at", { withTimezone: true }),
    // The names it bore before a rename (Kominfo until 2024), each with its last year: pages and
    // files about a past year name the agency as it was then (agencyNameIn). A few at most and
    // always read with the agency, so a column rather than a table; the reference list keeps
    // those of ministries and national agencies (seedReference).
    formerNames: jsonb("former_names").$type<FormerName[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("agencies_slug_idx").on(t.slug),
    uniqueIndex("agencies_region_gov_idx")
      .on(t.regionCode)
      .where(sql`type in ('provinsi','kabupaten','kota')`),
    index("agencies_type_idx").on(t.type),
    index("agencies_province_idx").on(t.provinceCode),
    index("agencies_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

export const units = pgTable(
  "units",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind"),
    createdAt: createdAt(),
  },
  (t) => [
    index("units_agency_idx").on(t.agencyId),
    uniqueIndex("units_agency_name_idx").on(t.agencyId, sql`lower(${t.name})`),
  ],
);

// --- Accounts -------------------------------------------------------------------------------

export const role = pgEnum("role", [
  "national_admin",
  "agency_admin",
  "unit_operator",
  "agency_head",
  "evaluator",
  "panelist",
]);

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    role: role("role").notNull(),
    agencyId: integer("agency_id").references(() => agencies.id),
    unitId: integer("unit_id").references(() => units.id),
    locale: text("locale"),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: createdAt(),
    // Two-step sign-in (modules/accounts/two-step.server.ts): the authenticator app's shared
    // secret (base32) once confirmed, when it was turned on, and the last time step whose code
    // was taken (a code seen over a shoulder cannot be used again in its 30 seconds).
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    totpLastStep: integer("totp_last_step"),
    // A secret offered on the account page and not yet confirmed with a code from the app.
    totpPendingSecret: text("totp_pending_secret"),
  },
  (t) => [
    uniqueIndex("users_email_idx").on(sql`lower(${t.email})`),
    index("users_agency_idx").on(t.agencyId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    // sha256 of the cookie token: a leaked table does not leak live sessions.
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// One-time recovery codes for two-step sign-in, for the day the phone is lost: each is hashed
// (sha256: they are random, not chosen by people) and spent on use.
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

// A sign-in whose password was right and whose second step (a code) is still to come. The
// browser holds the token in a short-lived cookie; no session exists until the code is given.
export const loginChallenges = pgTable(
  "login_challenges",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    redirectTo: text("redirect_to"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("login_challenges_user_idx").on(t.userId)],
);

export const tokenPurpose = pgEnum("token_purpose", ["invite", "reset", "email-change"]);

export const userTokens = pgTable("user_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  purpose: tokenPurpose("purpose").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: createdAt(),
  // An email change: the address the account moves to once its owner opens the link sent there.
  newEmail: text("new_email"),
});

// Login throttling by client address: many failures from one address slow it down even when
// they spread over many accounts.
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
});

export const outbox = pgTable(
  "outbox",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    kind: text("kind").notNull(),
    createdAt: createdAt(),
    // Delivery (app/modules/mail/deliver.server.ts): waiting, being handed to the mail server,
    // accepted by it, refused for good, or too old to send when a mail server first took it.
    status: text("status", { enum: ["pending", "sending", "sent", "failed", "expired"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    // A mail the server turned away for now is tried again from this time on.
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    // When a process took the mail to send it: a mail left 'sending' by a process that died is
    // taken again after a while.
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // The mail server's own answer to the last attempt, kept as it said it.
    lastError: text("last_error"),
    // When the last attempt failed for the server's sake, not the mail's: it could not be
    // reached ("unreachable") or refused Lumbung's login ("login"). Such mail goes as soon as
    // any mail gets through again.
    fault: text("fault", { enum: ["unreachable", "login"] }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    messageId: text("message_id"),
  },
  (t) => [
    index("outbox_created_idx").on(t.createdAt),
    // Only mail not yet delivered: the sender's claim reads this small index, never the history.
    index("outbox_undelivered_idx")
      .on(t.id)
      .where(sql`status in ('pending', 'sending')`),
  ],
);

// In-app notifications: the same steps as the outbox mail, for a signed-in person's work area.
// The text is a message key with its values, shown in the reader's language when read.
export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    messageKey: text("message_key").notNull(),
    vars: jsonb("vars").$type<MessageVars>().notNull().default({}),
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    data: jsonb("data"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The activity log (modules/audit/list-audit.server.ts) reads the newest rows first, 50 at a
  // time by id, under filters; at millions of rows each filter needs an index that reaches its
  // rows without walking the whole table backwards: the person who acted (also the Admin Lokal's
  // scope, its agency's people) and the kind of action, each with the id to page by, and the
  // instant for a date range.
  (t) => [
    index("audit_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_actor_idx").on(t.actorUserId, t.id),
    index("audit_action_idx").on(t.action, t.id),
    index("audit_at_idx").on(t.at),
  ],
);

// --- Innovations ----------------------------------------------------------------------------

export const innovationStatus = pgEnum("innovation_status", [
  "inisiatif",
  "uji_coba",
  "implementasi",
  "berhenti",
]);
export const innovationOrigin = pgEnum("innovation_origin", [
  "original",
  "replication",
  "leadership_project",
]);
// The register's review workflow (see app/modules/innovations/workflow.ts).
export const innovationState = pgEnum("innovation_state", [
  "draft",
  "submitted",
  "returned",
  "published",
]);

export type Indicator = {
  name: string;
  before: string;
  after: string;
  unit: string;
  source: string;
  // The innovation's evidence file (innovation_files, kind "evidence") that proves this claim;
  // cleared when that file is removed.
  evidenceFileId?: number;
};

export const innovations = pgTable(
  "innovations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    acronym: text("acronym"),
    summary: text("summary").notNull().default(""),
    problem: text("problem").notNull().default(""),
    targetGroup: text("target_group").notNull().default(""),
    novelty: text("novelty").notNull().default(""),
    implementation: text("implementation").notNull().default(""),
    results: text("results").notNull().default(""),
    indicators: jsonb("indicators").$type<Indicator[]>().notNull().default([]),
    benefits: text("benefits").notNull().default(""),
    resources: text("resources").notNull().default(""),
    sustainability: text("sustainability").notNull().default(""),
    sectors: text("sectors").array().notNull().default(sql`'{}'::text[]`),
    sdgs: smallint("sdgs").array().notNull().default(sql`'{}'::smallint[]`),
    status: innovationStatus("status").notNull().default("inisiatif"),
    startedOn: date("started_on"),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    unitId: integer("unit_id").references(() => units.id),
    regionCode: text("region_code").references(() => regions.code),
    origin: innovationOrigin("origin").notNull().default("original"),
    originInnovationId: integer("origin_innovation_id"),
    originNote: text("origin_note"),
    videoUrl: text("video_url"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    state: innovationState("state").notNull().default("draft"),
    reviewComment: text("review_comment"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    // Denormalised from the agency so that catalogue facets are one scan of one table.
    agencyType: agencyType("agency_type").notNull(),
    provinceCode: text("province_code"),
    startYear: smallint("start_year"),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Maintained by a trigger (see the search migration): weighted Indonesian text vector.
    searchVector: tsvector("search_vector"),
  },
  (t) => [
    uniqueIndex("innovations_slug_idx").on(t.slug),
    index("innovations_agency_idx").on(t.agencyId, t.state),
    index("innovations_search_idx").using("gin", t.searchVector),
    index("innovations_published_idx").on(t.publishedAt, t.id).where(sql`state = 'published'`),
    index("innovations_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    // One Agency, One Innovation: "has this agency a published innovation started, or
    // published, in year Y?" answered from the index alone (0.9 s → 13 ms at 1M rows).
    index("innovations_published_agency_year_idx")
      .on(t.agencyId, t.startYear, t.publishedAt)
      .where(sql`state = 'published'`),
    index("innovations_published_agency_at_idx").on(t.agencyId, t.publishedAt).where(sql`state = 'published'`),
    // The catalogue's name and start-date orders read a page off these instead of sorting
    // every published row.
    index("innovations_published_name_idx").on(t.name, t.id).where(sql`state = 'published'`),
    index("innovations_published_started_idx")
      .on(t.startedOn.desc().nullsLast(), t.id.desc().nullsFirst())
      .where(sql`state = 'published'`),
  ],
);

export const fileKind = pgEnum("file_kind", ["photo", "evidence"]);

export const innovationFiles = pgTable(
  "innovation_files",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    innovationId: integer("innovation_id")
      .notNull()
      .references(() => innovations.id, { onDelete: "cascade" }),
    kind: fileKind("kind").notNull(),
    filename: text("filename").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    caption: text("caption"),
    data: bytea("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("innovation_files_innovation_idx").on(t.innovationId)],
);

export const innovationHistory = pgTable(
  "innovation_history",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    innovationId: integer("innovation_id")
      .notNull()
      .references(() => innovations.id, { onDelete: "cascade" }),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    changedFields: text("changed_fields").array().notNull().default(sql`'{}'::text[]`),
    comment: text("comment"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("innovation_history_innovation_idx").on(t.innovationId, t.at)],
);

// Yearly sustainability check-ins ("pemutakhiran"): is a published innovation still running?
// PROGRAMME.md: innovations die after the award and nobody knows (429 of 2,355 Top 99 entries had
// stopped when finally asked), so each year the agency answers for each of its innovations, with
// evidence, and the answer is public. One per innovation and year; answering again that year
// replaces it (the history keeps the earlier answer's trace).
export const checkInOutcome = pgEnum("check_in_outcome", ["running", "stopped"]);

export const innovationCheckIns = pgTable(
  "innovation_check_ins",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    innovationId: integer("innovation_id")
      .notNull()
      .references(() => innovations.id, { onDelete: "cascade" }),
    year: smallint("year").notNull(),
    outcome: checkInOutcome("outcome").notNull(),
    note: text("note").notNull(),
    evidenceUrl: text("evidence_url"),
    evidenceFileId: integer("evidence_file_id").references(() => innovationFiles.id, { onDelete: "set null" }),
    stoppedOn: date("stopped_on"),
    recordedBy: integer("recorded_by").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("innovation_check_ins_year_idx").on(t.innovationId, t.year)],
);

// --- Events: coaching clinics, replication forums, knowledge-sharing workshops ----------------

// PROGRAMME.md: coaching clinics run in regional batches (2017: six, batch 6 = five Sulawesi
// provinces and East Kalimantan) to train innovators before the deadline; replication forums and
// workshops spread what works. The secretariat announces them; agencies register their people.
export const eventKind = pgEnum("event_kind", ["coaching_clinic", "replication_forum", "workshop"]);

export const events = pgTable(
  "events",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull(),
    kind: eventKind("kind").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** The batch's name ("Angkatan 6"), when the event is one of a series. */
    batch: text("batch"),
    /** The provinces whose agencies may register (a regional batch); empty: every agency. */
    provinceCodes: text("province_codes").array().notNull().default(sql`'{}'::text[]`),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** The zone of the place, in which its times are first shown. */
    timeZone: timeZoneName("time_zone").notNull().default("WIB"),
    place: text("place").notNull(),
    capacity: integer("capacity"),
    registrationClosesAt: timestamp("registration_closes_at", { withTimezone: true }).notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("events_slug_idx").on(t.slug), index("events_starts_idx").on(t.startsAt)],
);

export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    name: text("name").notNull(),
    position: text("position").notNull().default(""),
    email: text("email").notNull(),
    registeredBy: integer("registered_by").references(() => users.id, { onDelete: "set null" }),
    registeredAt: timestamp("registered_at", { withTimezone: true }).notNull().defaultNow(),
    /** Marked by the secretariat after the event; null until then. */
    attended: boolean("attended"),
    /**
     * On the waiting list (the event was full when registered). The line is kept in order of
     * registration; a freed place goes to the first waiting one, who then holds a place.
     */
    waiting: boolean("waiting").notNull().default(false),
    /** When a waiting registration moved up to a place; null if it held one from the start. */
    promotedAt: timestamp("promoted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("event_registrations_email_idx").on(t.eventId, sql`lower(${t.email})`),
    index("event_registrations_agency_idx").on(t.eventId, t.agencyId),
    index("event_registrations_line_idx").on(t.eventId, t.waiting, t.registeredAt, t.id),
  ],
);

// --- Site visits (studi tiru) ----------------------------------------------------------------

// PROGRAMME.md: learning by seeing (niteni, nirokke, nemokke): an agency asks to visit another's
// innovation where it runs; the host answers with a date or a reason. The requests are the
// record of who learnt from whom, beside the replications.
export const visitState = pgEnum("visit_state", ["pending", "accepted", "declined", "cancelled"]);

export const visitRequests = pgTable(
  "visit_requests",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    innovationId: integer("innovation_id")
      .notNull()
      .references(() => innovations.id, { onDelete: "cascade" }),
    hostAgencyId: integer("host_agency_id")
      .notNull()
      .references(() => agencies.id),
    visitorAgencyId: integer("visitor_agency_id")
      .notNull()
      .references(() => agencies.id),
    requestedBy: integer("requested_by").references(() => users.id, { onDelete: "set null" }),
    preferredOn: date("preferred_on").notNull(),
    participants: smallint("participants").notNull(),
    purpose: text("purpose").notNull(),
    state: visitState("state").notNull().default("pending"),
    agreedOn: date("agreed_on"),
    answer: text("answer"),
    answeredBy: integer("answered_by").references(() => users.id, { onDelete: "set null" }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    /** The host moved an accepted visit: the date agreed before, and why. */
    rescheduledFrom: date("rescheduled_from"),
    rescheduleReason: text("reschedule_reason"),
    rescheduledAt: timestamp("rescheduled_at", { withTimezone: true }),
    /** An accepted visit called off by either side before its day: who, when and why. */
    cancelReason: text("cancel_reason"),
    cancelledBy: integer("cancelled_by").references(() => users.id, { onDelete: "set null" }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /**
     * After the agreed day the asking agency records whether it took place: only a visit recorded
     * as held counts as one (null: not recorded yet), with how many came and what they learnt.
     */
    held: boolean("held"),
    attendees: smallint("attendees"),
    learned: text("learned"),
    outcomeRecordedBy: integer("outcome_recorded_by").references(() => users.id, { onDelete: "set null" }),
    outcomeRecordedAt: timestamp("outcome_recorded_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("visit_requests_host_idx").on(t.hostAgencyId, t.createdAt), index("visit_requests_visitor_idx").on(t.visitorAgencyId, t.createdAt), index("visit_requests_innovation_idx").on(t.innovationId)],
);

// Distinct words of published innovations, for typo-tolerant search: a misspelt query word is
// corrected to its nearest trigram neighbour here before full-text search runs.
export const searchWords = pgTable(
  "search_words",
  {
    word: text("word").primaryKey(),
  },
  (t) => [index("search_words_trgm_idx").using("gin", sql`${t.word} gin_trgm_ops`)],
);

// Settings and demo flags.
export const meta = pgTable("meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
});

// --- Competitions ---------------------------------------------------------------------------

// draft: being set up, seen only by the secretariat; announced: public, its stages run by
// their dates; provisional: results announced, objections open; final: decree recorded and
// results published.
export const competitionState = pgEnum("competition_state", ["draft", "announced", "provisional", "final"]);

export const competitions = pgTable(
  "competitions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull(),
    edition: smallint("edition").notNull(),
    name: text("name").notNull(),
    theme: text("theme").notNull().default(""),
    legalBasis: text("legal_basis").notNull().default(""),
    state: competitionState("state").notNull().default("draft"),
    // The whole configuration (app/modules/competitions/config.ts), validated on every write.
    config: jsonb("config").$type<CompetitionConfig>().notNull(),
    clonedFromId: integer("cloned_from_id"),
    announcedAt: timestamp("announced_at", { withTimezone: true }),
    // The provisional announcement opens the objection window (config.objectionDays).
    provisionalAt: timestamp("provisional_at", { withTimezone: true }),
    decreeNumber: text("decree_number"),
    decreeDate: date("decree_date"),
    resultsPublishedAt: timestamp("results_published_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("competitions_slug_idx").on(t.slug), index("competitions_edition_idx").on(t.edition)],
);

// --- Proposals ------------------------------------------------------------------------------

// A proposal's path inside its agency before it reaches the secretariat (see
// app/modules/proposals/workflow.ts): the unit operator drafts, Admin Lokal checks and
// forwards, the head of agency endorses, and endorsement is submission.
export const proposalState = pgEnum("proposal_state", [
  "draft",
  "agency_review",
  "returned",
  "awaiting_endorsement",
  "submitted",
  "withdrawn",
]);

// The secretariat's administrative screening of a submitted proposal.
export const screeningResult = pgEnum("screening_result", ["pending", "passed", "failed"]);

// Receipt numbers come from one sequence: taking one never waits for another submission (a
// counter row would make every submission of the deadline rush queue on one lock). Numbers
// rise within an edition; a rolled-back submission leaves a gap.
export const proposalReceiptSeq = pgSequence("proposal_receipt_seq");

export const proposals = pgTable(
  "proposals",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer("competition_id")
      .notNull()
      .references(() => competitions.id),
    innovationId: integer("innovation_id")
      .notNull()
      .references(() => innovations.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    unitId: integer("unit_id").references(() => units.id),
    // Codes in the competition's configuration.
    groupCode: text("group_code").notNull(),
    categoryCode: text("category_code").notNull(),
    title: text("title").notNull(),
    state: proposalState("state").notNull().default("draft"),
    // Replication proposals name the innovations they replicate.
    sourceInnovationIds: integer("source_innovation_ids").array().notNull().default(sql`'{}'::integer[]`),
    // Link attachments by attachment code (the video), and the declarations accepted.
    links: jsonb("links").$type<Record<string, string>>().notNull().default({}),
    declarations: text("declarations").array().notNull().default(sql`'{}'::text[]`),
    reviewComment: text("review_comment"),
    receiptNumber: text("receipt_number"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    endorsedBy: integer("endorsed_by").references(() => users.id, { onDelete: "set null" }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    screening: screeningResult("screening").notNull().default("pending"),
    // Checklist item code → checked; the reason is what the applicant reads when it failed.
    screeningChecklist: jsonb("screening_checklist").$type<Record<string, boolean>>().notNull().default({}),
    screeningReason: text("screening_reason"),
    screenedBy: integer("screened_by").references(() => users.id, { onDelete: "set null" }),
    screenedAt: timestamp("screened_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One live proposal per innovation and edition (a withdrawn one may be entered again).
    uniqueIndex("proposals_innovation_live_idx").on(t.competitionId, t.innovationId).where(sql`state <> 'withdrawn'`),
    uniqueIndex("proposals_receipt_idx").on(t.receiptNumber),
    index("proposals_competition_state_idx").on(t.competitionId, t.state),
    index("proposals_agency_idx").on(t.agencyId, t.competitionId),
  ],
);

// Each section is saved on its own, with its own version: two people writing different
// sections of one draft never collide, and two writing the same section are told.
export const proposalSections = pgTable(
  "proposal_sections",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    sectionCode: text("section_code").notNull(),
    body: text("body").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.sectionCode] })],
);

export const proposalFiles = pgTable(
  "proposal_files",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    // A section code (its evidence) or an attachment code.
    slot: text("slot").notNull(),
    filename: text("filename").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("proposal_files_proposal_idx").on(t.proposalId, t.slot)],
);

export const proposalHistory = pgTable(
  "proposal_history",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    comment: text("comment"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("proposal_history_proposal_idx").on(t.proposalId, t.at)],
);

// The similarity screening: each submitted proposal against the others and the register.
export const similarityRunState = pgEnum("similarity_run_state", ["running", "done", "failed"]);

export const similarityRuns = pgTable("similarity_runs", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  competitionId: integer("competition_id")
    .notNull()
    .references(() => competitions.id, { onDelete: "cascade" }),
  state: similarityRunState("state").notNull().default("running"),
  proposals: integer("proposals").notNull().default(0),
  comparedWith: integer("compared_with").notNull().default(0),
  flagged: integer("flagged").notNull().default(0),
  error: text("error"),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  startedBy: integer("started_by").references(() => users.id, { onDelete: "set null" }),
});

export type MatchedPassage = { a: { start: number; end: number; text: string }; b: { start: number; end: number; text: string } };

export const similarityMatches = pgTable(
  "similarity_matches",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    runId: integer("run_id")
      .notNull()
      .references(() => similarityRuns.id, { onDelete: "cascade" }),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    // The other text: another proposal, or an innovation of the register.
    otherKind: text("other_kind").notNull(),
    otherId: integer("other_id").notNull(),
    similarity: smallint("similarity").notNull(),
    identicalTitle: boolean("identical_title").notNull().default(false),
    passages: jsonb("passages").$type<MatchedPassage[]>().notNull().default([]),
  },
  (t) => [index("similarity_matches_run_proposal_idx").on(t.runId, t.proposalId)],
);

// --- Judging --------------------------------------------------------------------------------

// A judge's standing profile, kept across editions: what they know (sector codes, as the
// register's), and where they stand (their home agency is users.agency_id; the region matters
// only for a regional-government official, see app/modules/judging/assign.ts).
export const judgeProfiles = pgTable("judge_profiles", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  expertise: text("expertise").array().notNull().default(sql`'{}'::text[]`),
  // A province or regency/city code; null for a judge with no regional stake.
  regionCode: text("region_code").references(() => regions.code),
  affiliation: text("affiliation").notNull().default(""),
  updatedAt: updatedAt(),
});

// Who judges in an edition: the secretariat picks judges from the evaluator and panelist pools.
export const competitionJudges = pgTable(
  "competition_judges",
  {
    competitionId: integer("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Most proposals per stage; null for no limit.
    capacity: integer("capacity"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.competitionId, t.userId] })],
);

// A conflict of interest a judge declares (or the secretariat records) on one proposal. A
// declared conflict keeps the judge away from the proposal until the secretariat dismisses it.
export const conflictKind = pgEnum("conflict_kind", ["family", "work", "financial", "mentoring", "other"]);
export const conflictState = pgEnum("conflict_state", ["pending", "confirmed", "dismissed"]);
export const conflicts = pgTable(
  "conflicts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    judgeId: integer("judge_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: conflictKind("kind").notNull(),
    note: text("note").notNull().default(""),
    state: conflictState("state").notNull().default("pending"),
    declaredBy: integer("declared_by").references(() => users.id, { onDelete: "set null" }),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decisionReason: text("decision_reason"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("conflicts_pair_idx").on(t.competitionId, t.proposalId, t.judgeId),
    index("conflicts_state_idx").on(t.competitionId, t.state),
  ],
);

// Who judges what in a stage. "auto" pairs come from the assignment run; "manual" pairs were
// added by hand (audited).
export const assignments = pgTable(
  "assignments",
  {
    competitionId: integer("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    stageCode: text("stage_code").notNull(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    judgeId: integer("judge_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    source: text("source").notNull().default("auto"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.competitionId, t.stageCode, t.proposalId, t.judgeId] }),
    index("assignments_judge_idx").on(t.judgeId, t.competitionId, t.stageCode),
  ],
);

// One judge's review of one proposal in one stage: a score and a justification per criterion.
export const reviewState = pgEnum("review_state", ["draft", "submitted"]);
export const reviews = pgTable(
  "reviews",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    stageCode: text("stage_code").notNull(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    judgeId: integer("judge_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Criterion code → score on the criterion's scale, and → the judge's justification.
    scores: jsonb("scores").$type<Record<string, number>>().notNull().default({}),
    justifications: jsonb("justifications").$type<Record<string, string>>().notNull().default({}),
    // For the applicant's feedback (judges are never named to applicants).
    comment: text("comment").notNull().default(""),
    state: reviewState("state").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    // Set when the secretariat reopens a review after the stage closed: the judge may change it
    // until they submit again.
    reopenedAt: timestamp("reopened_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("reviews_pair_idx").on(t.competitionId, t.stageCode, t.proposalId, t.judgeId),
    index("reviews_stage_idx").on(t.competitionId, t.stageCode, t.state),
  ],
);

// What the plenary decided for a proposal at the end of a stage: whether it goes on, and why.
// `proposed` is what the advancement rule proposed; a decision that differs is an override and
// needs a reason (audited).
export const stageDecisions = pgTable(
  "stage_decisions",
  {
    competitionId: integer("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    stageCode: text("stage_code").notNull(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    advances: boolean("advances").notNull(),
    proposed: boolean("proposed").notNull(),
    rank: integer("rank"),
    score: doublePrecision("score"),
    reason: text("reason").notNull().default(""),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.competitionId, t.stageCode, t.proposalId] })],
);

// --- Results --------------------------------------------------------------------------------

// A tier awarded to a proposal: from the plenary decisions of the stages that award a tier, or
// set by the secretariat (a tier no stage awards, such as Outstanding, or after an objection).
// The certificate code is issued when the results are published; anyone can verify it.
export const awards = pgTable(
  "awards",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    innovationId: integer("innovation_id")
      .notNull()
      .references(() => innovations.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    tierCode: text("tier_code").notNull(),
    source: text("source").notNull().default("stage"),
    certificateCode: text("certificate_code"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("awards_proposal_idx").on(t.competitionId, t.proposalId),
    uniqueIndex("awards_certificate_idx").on(t.certificateCode),
    index("awards_innovation_idx").on(t.innovationId),
    index("awards_agency_idx").on(t.agencyId),
  ],
);

// An agency's objection to the provisional results, and the secretariat's answer.
export const objectionState = pgEnum("objection_state", ["pending", "upheld", "rejected"]);
export const objections = pgTable(
  "objections",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    // The proposal it is about (the agency's own or another); null for the results as a whole.
    proposalId: integer("proposal_id").references(() => proposals.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    state: objectionState("state").notNull().default("pending"),
    response: text("response"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [index("objections_competition_idx").on(t.competitionId, t.state)],
);

// --- Presentation and field verification -------------------------------------------------

// The presentation and interview (PROGRAMME.md: 20 minutes, online since 2020, the head of
// agency expected to present): one slot per proposal per stage. `location` is the meeting link
// (http or https only) for an online slot, the room's name otherwise. The agency confirms or
// declines attendance until the day before (see app/modules/stages/slots.ts).
export const presentationMode = pgEnum("presentation_mode", ["online", "room"]);
export const attendanceState = pgEnum("attendance_state", ["pending", "confirmed", "declined"]);
export const presentationSlots = pgTable(
  "presentation_slots",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    stageCode: text("stage_code").notNull(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    minutes: integer("minutes").notNull().default(20),
    mode: presentationMode("mode").notNull().default("online"),
    location: text("location").notNull().default(""),
    // Null until the agency is mailed, and again after a change it has not been told of.
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    attendance: attendanceState("attendance").notNull().default("pending"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    confirmedBy: integer("confirmed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("presentation_slots_proposal_idx").on(t.competitionId, t.stageCode, t.proposalId),
    index("presentation_slots_start_idx").on(t.competitionId, t.stageCode, t.startsAt),
  ],
);

// A resident's (or a service user's) testimony heard during a field visit.
export type Testimony = { name: string; relation: string; text: string };

// What the field team found for one indicator the innovation claims (PROGRAMME.md: "verification
// recorded beside the self-assessment"). Keyed by the indicator's position and name at report
// time, with the claim copied as it was, so a later edit of the register neither re-maps a check
// nor changes what the plenary reads as claimed.
export type IndicatorFinding = "sesuai" | "sebagian" | "tidak_sesuai" | "tidak_diperiksa";
export type IndicatorCheck = {
  position: number;
  name: string;
  claimed: { before: string; after: string; unit: string; source: string; evidenceFileId?: number; evidenceFilename?: string };
  // What the records on site show (e.g. the verified "after" value).
  observed: string;
  // Null while the report is a draft and the team has not decided yet.
  finding: IndicatorFinding | null;
  note: string;
};

// The field verification of one proposal (PROGRAMME.md: at least one panelist and one evaluator
// visit; they also ask residents about the impact). The team is the stage's assignments; the
// report is written by any team member and locks once submitted (the secretariat may reopen it,
// audited). `verified` stays null until the report is submitted with a decision.
export const fieldVisits = pgTable(
  "field_visits",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    stageCode: text("stage_code").notNull(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    visitDate: date("visit_date"),
    // Checklist item code → checked (the items are in app/modules/stages/checklist.ts).
    checklist: jsonb("checklist").$type<Record<string, boolean>>().notNull().default({}),
    notes: text("notes").notNull().default(""),
    testimonies: jsonb("testimonies").$type<Testimony[]>().notNull().default([]),
    indicatorChecks: jsonb("indicator_checks").$type<IndicatorCheck[]>().notNull().default([]),
    verified: boolean("verified"),
    // Why the innovation was not verified (required then); what the plenary reads.
    reason: text("reason").notNull().default(""),
    submittedBy: integer("submitted_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    // Set when the secretariat reopens a submitted report, until it is submitted again.
    reopenedAt: timestamp("reopened_at", { withTimezone: true }),
    // The team member who last saved the report; null while only the visit date is set.
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("field_visits_proposal_idx").on(t.competitionId, t.stageCode, t.proposalId)],
);

// Photos of a field visit, checked by their bytes (JPEG or PNG) and size, as proposal files are.
export const fieldVisitPhotos = pgTable(
  "field_visit_photos",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    visitId: integer("visit_id")
      .notNull()
      .references(() => fieldVisits.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("field_visit_photos_visit_idx").on(t.visitId)],
);

// Files sent with a form that was refused for another reason (a missing field, a stale
// version). A browser cannot be handed a file back, so they wait here, owned by the person who
// sent them, until the form is sent again (they are then used and removed) or a day passes.
export const heldUploads = pgTable(
  "held_uploads",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    // Random, and only ever honoured for its owner: the form carries it back.
    token: text("token").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    field: text("field").notNull(),
    filename: text("filename").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    data: bytea("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("held_uploads_token_idx").on(t.token), index("held_uploads_user_idx").on(t.userId, t.createdAt)],
);

// The special group ("khusus") is entered by invitation only: the secretariat invites earlier
// winners that have kept running for years. One row per invited innovation and group.
export const groupInvitations = pgTable(
  "group_invitations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    groupCode: text("group_code").notNull(),
    innovationId: integer("innovation_id")
      .notNull()
      .references(() => innovations.id, { onDelete: "cascade" }),
    invitedBy: integer("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("group_invitations_unique_idx").on(t.competitionId, t.groupCode, t.innovationId)],
);

// --- Open-data snapshots -----------------------------------------------------------------------

// The open-data files (app/modules/open-data/), written once a night rather than for each
// download: the innovations file of a million rows costs the server over a minute to build, and
// a download should cost it no more than reading stored bytes. A snapshot is one file's gzip
// stream, cut into parts (bytea rows of about a megabyte, so that no row is huge and serving
// streams part by part); it counts once `finishedAt` is set.
export const openDataSnapshots = pgTable(
  "open_data_snapshots",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    dataset: text("dataset").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    rows: integer("rows"),
    // The CSV's size as downloaded, and as stored (gzip).
    bytes: bigint("bytes", { mode: "number" }),
    gzipBytes: bigint("gzip_bytes", { mode: "number" }),
    sha256: text("sha256"),
  },
  (t) => [index("open_data_snapshots_dataset_idx").on(t.dataset, t.finishedAt)],
);

export const openDataSnapshotParts = pgTable(
  "open_data_snapshot_parts",
  {
    snapshotId: integer("snapshot_id")
      .notNull()
      .references(() => openDataSnapshots.id, { onDelete: "cascade" }),
    part: integer("part").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.part] })],
);
