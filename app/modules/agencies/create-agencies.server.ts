import { inArray } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, regions } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { newAgencySlug } from "./agency-slug.server";
import { namesTaken } from "./same-name.server";
import type { AgencyInput } from "./schemas";

/** Add BUMN/BUMD agencies in one transaction: all of them or none. */
export async function createAgencies(db: Db, actor: Actor, rows: AgencyInput[]) {
  assertCan(actor, "agency.create");
  const codes = [...new Set(rows.map((r) => r.regionCode).filter((c): c is string => Boolean(c)))];
  const known = codes.length ? await db.select().from(regions).where(inArray(regions.code, codes)) : [];
  const byCode = new Map(known.map((r) => [r.code, r]));
  return db.transaction(async (tx) => {
    const created: { id: number; slug: string }[] = [];
    for (const [i, r] of rows.entries()) {
      const region = r.regionCode ? byCode.get(r.regionCode) : undefined;
      if (r.regionCode && !region) throw new AppError("invalid", "agencies.errors.regionUnknown", { row: String(i) });
      // Earlier rows are already inserted in this transaction, so a name twice in `rows` is caught too.
      if ((await namesTaken(tx, [r.name])).size) throw new AppError("conflict", "agencies.errors.nameTaken", { row: String(i) });
      const slug = await newAgencySlug(tx, r);
      const [a] = await tx
        .insert(agencies)
        .values({
          name: r.name,
          shortName: r.shortName ?? null,
          type: r.type,
          slug,
          regionCode: region?.code ?? null,
          provinceCode: region?.provinceCode ?? null,
          activeFrom: r.activeFrom ?? null,
          activeUntil: r.activeUntil ?? null,
        })
        .returning({ id: agencies.id, slug: agencies.slug });
      created.push(a);
    }
    await recordAudit(tx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "agency.create",
      subjectType: "agency",
      subjectId: created.map((c) => c.id).join(","),
    });
    return created;
  });
}
