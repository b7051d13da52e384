// The judge pools of an edition. Evaluators (academics and practitioners who score the
// written proposals) and panelists (the independent panel, TPI) are accounts with those roles;
// the secretariat picks who judges in an edition and keeps each judge's profile: sectors of
// expertise, affiliation and, for a regional-government official, their region.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client.server";
import { agencies, competitionJudges, judgeProfiles, regions, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { JudgeForAssignment } from "./assign";

export const JUDGE_ROLES = ["evaluator", "panelist"] as const;
export type JudgeRole = (typeof JUDGE_ROLES)[number];
const REGIONAL = new Set(["provinsi", "kabupaten", "kota"]);

export type PoolJudge = {
  id: number;
  name: string;
  email: string;
  role: JudgeRole;
  agencyId: number | null;
  agency: string | null;
  agencyType: string | null;
  agencyRegion: string | null;
  expertise: string[];
  regionCode: string | null;
  affiliation: string;
  member: boolean;
  capacity: number | null;
};

/** Every evaluator and panelist, with their profile and whether they judge in this edition. */
export async function judgePool(db: DbOrTx, competitionId: number): Promise<PoolJudge[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      agencyId: users.agencyId,
      agency: agencies.name,
      agencyType: agencies.type,
      agencyRegion: agencies.regionCode,
      expertise: judgeProfiles.expertise,
      regionCode: judgeProfiles.regionCode,
      affiliation: judgeProfiles.affiliation,
      memberOf: competitionJudges.competitionId,
      capacity: competitionJudges.capacity,
    })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(judgeProfiles, eq(judgeProfiles.userId, users.id))
    .leftJoin(competitionJudges, and(eq(competitionJudges.userId, users.id), eq(competitionJudges.competitionId, competitionId)))
    .where(inArray(users.role, [...JUDGE_ROLES]))
    .orderBy(asc(users.role), asc(users.name), asc(users.id));
  return rows
    .filter((r) => r.role === "evaluator" || r.role === "panelist")
    .map(({ memberOf, ...r }) => ({
      ...r,
      role: r.role as JudgeRole,
      expertise: r.expertise ?? [],
      affiliation: r.affiliation ?? "",
      member: memberOf !== null,
    }));
}

/** The judge as the assignment engine sees them. */
export function forAssignment(j: PoolJudge): JudgeForAssignment {
  // A judge's region: the one on their profile, else their agency's when it is a regional
  // government (an official of Kabupaten Banyumas stands in Central Java).
  const regional = j.agencyType !== null && REGIONAL.has(j.agencyType);
  const region = j.regionCode ?? (regional ? j.agencyRegion : null);
  const isRegency = region?.includes(".") ?? false;
  return {
    id: String(j.id),
    capacity: j.capacity ?? undefined,
    expertise: j.expertise,
    agencyId: j.agencyId === null ? null : String(j.agencyId),
    provinceCode: region && !isRegency ? region : null,
    regencyCode: region && isRegency ? region : null,
    regionalGovernment: regional || j.regionCode !== null,
  };
}

export type JudgeChange = { userId: number; member: boolean; capacity: number | null; expertise: string[]; regionCode: string | null; affiliation: string };

/** Save the pool rows sent from the judges page: membership, capacity and profile. */
export async function saveJudges(db: Db, actor: Actor, competitionId: number, changes: JudgeChange[]) {
  assertCan(actor, "competition.manage");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  if (!changes.length) return 0;
  return db.transaction(async (tx) => {
    const ids = changes.map((c) => c.userId);
    const known = await tx.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, ids));
    if (known.length !== new Set(ids).size || known.some((u) => u.role !== "evaluator" && u.role !== "panelist")) {
      throw new AppError("invalid", "judging.errors.notJudge");
    }
    const codes = [...new Set(changes.flatMap((c) => (c.regionCode ? [c.regionCode] : [])))];
    if (codes.length) {
      const found = await tx.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes));
      if (found.length !== codes.length) throw new AppError("invalid", "judging.errors.region", { regionCode: "judging.errors.region" });
    }
    for (const c of changes) {
      const profile = { expertise: c.expertise, regionCode: c.regionCode, affiliation: c.affiliation, updatedAt: new Date() };
      await tx.insert(judgeProfiles).values({ userId: c.userId, ...profile }).onConflictDoUpdate({ target: judgeProfiles.userId, set: profile });
      if (c.member) {
        await tx
          .insert(competitionJudges)
          .values({ competitionId, userId: c.userId, capacity: c.capacity })
          .onConflictDoUpdate({ target: [competitionJudges.competitionId, competitionJudges.userId], set: { capacity: c.capacity } });
      } else {
        await tx.delete(competitionJudges).where(and(eq(competitionJudges.competitionId, competitionId), eq(competitionJudges.userId, c.userId)));
      }
    }
    await recordAudit(tx, { actorUserId: actor.id, action: "judges.save", subjectType: "competition", subjectId: competitionId, data: { changes } });
    return changes.length;
  });
}
