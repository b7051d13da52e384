// Two-step sign-in required for some roles (LUMBUNG_TWO_STEP_ROLES): someone in such a role
// without it is led to the account page to set it up, and nothing else of the work area opens
// (pages, forms, the autosave) until it is on. Other roles work as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createTestUser } from "../app/db/factories.server";
import { parseEnv } from "../app/lib/env.server";

const PASSWORD = "kata-sandi-uji-123";

let database: Database;
let newClient: () => Client;
beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database, { LUMBUNG_TWO_STEP_ROLES: "national_admin, evaluator" }));
});
afterAll(async () => database?.close());

describe("two-step sign-in required for some roles", () => {
  it("reads the roles from the environment, and refuses a role that does not exist", () => {
    expect(parseEnv({ LUMBUNG_TWO_STEP_ROLES: "national_admin,panelist" }).twoStepRoles).toEqual(["national_admin", "panelist"]);
    expect(parseEnv({}).twoStepRoles).toEqual([]);
    expect(() => parseEnv({ LUMBUNG_TWO_STEP_ROLES: "national_admin,juri" })).toThrow(/LUMBUNG_TWO_STEP_ROLES/);
  });

  it("leads an evaluator without it to the account page, refuses its forms elsewhere, and opens everything once it is on", async () => {
    const evaluator = await createTestUser(database.db, { role: "evaluator" });
    const c = newClient();
    await c.login(evaluator.email, PASSWORD);
    const led = await c.get("/kelola/penilaian");
    expect(led.status).toBe(302);
    expect(led.headers.get("location")).toBe("/kelola/akun?pesan=dua-langkah-wajib");
    expect((await c.get("/kelola")).headers.get("location")).toBe("/kelola/akun?pesan=dua-langkah-wajib");
    const account = await pageText(await c.get("/kelola/akun?pesan=dua-langkah-wajib"));
    expect(account).toContain("Sebelum membuka halaman kerja lainnya, siapkan verifikasi dua langkah");
    expect(account).toContain("wajib memakai verifikasi dua langkah");
    const refused = await c.post("/kelola/notifikasi", {});
    expect(refused.status).toBe(403);
    expect(await pageText(refused)).toContain("wajib memakai verifikasi dua langkah sebelum bekerja");
    const autosave = await c.post("/kelola/proposal/999999/simpan-otomatis", { code: "kebaruan", body: "Teks.", version: "1" });
    expect(autosave.status).toBe(403);
    expect(JSON.stringify(await autosave.json())).toContain("verifikasi dua langkah");
    // The public site stays open.
    expect((await c.get("/inovasi")).status).toBe(200);

    await c.post("/kelola/akun", { _intent: "twoStepBegin" });
    const html = await pageText(await c.get("/kelola/akun"));
    const secret = html.match(/<code class="secret">([A-Z2-7 ]+)<\/code>/)![1].replace(/ /g, "");
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
    expect((await c.post("/kelola/akun", { _intent: "twoStepEnable", code, current: PASSWORD })).status).toBe(200);
    expect((await c.get("/kelola/penilaian")).status).toBe(200);
    expect((await c.post("/kelola/proposal/999999/simpan-otomatis", { code: "kebaruan", body: "Teks.", version: "1" })).status).toBe(404);
  });

  it("leaves the other roles as they were", async () => {
    const panelist = await createTestUser(database.db, { role: "panelist" });
    const c = newClient();
    await c.login(panelist.email, PASSWORD);
    expect((await c.get("/kelola/penilaian")).status).toBe(200);
    const account = await pageText(await c.get("/kelola/akun"));
    expect(account).not.toContain("wajib memakai verifikasi dua langkah");
  });
});
