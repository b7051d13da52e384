// Factories that create whatever parents they are not given: createInnovation({}) makes its
// agency too. Used by tests and by the demo seed, so both build data the same way.
import { eq } from "drizzle-orm";
import type { Db } from "./client.server";
import { agencies, competitions, innovations, regions, units, users } from "./schema";
import { preset, type PresetId } from "~/modules/competitions/presets";
import { withRegistrationClosingIn } from "~/modules/competitions/config-values";
import { slugify } from "~/modules/agencies/regions";
import { hashPassword } from "~/modules/accounts/password.server";
import type { Role } from "~/lib/policy";

let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

type AgencyRow = typeof agencies.$inferSelect;
type InnovationInsert = typeof innovations.$inferInsert;

export async function createAgency(db: Db, input: Partial<typeof agencies.$inferInsert> = {}): Promise<AgencyRow> {
  const name = input.name ?? `BUMD Uji ${next()}`;
  let provinceCode = input.provinceCode ?? null;
  if (input.regionCode && !provinceCode) {
    const [r] = await db.select().from(regions).where(eq(regions.code, input.regionCode));
    provinceCode = r?.provinceCode ?? null;
  }
  const [row] = await db
    .insert(agencies)
    .values({
      type: "bumd",
      regionCode: input.regionCode ?? (input.type && ["kementerian", "lembaga", "bumn"].includes(input.type) ? null : "33.02"),
      ...input,
      provinceCode: provinceCode ?? (input.type && ["kementerian", "lembaga", "bumn"].includes(input.type) ? null : "33"),
      name,
      slug: input.slug ?? slugify(`${name} ${next()}`),
    })
    .returning();
  return row;
}

export async function agencyBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(agencies).where(eq(agencies.slug, slug));
  if (!row) throw new Error(`no agency ${slug}`);
  return row;
}

export async function createUnit(db: Db, input: { agencyId?: number; name?: string; kind?: string } = {}) {
  const agencyId = input.agencyId ?? (await createAgency(db)).id;
  const [row] = await db
    .insert(units)
    .values({ agencyId, name: input.name ?? `Unit ${next()}`, kind: input.kind ?? "OPD" })
    .returning();
  return row;
}

// One hash reused: argon2id on purpose costs ~50 ms, too slow to pay per factory call.
let cachedHash: { password: string; hash: string } | null = null;

export async function createTestUser(
  db: Db,
  input: { role: Role; agencyId?: number | null; unitId?: number | null; email?: string; name?: string; password?: string },
) {
  const password = input.password ?? "kata-sandi-uji-123";
  if (!cachedHash || cachedHash.password !== password) cachedHash = { password, hash: await hashPassword(password) };
  const needsAgency = ["agency_admin", "unit_operator", "agency_head"].includes(input.role);
  const agencyId = input.agencyId ?? (needsAgency ? (await createAgency(db)).id : null);
  const [row] = await db
    .insert(users)
    .values({
      email: input.email ?? `${input.role}.${next()}@uji.go.id`,
      name: input.name ?? `Pengguna ${input.role}`,
      role: input.role,
      passwordHash: cachedHash.hash,
      agencyId,
      unitId: input.unitId ?? null,
    })
    .returning();
  return { ...row, password };
}

export async function createInnovation(db: Db, input: Partial<InnovationInsert> = {}) {
  const agency = input.agencyId
    ? (await db.select().from(agencies).where(eq(agencies.id, input.agencyId)))[0]
    : await createAgency(db);
  const name = input.name ?? `Inovasi Uji ${next()}`;
  const startedOn = input.startedOn ?? "2022-01-15";
  const [row] = await db
    .insert(innovations)
    .values({
      summary: "Layanan uji untuk masyarakat.",
      status: "implementasi",
      state: "published",
      publishedAt: input.state && input.state !== "published" ? null : new Date(),
      ...input,
      name,
      slug: input.slug ?? slugify(`${name} ${next()}`),
      agencyId: agency.id,
      agencyType: agency.type,
      provinceCode: agency.provinceCode,
      regionCode: input.regionCode ?? agency.regionCode,
      startedOn,
      startYear: startedOn ? Number(startedOn.slice(0, 4)) : null,
    })
    .returning();
  return row;
}

/** An edition from a preset (default: the 2023 form), in the given state and year. */
export async function createCompetition(
  db: Db,
  input: {
    edition?: number;
    slug?: string;
    state?: (typeof competitions.$inferInsert)["state"];
    preset?: PresetId;
    /** Registration open now, closing in this many days (negative: closed that long ago). */
    registrationClosesInDays?: number;
  } = {},
) {
  const edition = input.edition ?? new Date().getFullYear();
  const draft = preset(input.preset ?? "kipp-2023-umum", edition);
  const config = input.registrationClosesInDays === undefined ? draft.config : withRegistrationClosingIn(draft.config, new Date(), input.registrationClosesInDays);
  const [row] = await db
    .insert(competitions)
    .values({ slug: input.slug ?? `kipp-${edition}-${next()}`, edition, ...draft, config, state: input.state ?? "draft" })
    .returning();
  return row;
}
