// Changing one's own email address. The address is the account's sign-in name and where its
// reset links go, so the change takes effect only once the new mailbox proves it is the
// owner's: a link is sent there, and the old address is told, so that someone who took over a
// session cannot move the account to a mailbox of theirs unnoticed.
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { users, userTokens } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { bilingual, bilingualSubject, queueMail } from "~/modules/mail/queue-mail.server";
import { isSharedDemoLogin } from "~/modules/demo/demo-logins";
import { provePassword } from "./my-account.server";
import { hashToken, issueLinkToken } from "./tokens.server";

/** How long the confirmation link sent to the new address lasts. */
export const EMAIL_CHANGE_HOURS = 24;

async function addressTaken(db: Db, email: string, exceptUserId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email.toLowerCase()), ne(users.id, exceptUserId)));
  return row !== undefined;
}

/** The change waiting for its link to be opened, if any. */
export async function pendingEmailChange(db: Db, userId: number, now = new Date()) {
  const [row] = await db
    .select({ newEmail: userTokens.newEmail, expiresAt: userTokens.expiresAt })
    .from(userTokens)
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, "email-change"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
    .orderBy(sql`${userTokens.createdAt} desc`)
    .limit(1);
  return row?.newEmail ? { newEmail: row.newEmail, expiresAt: row.expiresAt } : null;
}

/** Ask for the change: proved with the password; the link goes to the new address. */
export async function askEmailChange(
  db: Db,
  me: { id: number },
  input: { newEmail: string; current: string },
  opts: { baseUrl: string; demo: boolean; now?: Date },
) {
  const now = opts.now ?? new Date();
  const [user] = await db.select().from(users).where(eq(users.id, me.id));
  // On a public demo everyone signs in with the same accounts (as for their passwords).
  if (isSharedDemoLogin(opts.demo, user.email)) throw new AppError("conflict", "accounts.me.errors.demoEmail");
  if (input.newEmail === user.email.toLowerCase()) throw new AppError("invalid", "accounts.me.errors.sameEmail", { newEmail: "accounts.me.errors.sameEmail" });
  await provePassword(db, user, input.current, now);
  if (await addressTaken(db, input.newEmail, me.id)) throw new AppError("invalid", "accounts.errors.emailTaken", { newEmail: "accounts.errors.emailTaken" });
  await db.transaction(async (tx) => {
    // One change waits at a time: asking again ends the earlier link.
    await tx
      .update(userTokens)
      .set({ expiresAt: now })
      .where(and(eq(userTokens.userId, me.id), eq(userTokens.purpose, "email-change"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)));
    const token = await issueLinkToken(tx, me.id, "email-change", EMAIL_CHANGE_HOURS * 3600_000, input.newEmail);
    await queueMail(tx, [
      {
        to: input.newEmail,
        kind: "email-change",
        subject: bilingualSubject("mail.emailChange.subject"),
        body: bilingual("mail.emailChange.body", { name: user.name, link: `${opts.baseUrl}/ganti-email/${token}`, hours: EMAIL_CHANGE_HOURS }),
      },
      {
        to: user.email,
        kind: "email-change-asked",
        subject: bilingualSubject("mail.emailChangeAsked.subject"),
        body: bilingual("mail.emailChangeAsked.body", { name: user.name, email: input.newEmail, at: { instant: now.toISOString(), zone: "WIB" } }),
      },
    ]);
    await recordAudit(tx, { actorUserId: me.id, action: "user.emailChangeAsked", subjectType: "user", subjectId: me.id, data: { to: input.newEmail } });
  });
}

/** The live change a link stands for, or null. */
export async function findEmailChange(db: Db, token: string, now = new Date()) {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ userId: userTokens.userId, oldEmail: users.email, newEmail: userTokens.newEmail })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, "email-change"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now), isNull(users.disabledAt)));
  return row?.newEmail ? { userId: row.userId, oldEmail: row.oldEmail, newEmail: row.newEmail } : null;
}

/**
 * Open the link: the account moves to the new address. The token is spent by a conditional
 * update (of two requests racing, one wins), and the address is checked again, as another
 * account may have taken it since the link was sent.
 */
export async function confirmEmailChange(db: Db, token: string, now = new Date()): Promise<{ userId: number; newEmail: string }> {
  const found = await findEmailChange(db, token, now);
  if (!found) throw new AppError("invalid", "accounts.errors.tokenInvalid");
  if (await addressTaken(db, found.newEmail, found.userId)) throw new AppError("conflict", "accounts.errors.emailTaken");
  return moveAccount(db, token, found, now).catch((e: unknown) => {
    // Taken between the check above and the update, by an invitation at the same moment: the
    // unique index on the address refuses the second, and the link stays unspent.
    const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    if (code === "23505") throw new AppError("conflict", "accounts.errors.emailTaken");
    throw e;
  });
}

function moveAccount(db: Db, token: string, found: { userId: number; oldEmail: string; newEmail: string }, now: Date) {
  return db.transaction(async (tx) => {
    const spent = await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, "email-change"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
      .returning({ userId: userTokens.userId });
    if (!spent.length) throw new AppError("invalid", "accounts.errors.tokenInvalid");
    const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, found.userId));
    await tx.update(users).set({ email: found.newEmail }).where(eq(users.id, found.userId));
    // Reset links sent to the old address no longer belong to the account's mailbox.
    await tx
      .update(userTokens)
      .set({ expiresAt: now })
      .where(and(eq(userTokens.userId, found.userId), eq(userTokens.purpose, "reset"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)));
    await recordAudit(tx, { actorUserId: found.userId, action: "user.emailChange", subjectType: "user", subjectId: found.userId, data: { from: found.oldEmail, to: found.newEmail } });
    await queueMail(tx, {
      to: found.oldEmail,
      kind: "email-changed",
      subject: bilingualSubject("mail.emailChanged.subject"),
      body: bilingual("mail.emailChanged.body", { name: user.name, email: found.newEmail, at: { instant: now.toISOString(), zone: "WIB" } }),
    });
    return { userId: found.userId, newEmail: found.newEmail };
  });
}
