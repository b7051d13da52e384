import { and, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, innovationFiles, innovations, units } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { placedUnit, type Actor } from "~/lib/policy";
import { idOf } from "~/lib/forms";
import { allowedRegion } from "./regions.server";
import type { InnovationInput } from "./schemas";

/** The units a form offers the actor: its own alone for a placed operator, else the agency's. */
export function unitChoices<U extends { id: number }>(actor: Actor, agencyUnits: U[]): U[] {
  const unit = placedUnit(actor);
  return unit === null ? agencyUnits : agencyUnits.filter((u) => u.id === unit);
}

/** The fields of the input that name something stored: a unit, a region, a replication's source. */
export type InnovationRefs = Partial<Pick<InnovationInput, "unitId" | "regionCode" | "origin" | "originInnovation" | "indicators">>;

/** The entry being edited, as far as checking what the form names needs it. */
type Current = { id?: number; originInnovationId: number | null };

type ResolvedRefs = { unitId: number | undefined; place: { regionCode?: string; provinceCode?: string }; originInnovationId: number | null };

/**
 * Check what the input names against the agency, every problem at once (field → message key),
 * so that a refused form lists them together with the schema's own errors rather than one round
 * after another. `current` is the entry being edited: its source stays linked while the form
 * still names it, even if that source has since left the catalogue or shares its name.
 */
export async function checkReferences(
  db: DbOrTx,
  actor: Actor,
  agencyId: number,
  refs: InnovationRefs,
  current?: Current,
): Promise<{ fields: Record<string, string>; resolved: ResolvedRefs }> {
  const fields: Record<string, string> = {};
  let unitId = refs.unitId;
  // An operator placed in a unit registers and keeps entries in that unit (see operatorCovers in
  // policy.ts): the form offers that unit alone, and a request naming another is refused on its
  // field rather than saved where the operator could no longer reach it. Left blank, a placed
  // operator's entry is its own unit's.
  const placed = placedUnit(actor);
  if (placed !== null) {
    if (unitId !== undefined && unitId !== placed) fields.unitId = "innovations.errors.ownUnitOnly";
    else unitId = placed;
  }
  if (unitId !== undefined && !fields.unitId) {
    const [unit] = await db.select({ id: units.id }).from(units).where(and(eq(units.id, unitId), eq(units.agencyId, agencyId)));
    if (!unit) fields.unitId = "innovations.errors.unitNotInAgency";
  }
  // The region, when one is chosen: among those the agency answers for; its province follows.
  let place: ResolvedRefs["place"] = {};
  if (refs.regionCode) {
    const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
    const region = agency ? await allowedRegion(db, agency, refs.regionCode) : null;
    if (region) place = { regionCode: region.code, provinceCode: region.provinceCode };
    else fields.regionCode = "innovations.errors.regionNotAllowed";
  }
  let originInnovationId: number | null = null;
  if (refs.origin === "replication" && refs.originInnovation) {
    const found = await findSourceInnovation(db, refs.originInnovation, current?.originInnovationId ?? null);
    if (found === "ambiguous") fields.originInnovation = "innovations.errors.originAmbiguous";
    else if (!found) fields.originInnovation = "innovations.errors.originUnknown";
    // Replication is one agency adopting what another has proven (the programme's "forum
    // replikasi"): an agency building on its own entry is a new version of it, not a replication,
    // and would count twice in the replication network's figures.
    else if (found.agencyId === agencyId) fields.originInnovation = "innovations.errors.originOwnAgency";
    else originInnovationId = found.id;
  }
  // An indicator's proof is one of this innovation's own evidence files: a file of another
  // entry (or a photo) would let a claim point at someone else's document. A new entry has no
  // files yet, so it can name none.
  const named = (refs.indicators ?? []).map((r, i) => [i, r.evidenceFileId] as const).filter(([, f]) => f !== undefined);
  if (named.length) {
    const own = current?.id
      ? await db
          .select({ id: innovationFiles.id })
          .from(innovationFiles)
          .where(and(eq(innovationFiles.innovationId, current.id), eq(innovationFiles.kind, "evidence")))
      : [];
    const ownIds = new Set(own.map((f) => f.id));
    for (const [i, fileId] of named) if (!ownIds.has(fileId!)) fields[`indicators.${i}`] = "innovations.errors.evidenceNotOwn";
  }
  return { fields, resolved: { unitId, place, originInnovationId } };
}

/** The innovation's stored columns from validated input, checking references against the agency. */
export async function resolveInnovationInput(
  db: DbOrTx,
  actor: Actor,
  agencyId: number,
  input: InnovationInput,
  current?: Current,
) {
  const { fields, resolved } = await checkReferences(db, actor, agencyId, input, current);
  const problems = Object.values(fields);
  if (problems.length) throw new AppError("invalid", problems[0], fields);
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
    unitId: resolved.unitId ?? null,
    origin: input.origin,
    originInnovationId: resolved.originInnovationId,
    originNote: input.originNote ?? null,
    videoUrl: input.videoUrl ?? null,
    contactName: input.contactName ?? null,
    contactEmail: input.contactEmail ?? null,
    contactPhone: input.contactPhone ?? null,
    ...resolved.place,
  };
}

export type InnovationColumns = Awaited<ReturnType<typeof resolveInnovationInput>>;

const normalName = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * A published source innovation named by number, slug, a pasted catalogue address, or its
 * exact name or acronym as people know it ("Mal Pelayanan Publik Kota Surabaya", "UPIK"). A name
 * several innovations share is ambiguous: the address tells them apart. The entry's current
 * source (`currentId`), which the edit form shows by name, is matched first and whatever its state.
 */
async function findSourceInnovation(db: DbOrTx, ref: string, currentId: number | null): Promise<{ id: number; agencyId: number } | "ambiguous" | null> {
  const trimmed = ref.trim();
  const fromUrl = trimmed.match(/\/inovasi\/([a-z0-9-]+)/)?.[1];
  const key = fromUrl ?? trimmed;
  const source = { id: innovations.id, agencyId: innovations.agencyId };
  if (currentId !== null) {
    const [kept] = await db.select({ ...source, name: innovations.name, acronym: innovations.acronym, slug: innovations.slug }).from(innovations).where(eq(innovations.id, currentId));
    const typed = normalName(key);
    if (kept && [kept.name, kept.acronym ?? "", kept.slug, String(kept.id)].some((s) => s && normalName(s) === typed)) return { id: kept.id, agencyId: kept.agencyId };
  }
  // A number is an id only within idOf's range (PostgreSQL's integer); a longer one is looked up
  // as a slug, finds nothing, and is reported on the field like any unknown reference.
  const id = idOf(key);
  const where = id !== null ? eq(innovations.id, id) : eq(innovations.slug, key.toLowerCase());
  const published = eq(innovations.state, "published");
  const [row] = await db.select(source).from(innovations).where(and(where, published));
  if (row || fromUrl || id !== null) return row ?? null;
  const name = normalName(key);
  const named = await db
    .select(source)
    .from(innovations)
    .where(and(published, or(eq(sql`lower(${innovations.name})`, name), eq(sql`lower(${innovations.acronym})`, name))))
    .limit(2);
  if (named.length > 1) return "ambiguous";
  return named[0] ?? null;
}
