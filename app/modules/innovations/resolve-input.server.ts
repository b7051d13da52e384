import { and, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, innovations, units } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { placedUnit, type Actor } from "~/lib/policy";
import { idOf } from "~/lib/forms";
import { allowedRegion } from "./regions.server";
import type { InnovationInput } from "./schemas";

/**
 * An operator placed in a unit registers and keeps entries in that unit (see operatorCovers in
 * policy.ts): the form offers that unit alone, and a request naming another is refused on its
 * field rather than saved where the operator could no longer reach it.
 */
export function operatorUnit(actor: Actor, unitId: number | undefined): number | undefined {
  const unit = placedUnit(actor);
  // Left blank, a placed operator's entry is its own unit's.
  if (unit === null) return unitId;
  if (unitId !== undefined && unitId !== unit) throw new AppError("invalid", "innovations.errors.ownUnitOnly", { unitId: "innovations.errors.ownUnitOnly" });
  return unit;
}

/** The units a form offers the actor: its own alone for a placed operator, else the agency's. */
export function unitChoices<U extends { id: number }>(actor: Actor, agencyUnits: U[]): U[] {
  const unit = placedUnit(actor);
  return unit === null ? agencyUnits : agencyUnits.filter((u) => u.id === unit);
}

/** The innovation's stored columns from validated input, checking references against the agency. */
export async function resolveInnovationInput(db: DbOrTx, agencyId: number, input: InnovationInput) {
  if (input.unitId) {
    const [unit] = await db.select({ id: units.id }).from(units).where(and(eq(units.id, input.unitId), eq(units.agencyId, agencyId)));
    if (!unit) throw new AppError("invalid", "innovations.errors.unitNotInAgency", { unitId: "innovations.errors.unitNotInAgency" });
  }
  // The region, when one is chosen: among those the agency answers for; its province follows.
  let place: { regionCode?: string; provinceCode?: string } = {};
  if (input.regionCode) {
    const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
    const region = agency ? await allowedRegion(db, agency, input.regionCode) : null;
    if (!region) throw new AppError("invalid", "innovations.errors.regionNotAllowed", { regionCode: "innovations.errors.regionNotAllowed" });
    place = { regionCode: region.code, provinceCode: region.provinceCode };
  }
  let originInnovationId: number | null = null;
  if (input.origin === "replication" && input.originInnovation) {
    originInnovationId = await findSourceInnovation(db, input.originInnovation);
    if (!originInnovationId) {
      throw new AppError("invalid", "innovations.errors.originUnknown", { originInnovation: "innovations.errors.originUnknown" });
    }
  }
  return {
    name: input.name,
    acronym: input.acronym ?? null,
    summary: input.summary ?? "",
    problem: input.problem ?? "",
    targetGroup: input.targetGroup ?? "",
    novelty: input.novelty ?? "",
    implementation: input.implementation ?? "",
    results: input.results ?? "",
    indicators: input.indicators,
    benefits: input.benefits ?? "",
    resources: input.resources ?? "",
    sustainability: input.sustainability ?? "",
    sectors: input.sectors,
    sdgs: [...new Set(input.sdgs)].sort((a, b) => a - b),
    status: input.status,
    startedOn: input.startedOn ?? null,
    startYear: input.startedOn ? Number(input.startedOn.slice(0, 4)) : null,
    unitId: input.unitId ?? null,
    origin: input.origin,
    originInnovationId,
    originNote: input.originNote ?? null,
    videoUrl: input.videoUrl ?? null,
    contactName: input.contactName ?? null,
    contactEmail: input.contactEmail ?? null,
    contactPhone: input.contactPhone ?? null,
    ...place,
  };
}

export type InnovationColumns = Awaited<ReturnType<typeof resolveInnovationInput>>;

/**
 * A published source innovation named by number, slug, a pasted catalogue address, or its
 * exact name or acronym as people know it ("Mal Pelayanan Publik Kota Surabaya", "UPIK"). A name
 * several innovations share is refused as ambiguous: the address tells them apart.
 */
async function findSourceInnovation(db: DbOrTx, ref: string): Promise<number | null> {
  const trimmed = ref.trim();
  const fromUrl = trimmed.match(/\/inovasi\/([a-z0-9-]+)/)?.[1];
  const key = fromUrl ?? trimmed;
  // A number is an id only within idOf's range (PostgreSQL's integer); a longer one is looked up
  // as a slug, finds nothing, and is reported on the field like any unknown reference.
  const id = idOf(key);
  const where = id !== null ? eq(innovations.id, id) : eq(innovations.slug, key.toLowerCase());
  const published = eq(innovations.state, "published");
  const [row] = await db.select({ id: innovations.id }).from(innovations).where(and(where, published));
  if (row || fromUrl || id !== null) return row?.id ?? null;
  const name = key.toLowerCase().replace(/\s+/g, " ");
  const named = await db
    .select({ id: innovations.id })
    .from(innovations)
    .where(and(published, or(eq(sql`lower(${innovations.name})`, name), eq(sql`lower(${innovations.acronym})`, name))))
    .limit(2);
  if (named.length > 1) throw new AppError("invalid", "innovations.errors.originAmbiguous", { originInnovation: "innovations.errors.originAmbiguous" });
  return named[0]?.id ?? null;
}
