import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client.server";
import { preparedPerDatabase } from "~/db/prepared.server";
import { agencies, regions, sessions, users } from "~/db/schema";
import type { Actor } from "~/lib/policy";
import type { ZoneName } from "~/i18n";
import { hashToken, newToken } from "./tokens.server";

export const SESSION_COOKIE = "lumbung_session";

export type LoadedSession = {
  actor: Extract<Actor, { kind: "user" }>;
  idHash: string;
  zone: ZoneName | null;
  agencyName: string | null;
  locale: string | null;
  createdAt: Date;
  expiresAt: Date;
  /** Whether the account has two-step sign-in on. */
  twoStep: boolean;
};

// A session lasts SESSION_HOURS from its last use, not from sign-in: an operator who opens the
// register form in the morning and saves it in the afternoon is still signed in, and what they
// typed is not lost to a 401. It is renewed when half its time has gone (one write a few hours
// at most, not one a request), and never beyond a week from sign-in, so a stolen cookie does
// not live for ever by being used.
export const SESSION_MAX_DAYS = 7;

export function needsRenewal(s: Pick<LoadedSession, "createdAt" | "expiresAt">, hours: number, now = new Date()): boolean {
  const left = s.expiresAt.getTime() - now.getTime();
  return left < (hours * 3600_000) / 2 && renewedUntil(s, hours, now) > s.expiresAt;
}

const renewedUntil = (s: Pick<LoadedSession, "createdAt">, hours: number, now: Date) =>
  new Date(Math.min(now.getTime() + hours * 3600_000, s.createdAt.getTime() + SESSION_MAX_DAYS * 86_400_000));

/** Push the session's end to `hours` from now (within the week's cap); the new end. */
export async function renewSession(db: Db, s: Pick<LoadedSession, "idHash" | "createdAt">, hours: number, now = new Date()): Promise<Date> {
  const until = renewedUntil(s, hours, now);
  await db.update(sessions).set({ expiresAt: until }).where(eq(sessions.idHash, s.idHash));
  return until;
}

// Every request looks its session up: prepared once (db/prepared.server.ts).
const sessionLookup = preparedPerDatabase((db) =>
  db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      agencyId: users.agencyId,
      unitId: users.unitId,
      locale: users.locale,
      disabledAt: users.disabledAt,
      twoStep: sql<boolean>`${users.totpEnabledAt} is not null`,
      agencyName: agencies.name,
      zone: regions.timeZone,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(regions, eq(regions.code, agencies.provinceCode))
    .where(and(eq(sessions.idHash, sql.placeholder("idHash")), gt(sessions.expiresAt, sql.placeholder("now"))))
    .limit(1)
    .prepare("lumbung_session_lookup"),
);

export async function loadSession(db: Db, token: string | undefined): Promise<LoadedSession | null> {
  if (!token || token.length > 100) return null;
  const idHash = hashToken(token);
  const [row] = await sessionLookup(db).execute({ idHash, now: new Date().toISOString() });
  if (!row || row.disabledAt) return null;
  return {
    actor: {
      kind: "user",
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      agencyId: row.agencyId,
      unitId: row.unitId,
    },
    idHash,
    zone: row.zone ?? null,
    agencyName: row.agencyName ?? null,
    locale: row.locale,
    createdAt: new Date(row.createdAt),
    expiresAt: new Date(row.expiresAt),
    twoStep: row.twoStep,
  };
}

/**
 * Start a fresh session for the user. Any session the browser carried before is ended, so a
 * session id planted before login is worthless after it (rotation at login).
 */
export async function startSession(
  db: DbOrTx,
  userId: number,
  hours: number,
  previousToken?: string,
): Promise<{ token: string; expiresAt: Date }> {
  if (previousToken) await db.delete(sessions).where(eq(sessions.idHash, hashToken(previousToken)));
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
  const token = newToken();
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await db.insert(sessions).values({ idHash: hashToken(token), userId, expiresAt });
  return { token, expiresAt };
}

export async function endSession(db: DbOrTx, token: string | undefined) {
  if (token) await db.delete(sessions).where(eq(sessions.idHash, hashToken(token)));
}
