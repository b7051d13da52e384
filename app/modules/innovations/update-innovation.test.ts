// Saving an innovation: only real changes are written and named in the history, and a form
// opened at an older version is refused with the fields where it now differs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "../../../tests/db";
import type { Database, Db } from "~/db/client.server";
import { createAgency, createInnovation, createTestUser } from "~/db/factories.server";
import { innovationHistory, innovations } from "~/db/schema";
import { AppError } from "~/lib/errors";
import type { Actor } from "~/lib/policy";
import { InnovationInputSchema } from "./schemas";
import { updateInnovation } from "./update-innovation.server";

let database: Database;
let db: Db;
let actor: Actor;
let agencyId: number;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  agencyId = (await createAgency(db)).id;
  const admin = await createTestUser(db, { role: "agency_admin", agencyId });
  actor = { kind: "user", id: admin.id, name: admin.name, email: admin.email, role: admin.role, agencyId, unitId: null };
});
afterAll(async () => database?.close());

const indicator = { name: "Waktu layanan", before: "14", after: "3", unit: "hari", source: "Laporan bulanan" };

async function stored() {
  return createInnovation(db, {
    agencyId,
    state: "draft",
    problem: "Antrean panjang.",
    indicators: [indicator],
    sectors: ["tik", "tata_kelola"],
    sdgs: [16, 9],
  });
}

/** The form's input for a stored innovation, as the edit page sends it back unchanged. */
function inputOf(row: Awaited<ReturnType<typeof stored>>, changes: Record<string, unknown> = {}) {
  return InnovationInputSchema.parse({
    name: row.name,
    summary: row.summary,
    problem: row.problem,
    status: row.status,
    startedOn: row.startedOn,
    regionCode: row.regionCode,
    // The form lists the ticks in its own order, and indicator cells in the form's order.
    sectors: ["tata_kelola", "tik"],
    sdgs: ["9", "16"],
    indicators: [{ ...indicator }],
    version: String(row.version),
    ...changes,
  });
}

const history = async (id: number) => db.select().from(innovationHistory).where(eq(innovationHistory.innovationId, id));
const versionOf = async (id: number) => (await db.select().from(innovations).where(eq(innovations.id, id)))[0].version;

describe("updateInnovation", () => {
  it("writes nothing for a save that changes nothing, whatever order jsonb keeps the indicator keys in", async () => {
    const row = await stored();
    // PostgreSQL stores jsonb keys shortest first: the text differs from the form's.
    expect(Object.keys((await db.select().from(innovations).where(eq(innovations.id, row.id)))[0].indicators[0])).not.toEqual(Object.keys(indicator));
    const result = await updateInnovation(db, actor, row.id, inputOf(row));
    expect(result.changed).toEqual([]);
    expect(await history(row.id)).toEqual([]);
    expect(await versionOf(row.id)).toBe(row.version);
  });

  it("names only the fields changed", async () => {
    const row = await stored();
    const result = await updateInnovation(db, actor, row.id, inputOf(row, { problem: "Antrean berjam-jam." }));
    expect(result.changed).toEqual(["problem"]);
    expect((await history(row.id)).map((h) => h.changedFields)).toEqual([["problem"]]);
    expect(await versionOf(row.id)).toBe(row.version + 1);

    const edited = await updateInnovation(db, actor, row.id, inputOf(row, { problem: "Antrean berjam-jam.", indicators: [{ ...indicator, source: "BPS" }], version: String(row.version + 1) }));
    expect(edited.changed).toEqual(["indicators"]);
  });

  it("refuses a form opened at an older version, naming where it differs from what is stored", async () => {
    const row = await stored();
    await updateInnovation(db, actor, row.id, inputOf(row, { problem: "Disimpan lebih dulu." }));
    const stale = updateInnovation(db, actor, row.id, inputOf(row, { indicators: [{ ...indicator, after: "2" }] }));
    await expect(stale).rejects.toBeInstanceOf(AppError);
    const e = (await stale.catch((x: unknown) => x)) as AppError;
    expect(e.code).toBe("conflict");
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(["indicators", "problem"]);
    expect((await db.select().from(innovations).where(eq(innovations.id, row.id)))[0].problem).toBe("Disimpan lebih dulu.");

    // An older form that already matches what is stored overwrites nothing: not a conflict.
    const same = await updateInnovation(db, actor, row.id, inputOf(row, { problem: "Disimpan lebih dulu." }));
    expect(same.changed).toEqual([]);
    expect(await versionOf(row.id)).toBe(row.version + 1);
  });
});
