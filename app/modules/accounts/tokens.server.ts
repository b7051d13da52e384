import { createHash, randomBytes } from "node:crypto";
import type { DbOrTx } from "~/db/client.server";
import { userTokens } from "~/db/schema";

/** A random token for a cookie or an emailed link; only its hash is stored. */
export const newToken = () => randomBytes(32).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A one-use link's token for an account (an invitation, a reset, an email change to `newEmail`),
 * stored by its hash until `lifetimeMs` has passed.
 */
export async function issueLinkToken(tx: DbOrTx, userId: number, purpose: "invite" | "reset" | "email-change", lifetimeMs: number, newEmail?: string) {
  const token = newToken();
  await tx.insert(userTokens).values({ tokenHash: hashToken(token), userId, purpose, expiresAt: new Date(Date.now() + lifetimeMs), newEmail: newEmail ?? null });
  return token;
}
