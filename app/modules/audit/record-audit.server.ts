import type { DbOrTx } from "~/db/client.server";
import { auditLog } from "~/db/schema";

/** One audit row; call it inside the same transaction as the change it records. */
export async function recordAudit(
  tx: DbOrTx,
  entry: { actorUserId: number | null; action: string; subjectType: string; subjectId: string | number; data?: unknown },
) {
  await tx.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: String(entry.subjectId),
    data: entry.data ?? null,
  });
}
