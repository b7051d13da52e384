// Judging is settled once the results are announced: the awards were written from its plenary
// decisions, and the agencies object to what they were shown. Assignments, decisions and
// reopened reviews after that would change results nobody re-announces.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { competitions } from "~/db/schema";
import { AppError } from "~/lib/errors";

/**
 * Refuse a change to an edition's judging once results are provisional or final. The row is
 * share-locked for the rest of the transaction, so an announcement (which locks it for update)
 * waits for the change or comes first and is seen.
 */
export async function assertJudgingOpen(tx: DbOrTx, competitionId: number) {
  const [c] = await tx.select({ state: competitions.state }).from(competitions).where(eq(competitions.id, competitionId)).for("share");
  if (!c) throw new AppError("not-found", "errors.notFound");
  if (c.state === "provisional" || c.state === "final") throw new AppError("conflict", "judging.errors.resultsAnnounced");
}
