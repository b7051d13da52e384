import type { DbOrTx } from "~/db/client.server";
import { auditLog } from "~/db/schema";

export type AuditEntry = { actorUserId: number | null; action: string; subjectType: string; subjectId: string | number; data?: unknown };

/** The audit row's insert, not yet sent: for a step that sends its writes together (db/write-together.server.ts). */
export function auditInsert(tx: DbOrTx, entry: AuditEntry) {
  return tx.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: String(entry.subjectId),
    data: entry.data ?? null,
  });
}

/** One audit row; call it inside the same transaction as the change it records. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry) {
  await auditInsert(tx, entry);
}
