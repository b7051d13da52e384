import type { Db } from "~/db/client.server";
import { users } from "~/db/schema";
import type { Role } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { hashPassword } from "./password.server";

/** A user with a password straight away: the CLI's first admin, the demo accounts, tests. */
export async function createUser(
  db: Db,
  input: { email: string; name: string; role: Role; password: string; agencyId?: number | null; unitId?: number | null },
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        passwordHash,
        agencyId: input.agencyId ?? null,
        unitId: input.unitId ?? null,
      })
      .returning();
    await recordAudit(tx, { actorUserId: null, action: "user.create", subjectType: "user", subjectId: u.id, data: { role: input.role } });
    return u;
  });
}
