// The open API, driven through the real server: every endpoint's real responses (successes and
// errors) are validated against the OpenAPI document the server itself serves, so the document
// cannot drift from the code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { and, eq, sql } from "drizzle-orm";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routes from "../app/routes";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database, Db } from "../app/db/client.server";
import { agencies, awards, competitions, innovationFiles, innovations, proposals, regions } from "../app/db/schema";
import { PNG_1PX } from "./fixtures";
import { createCompetition, createAgency, createInnovation } from "../app/db/factories.server";
import { jakartaYear } from "../app/modules/compliance/year";

// ajv-formats is CommonJS: its default export arrives wrapped under Node's ESM loader.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

const BASE = "http://localhost:3000";

type ParamSchema = {
  type?: string;
  items?: ParamSchema;
  enum?: string[];
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  default?: unknown;
};
type Doc = {
  openapi: string;
  info: { description: string; license: { name: string; identifier: string } };
  paths: Record<string, { get: { operationId: string; parameters?: { name: string; in: string; schema: ParamSchema }[]; responses: Record<string, { $ref?: string }> } }>;
  components: {
    schemas: Record<string, unknown>;
    responses: Record<string, { headers?: Record<string, { $ref: string }> }>;
    headers: Record<string, { schema: { const?: string } }>;
  };
};

let database: Database;
let db: Db;
let client: Client;
let doc: Doc;
let ajv: Ajv2020;

let banyumas: typeof agencies.$inferSelect;
let bumd: typeof agencies.$inferSelect;
type InnovationRow = typeof innovations.$inferSelect;
let published: InnovationRow;
let unpublished: InnovationRow[];
let photoId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  ({ client } = await testClient(database));
  const res = await client.get("/api/v1/openapi.json");
  doc = (await res.json()) as Doc;
  // Strict: a keyword the validator does not know is an error, not silently ignored. The
  // document's own top-level keys are declared so the whole document can be loaded as one
  // schema and its responses addressed by JSON pointer, exactly as served.
  ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(["openapi", "info", "servers", "paths", "components"]);
  ajv.addSchema(doc, "openapi");

  [banyumas] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.regionCode, "33.02"), eq(agencies.type, "kabupaten")));
  bumd = await createAgency(db, { name: "Perumda Air Minum Uji API", type: "bumd", regionCode: "33.02" });
  published = await createInnovation(db, {
    agencyId: banyumas.id,
    name: "Gerakan Masyarakat Peduli Sungai Bersih",
    acronym: "Gemas Pesulan",
    summary: "Warga dan dinas pekerjaan umum membersihkan sungai bersama setiap pekan.",
    sectors: ["lingkungan", "pemberdayaan"],
    sdgs: [6, 11],
    startedOn: "2022-03-01",
    publishedAt: new Date("2022-04-01T03:00:00Z"),
    contactName: "Narahubung Uji",
    contactEmail: "narahubung@banyumaskab.go.id",
    contactPhone: "0281-000000",
  });
  // Entries still in the register's review workflow: never part of the open data. Their names
  // share a word no published entry has, so a search for it must find nothing.
  unpublished = await Promise.all(
    (["draft", "submitted", "returned"] as const).map((state) =>
      createInnovation(db, { agencyId: banyumas.id, name: `Layanan Rahasia Tahap ${state}`, startedOn: "2022-05-01", state }),
    ),
  );
  await createInnovation(db, { agencyId: bumd.id, name: "Pembayaran Air Minum Daring", startedOn: "2021-01-10", sectors: ["tik"], publishedAt: new Date("2021-02-01T03:00:00Z") });
  [{ id: photoId }] = await db
    .insert(innovationFiles)
    .values({ innovationId: published.id, kind: "photo", filename: "sungai.png", mime: "image/png", size: PNG_1PX.length, sha256: "0".repeat(64), caption: "Kerja bakti", data: new Uint8Array(PNG_1PX) })
    .returning({ id: innovationFiles.id });
});
afterAll(async () => database?.close());

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const validators = new Map<string, ValidateFunction>();

/** The validator of the response schema the document gives for a path and status. */
function validatorFor(path: string, status: number): ValidateFunction {
  const key = `${path} ${status}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const op = doc.paths[path]?.get;
  if (!op) throw new Error(`the document has no GET ${path}`);
  const response = op.responses[String(status)];
  if (!response) throw new Error(`the document has no ${status} response for GET ${path}`);
  const at = response.$ref
    ? `openapi${response.$ref}/${pointer("content", "application/json", "schema")}`
    : `openapi#/${pointer("paths", path, "get", "responses", String(status), "content", "application/json", "schema")}`;
  const validate = ajv.compile({ $ref: at });
  validators.set(key, validate);
  return validate;
}

/** GET an API address, check the open-data headers and the body against the document. */
// The body's shape is what the document's schema just checked; `any` keeps the assertions terse.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function getValid(url: string, docPath: string, status = 200): Promise<any> {
  const res = await client.get(url);
  expect(res.status, url).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  expect(res.headers.get("cache-control")).toBe("public, max-age=60");
  const body: unknown = await res.json();
  const validate = validatorFor(docPath, status);
  if (!validate(body)) throw new Error(`${url}: response does not match the document: ${ajv.errorsText(validate.errors)}`);
  return body;
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with valid JSON Schemas for every component", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const id of Object.keys(doc.components.schemas)) {
      expect(() => ajv.compile({ $ref: `openapi#/components/schemas/${id}` }), id).not.toThrow();
    }
  });

  it("describes every API route of the app, each with its success and error responses", () => {
    const flatten = (entries: RouteConfigEntry[]): string[] =>
      entries.flatMap((e) => [e.path ?? "", ...(e.children ? flatten(e.children) : [])]);
    const apiPaths = flatten(routes as RouteConfigEntry[])
      .filter((p) => p.startsWith("api/v1/"))
      .map((p) => `/${p.replace(/:(\w+)/g, "{$1}")}`);
    expect(apiPaths.length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(doc.paths).sort()).toEqual(apiPaths.sort());
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(item.get.operationId, path).toBeTruthy();
      expect(item.get.responses["200"], path).toBeDefined();
      // Whatever a client can get wrong (a parameter, an id) has its documented 4xx.
      if (item.get.parameters?.length) {
        expect(Object.keys(item.get.responses).some((s) => s === "400" || s === "404"), path).toBe(true);
      }
    }
  });

  it("states the constraints the server enforces: values at every documented bound are accepted, values past one refused naming the parameter", async () => {
    // Query parameters only: a path's id or slug is looked up, not checked against a form.
    const checked: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const p of item.get.parameters ?? []) {
        if (p.in !== "query") continue;
        const s = p.schema.type === "array" ? p.schema.items! : p.schema;
        const accepted: string[][] = [];
        const refused: string[][] = [];
        if (s.type === "integer") {
          if (s.minimum !== undefined) {
            accepted.push([String(s.minimum)]);
            refused.push([String(s.minimum - 1)]);
          }
          if (s.maximum !== undefined) {
            accepted.push([String(s.maximum)]);
            refused.push([String(s.maximum + 1)]);
          } else {
            // No documented maximum: a far value must be served too.
            accepted.push(["1000000"]);
          }
          refused.push(["1.5"]);
        }
        if (s.enum) {
          accepted.push([s.enum[0]]);
          refused.push(["tidak-ada-nilai-ini"]);
        }
        // Text the document does not restrict must be served; text it restricts refused.
        if (s.type === "string" && !s.enum && !s.pattern) accepted.push(["Bukan Pola!"]);
        if (s.pattern) refused.push(["Bukan Pola!"]);
        if (s.maxLength !== undefined) refused.push(["a".repeat(s.maxLength + 1)]);
        // A list longer than documented, of a value that is accepted alone.
        if (p.schema.maxItems !== undefined && accepted.length) refused.push(Array(p.schema.maxItems + 1).fill(accepted[0][0]));
        // The search's last page depends on perPage (its description says how): its documented
        // maximum is the one perPage=1 reaches.
        const other: [string, string][] = path === "/api/v1/innovations" && p.name === "page" ? [["perPage", "1"]] : [];
        const url = (values: string[]) => `${path}?${new URLSearchParams([...other, ...values.map((v): [string, string] => [p.name, v])])}`;
        for (const values of accepted) await getValid(url(values), path);
        for (const values of refused) {
          const body = await getValid(url(values), path, 400);
          const what = `${path} ${p.name}=${values[0].slice(0, 20)}${values.length > 1 ? ` ×${values.length}` : ""}`;
          expect(Object.keys(body.error.fields), what).toEqual([p.name]);
          // A sentence a person reads: the parameter named, what it takes, none of the
          // validator's own wording or patterns.
          const message: string = body.error.fields[p.name];
          expect(message, what).toMatch(new RegExp(`^The ${p.name} parameter must be .+\\.$`));
          expect(message, what).not.toMatch(/Too (small|big)|Invalid|expected|pattern|\/\^|>=|<=|\{\w+\}/);
        }
        checked.push(`${path} ${p.name}`);
      }
    }
    // The parameters whose bounds were once documented looser than the server's.
    expect(checked).toEqual(expect.arrayContaining(["/api/v1/innovations year", "/api/v1/innovations agency", "/api/v1/compliance year"]));
  });

  it("documents the compliance year up to the current one, with no fixed default year", () => {
    const year = doc.paths["/api/v1/compliance"].get.parameters!.find((p) => p.name === "year")!.schema;
    expect(year).toMatchObject({ type: "integer", minimum: 2013, maximum: jakartaYear(new Date()) });
    expect(year).not.toHaveProperty("default");
  });

  it("is served with the open-data headers and absolute server address", async () => {
    const body = await getValid("/api/v1/openapi.json", "/api/v1/openapi.json");
    expect(body.servers).toEqual([{ url: BASE }]);
  });
});

describe("GET /api/v1/agencies", () => {
  it("lists every agency by name, paginated with absolute links", async () => {
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(agencies);
    const body = await getValid("/api/v1/agencies", "/api/v1/agencies");
    expect(body.meta).toEqual({ total: n, page: 1, perPage: 20, pages: Math.ceil(n / 20) });
    expect(body.data).toHaveLength(20);
    expect(body.links).toEqual({ self: `${BASE}/api/v1/agencies`, next: `${BASE}/api/v1/agencies?page=2`, prev: null });
    const second = await getValid(body.links.next.slice(BASE.length), "/api/v1/agencies");
    expect(second.links.prev).toBe(`${BASE}/api/v1/agencies?page=1`);
    expect(second.data[0].name >= body.data[19].name).toBe(true);
  });

  it("filters by type, province and part of the name, keeping the filters in its links", async () => {
    const body = await getValid("/api/v1/agencies?type=bumd&province=33&q=uji+api", "/api/v1/agencies");
    expect(body.data.map((a: { id: number }) => a.id)).toEqual([bumd.id]);
    expect(body.data[0]).toMatchObject({
      type: "bumd",
      provinceCode: "33",
      provinceName: "Jawa Tengah",
      publishedInnovations: 1,
      links: { self: `${BASE}/api/v1/agencies/${bumd.id}`, html: `${BASE}/instansi/${bumd.slug}` },
    });
    // Published innovations only: Banyumas's three entries under review are not counted.
    const banyumasItem = await getValid("/api/v1/agencies?q=banyumas&type=kabupaten", "/api/v1/agencies");
    expect(banyumasItem.data).toEqual([expect.objectContaining({ id: banyumas.id, publishedInnovations: 1 })]);
    // Words in any order, spaced or punctuated as people type them, "Pemkab" spelt out.
    for (const q of ["kab banyumas", "banyumas  kabupaten", "Pemkab Banyumas", "kab.banyumas"]) {
      const found = await getValid(`/api/v1/agencies?q=${encodeURIComponent(q)}`, "/api/v1/agencies");
      expect(found.data.map((a: { id: number }) => a.id), q).toEqual([banyumas.id]);
    }
    expect((await getValid("/api/v1/agencies?q=banyumas+sragen", "/api/v1/agencies")).data).toEqual([]);
    const kota = await getValid("/api/v1/agencies?type=kota&province=33&perPage=5", "/api/v1/agencies");
    expect(kota.meta.total).toBe(6); // Jawa Tengah's six cities
    expect(kota.links.next).toBe(`${BASE}/api/v1/agencies?type=kota&province=33&perPage=5&page=2`);
  });

  it("answers 400 naming every bad parameter", async () => {
    const body = await getValid("/api/v1/agencies?type=desa&province=3&perPage=1000&page=0", "/api/v1/agencies", 400);
    expect(body.error.code).toBe("invalid");
    expect(Object.keys(body.error.fields).sort()).toEqual(["page", "perPage", "province", "type"]);
    expect(body.error.fields).toEqual({
      type: "The type parameter must be one of kementerian, lembaga, provinsi, kabupaten, kota, bumn, bumd.",
      province: "The province parameter must be a province code of two digits, such as 33 for Jawa Tengah.",
      perPage: "The perPage parameter must be a whole number from 1 to 100.",
      page: "The page parameter must be a whole number from 1 to 100,000.",
    });
    const repeated = await getValid("/api/v1/agencies?type=kota&type=bumd", "/api/v1/agencies", 400);
    expect(Object.keys(repeated.error.fields)).toEqual(["type"]);
    // Numbers are read as digits, as the innovations endpoint reads them: "1e2" is not 100.
    const written = await getValid("/api/v1/agencies?perPage=1e2&page=0x2", "/api/v1/agencies", 400);
    expect(Object.keys(written.error.fields).sort()).toEqual(["page", "perPage"]);
  });
});

describe("GET /api/v1/agencies/:id", () => {
  it("finds an agency by id or by slug, counting only its published innovations", async () => {
    const byId = await getValid(`/api/v1/agencies/${banyumas.id}`, "/api/v1/agencies/{id}");
    const bySlug = await getValid(`/api/v1/agencies/${banyumas.slug}`, "/api/v1/agencies/{id}");
    expect(bySlug).toEqual(byId);
    expect(byId.data).toMatchObject({
      id: banyumas.id,
      type: "kabupaten",
      regionCode: "33.02",
      regionName: "Kabupaten Banyumas",
      provinceName: "Jawa Tengah",
      // One published; the draft, submitted and returned entries are not public.
      publishedInnovations: 1,
    });
    expect(byId.data.links.innovations).toBe(`${BASE}/api/v1/innovations?agency=${banyumas.slug}`);
  });

  it("answers a JSON 404 for an unknown id or slug", async () => {
    for (const id of ["999999", "99999999999999999999", "tidak-ada-instansi-ini"]) {
      const body = await getValid(`/api/v1/agencies/${id}`, "/api/v1/agencies/{id}", 404);
      expect(body.error.code).toBe("not-found");
    }
  });
});

describe("GET /api/v1/innovations", () => {
  it("searches published innovations in Indonesian, with facets and absolute links", async () => {
    const body = await getValid("/api/v1/innovations?q=sungai", "/api/v1/innovations");
    expect(body.meta).toMatchObject({ total: 1, page: 1, perPage: 20, pages: 1 });
    expect(body.data).toEqual([
      expect.objectContaining({
        id: published.id,
        acronym: "Gemas Pesulan",
        startedOn: "2022-03-01",
        startYear: 2022,
        agency: expect.objectContaining({ id: banyumas.id, type: "kabupaten" }),
        provinceCode: "33",
        sectors: ["lingkungan", "pemberdayaan"],
        sdgs: [6, 11],
        links: {
          self: `${BASE}/api/v1/innovations/${published.id}`,
          html: `${BASE}/inovasi/${published.slug}`,
          photo: `${BASE}/berkas/${photoId}`,
        },
      }),
    ]);
    expect(body.facets.agencyType).toEqual([{ value: "kabupaten", count: 1 }]);
    expect(body.facets.sector).toEqual(expect.arrayContaining([{ value: "lingkungan", count: 1 }]));
    expect(body.links).toEqual({ self: `${BASE}/api/v1/innovations?q=sungai`, next: null, prev: null });
  });

  it("never lists a draft, submitted or returned entry", async () => {
    const hidden = new Set(unpublished.map((i) => i.id));
    const search = await getValid("/api/v1/innovations?q=rahasia", "/api/v1/innovations");
    expect(search.meta.total).toBe(0);
    expect(search.data).toEqual([]);
    const all = await getValid("/api/v1/innovations?perPage=100", "/api/v1/innovations");
    expect(all.meta.total).toBe(2);
    expect(all.data.some((i: { id: number }) => hidden.has(i.id))).toBe(false);
    const byAgency = await getValid(`/api/v1/innovations?agency=${banyumas.slug}`, "/api/v1/innovations");
    expect(byAgency.data.map((i: { id: number }) => i.id)).toEqual([published.id]);
  });

  it("filters with repeated facet parameters and pages with links that keep them", async () => {
    const body = await getValid("/api/v1/innovations?agencyType=kabupaten&agencyType=bumd&province=33&perPage=1&sort=name", "/api/v1/innovations");
    expect(body.meta).toMatchObject({ total: 2, perPage: 1, pages: 2 });
    expect(body.links.next).toBe(`${BASE}/api/v1/innovations?agencyType=kabupaten&agencyType=bumd&province=33&perPage=1&sort=name&page=2`);
    const next = await getValid(body.links.next.slice(BASE.length), "/api/v1/innovations");
    expect(next.data[0].id).not.toBe(body.data[0].id);
    const tik = await getValid("/api/v1/innovations?sector=tik", "/api/v1/innovations");
    expect(tik.data.map((i: { name: string }) => i.name)).toEqual(["Pembayaran Air Minum Daring"]);
  });

  it("answers 400 naming every bad parameter", async () => {
    const body = await getValid("/api/v1/innovations?agencyType=desa&sdg=18&perPage=500&sort=acak", "/api/v1/innovations", 400);
    expect(body.error.code).toBe("invalid");
    expect(Object.keys(body.error.fields).sort()).toEqual(["agencyType", "perPage", "sdg", "sort"]);
    expect(body.error.fields).toMatchObject({
      perPage: "The perPage parameter must be a whole number from 1 to 100.",
      sort: "The sort parameter must be one of relevance, newest, name, start.",
    });
    const province = await getValid("/api/v1/innovations?province=3", "/api/v1/innovations", 400);
    expect(province.error.fields.province).toMatch(/^The province parameter must be a province code of two digits, such as 33 for Jawa Tengah; repeat the parameter/);
    const twice = await getValid("/api/v1/innovations?sort=name&sort=newest", "/api/v1/innovations", 400);
    expect(twice.error.fields.sort).toBe("The sort parameter must be given once: one of relevance, newest, name, start.");
  });

  it("takes the agency by its numeric id as well as by its slug", async () => {
    const bySlug = await getValid(`/api/v1/innovations?agency=${banyumas.slug}`, "/api/v1/innovations");
    const byId = await getValid(`/api/v1/innovations?agency=${banyumas.id}`, "/api/v1/innovations");
    expect(byId.data.map((i: { id: number }) => i.id)).toEqual([published.id]);
    expect(byId.data).toEqual(bySlug.data);
    // The id the API itself gives for the agency leads back to its innovations.
    expect(byId.data[0].agency.id).toBe(banyumas.id);
    // An id that names no agency finds nothing, as an unknown slug does.
    expect((await getValid("/api/v1/innovations?agency=2147483647", "/api/v1/innovations")).meta.total).toBe(0);
    const doc = await getValid("/api/v1/openapi.json", "/api/v1/openapi.json");
    const agency = doc.paths["/api/v1/innovations"].get.parameters.find((p: { name: string }) => p.name === "agency");
    expect(agency.description).toContain("numeric id");
  });

  it("documents the result window's last page, and says how to reach further", async () => {
    const page = doc.paths["/api/v1/innovations"].get.parameters!.find((p) => p.name === "page")!.schema;
    expect(page).toMatchObject({ type: "integer", minimum: 1, maximum: 10_000 });
    await getValid("/api/v1/innovations?page=500", "/api/v1/innovations");
    const past = await getValid("/api/v1/innovations?page=501", "/api/v1/innovations", 400);
    expect(past.error.fields.page).toBe(
      "The page parameter must be a whole number from 1 to 500 at 20 results per page. Results stop at the 10,000th: to reach later ones, narrow the search with q or a filter (agencyType, province, sector, sdg, status, year or agency).",
    );
    const wide = await getValid("/api/v1/innovations?perPage=100&page=101", "/api/v1/innovations", 400);
    expect(wide.error.fields.page).toMatch(/^The page parameter must be a whole number from 1 to 100 at 100 results per page\./);
  });
});

describe("GET /api/v1/innovations/:id", () => {
  it("gives a published innovation by id or slug, without its contact person's details", async () => {
    const byId = await getValid(`/api/v1/innovations/${published.id}`, "/api/v1/innovations/{id}");
    const bySlug = await getValid(`/api/v1/innovations/${published.slug}`, "/api/v1/innovations/{id}");
    expect(bySlug).toEqual(byId);
    expect(byId.data).toMatchObject({
      id: published.id,
      name: "Gerakan Masyarakat Peduli Sungai Bersih",
      summary: "Warga dan dinas pekerjaan umum membersihkan sungai bersama setiap pekan.",
      origin: "original",
      regionCode: "33.02",
      photos: [{ id: photoId, filename: "sungai.png", mime: "image/png", caption: "Kerja bakti", url: `${BASE}/berkas/${photoId}` }],
      evidence: [],
      links: { self: `${BASE}/api/v1/innovations/${published.id}`, html: `${BASE}/inovasi/${published.slug}` },
    });
    const text = JSON.stringify(byId);
    expect(text).not.toContain("narahubung@banyumaskab.go.id");
    expect(text).not.toContain("0281-000000");
  });

  it("answers a JSON 404 for an entry that is not published, exactly as for one that does not exist", async () => {
    for (const i of unpublished) {
      for (const key of [String(i.id), i.slug]) {
        const body = await getValid(`/api/v1/innovations/${key}`, "/api/v1/innovations/{id}", 404);
        expect(body.error.code).toBe("not-found");
      }
    }
    await getValid("/api/v1/innovations/999999999", "/api/v1/innovations/{id}", 404);
    await getValid("/api/v1/innovations/tidak-ada", "/api/v1/innovations/{id}", 404);
  });
});

describe("GET /api/v1/regions", () => {
  it("lists all 552 provinces and regencies/cities in one page of the largest size", async () => {
    const body = await getValid("/api/v1/regions?perPage=1000", "/api/v1/regions");
    expect(body.meta).toEqual({ total: 552, page: 1, perPage: 1000, pages: 1 });
    expect(body.data.filter((r: { level: string }) => r.level === "province")).toHaveLength(38);
    expect(body.data[0]).toEqual({ code: "11", name: expect.any(String), level: "province", provinceCode: "11", timeZone: "WIB" });
  });

  it("filters by province and level", async () => {
    const body = await getValid("/api/v1/regions?province=33&level=regency&perPage=100", "/api/v1/regions");
    expect(body.meta.total).toBe(35);
    expect(body.data.every((r: { provinceCode: string; level: string }) => r.provinceCode === "33" && r.level === "regency")).toBe(true);
    expect(body.data.find((r: { code: string }) => r.code === "33.02")).toMatchObject({ name: "Kabupaten Banyumas", timeZone: "WIB" });
    const papua = await getValid("/api/v1/regions?province=91&level=province", "/api/v1/regions");
    expect(papua.data).toEqual([expect.objectContaining({ code: "91", timeZone: "WIT" })]);
  });

  it("answers 400 for a bad level or page size", async () => {
    const body = await getValid("/api/v1/regions?level=desa&perPage=abc", "/api/v1/regions", 400);
    expect(Object.keys(body.error.fields).sort()).toEqual(["level", "perPage"]);
  });
});

describe("GET /api/v1/sustainability", () => {
  it("gives the year's check-in figures overall, by type and by province, and refuses a bad year", async () => {
    const year = jakartaYear(new Date());
    const body = await getValid(`/api/v1/sustainability?year=${year}`, "/api/v1/sustainability");
    expect(body.data.year).toBe(year);
    // Every published innovation of the fixtures falls in exactly one standing.
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(innovations)
      .where(sql`${innovations.state} = 'published' and ${innovations.publishedAt} < ${new Date(Date.UTC(year + 1, 0, 1) - 7 * 3600_000).toISOString()}::timestamptz`);
    const o = body.data.overall;
    expect(o.running + o.stopped + o.due + o.new + o.stoppedEarlier).toBe(n);
    const sumOf = (rows: { running: number; stopped: number; due: number; new: number; stoppedEarlier: number }[]) => rows.reduce((a, r) => a + r.running + r.stopped + r.due + r.new + r.stoppedEarlier, 0);
    expect(sumOf(body.data.byType)).toBe(n);
    expect(body.links).toEqual({ self: `${BASE}/api/v1/sustainability?year=${year}`, html: `${BASE}/keberlanjutan?tahun=${year}` });
    const bad = await getValid("/api/v1/sustainability?year=2012", "/api/v1/sustainability", 400);
    expect(bad.error.fields).toEqual({ year: `The year parameter must be a year from 2013 to ${year}.` });
  });
});

describe("GET /api/v1/compliance", () => {
  it("gives the year's figures overall, by type and by province", async () => {
    // The agencies of 2022 (the reference list also holds bodies formed or ended since).
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(agencies)
      .where(sql`coalesce(${agencies.activeFrom}, 0) <= 2022 and coalesce(${agencies.activeUntil}, 9999) >= 2022`);
    const body = await getValid("/api/v1/compliance?year=2022", "/api/v1/compliance");
    expect(body.data.year).toBe(2022);
    expect(body.data.overall).toEqual({ agencies: n, met: 1, notMet: n - 1, rate: 1 / n });
    expect(body.data.byType.map((r: { type: string }) => r.type)).toEqual(["kementerian", "lembaga", "provinsi", "kabupaten", "kota", "bumn", "bumd"]);
    expect(body.data.byType.find((r: { type: string }) => r.type === "kabupaten").met).toBe(1);
    const [{ provinces }] = await db
      .select({ provinces: sql<number>`count(*)::int` })
      .from(regions)
      .where(eq(regions.level, "province"));
    // Less the four Papuan provinces formed in 2022, counted from 2023.
    expect(body.data.byProvince).toHaveLength(provinces - 4);
    expect(body.data.byProvince.find((r: { code: string }) => r.code === "33").met).toBe(1);
    expect(body.data.rule).toMatch(/2022/);
    expect(body.links).toEqual({
      self: `${BASE}/api/v1/compliance?year=2022`,
      html: `${BASE}/kepatuhan?year=2022`,
      csv: `${BASE}/kepatuhan/unduh?year=2022`,
    });
    // 2021: only the BUMD's innovation (started and published that year).
    const y2021 = await getValid("/api/v1/compliance?year=2021", "/api/v1/compliance");
    expect(y2021.data.overall.met).toBe(1);
    expect(y2021.data.byType.find((r: { type: string }) => r.type === "bumd")).toMatchObject({ met: 1 });
    const y2020 = await getValid("/api/v1/compliance?year=2020", "/api/v1/compliance");
    expect(y2020.data.overall.met).toBe(0);
  });

  it("defaults to the current year", async () => {
    const body = await getValid("/api/v1/compliance", "/api/v1/compliance");
    expect(body.data.year).toBeGreaterThanOrEqual(2025);
  });

  it("answers 400 for a year before the programme or in the future", async () => {
    for (const year of ["2012", "3000", "dua-ribu", "2022.5"]) {
      const body = await getValid(`/api/v1/compliance?year=${year}`, "/api/v1/compliance", 400);
      expect(body.error.fields).toEqual({ year: `The year parameter must be a year from 2013 to ${jakartaYear(new Date())}.` });
    }
  });
});

describe("cross-origin use", () => {
  it("answers a browser's preflight for any endpoint", async () => {
    const res = await client.request("OPTIONS", "/api/v1/regions", undefined, {
      origin: "https://data.contoh.go.id",
      "access-control-request-method": "GET",
      "access-control-request-headers": "x-requested-with",
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("GET");
    expect(res.headers.get("access-control-allow-headers")).toBe("*");
  });
});

describe("GET /api/v1/competitions", () => {
  it("lists announced editions with their call, never drafts or scoring settings", async () => {
    const announced = await createCompetition(db, { slug: "kipp-api", state: "announced", edition: 2030 });
    await createCompetition(db, { slug: "kipp-api-draf", edition: 2031 });
    const list = await getValid("/api/v1/competitions", "/api/v1/competitions");
    expect(list.data.map((c: { slug: string }) => c.slug)).toEqual(["kipp-api"]);
    expect(list.data[0]).toMatchObject({
      edition: 2030,
      state: "announced",
      deadline: "2030-04-30T23:59:59+07:00",
      links: { self: `${BASE}/api/v1/competitions/kipp-api`, html: `${BASE}/kompetisi/kipp-api` },
    });
    const one = await getValid("/api/v1/competitions/kipp-api", "/api/v1/competitions/{slug}");
    expect(one.data.sections).toHaveLength(announced.config.sections.length);
    expect(one.data.stages[2].criteria[0]).toEqual({ code: "latar-belakang", name: "Latar belakang dan tujuan", description: expect.any(String), weight: 10, scaleMin: 1, scaleMax: 10 });
    expect(JSON.stringify(one)).not.toMatch(/disagreementThreshold|revealAfterSubmit|normalise|rubric/);
    const draft = await getValid("/api/v1/competitions/kipp-api-draf", "/api/v1/competitions/{slug}", 404);
    expect(draft.error.code).toBe("not-found");
  });
});

describe("GET /api/v1/competitions/{slug}/results and /api/v1/certificates/{code}", () => {
  it("serves published results and genuine certificates, and nothing before publication", async () => {
    const final = await createCompetition(db, { slug: "kipp-api-hasil", state: "final", edition: 2028 });
    const provisional = await createCompetition(db, { slug: "kipp-api-sementara", state: "provisional", edition: 2029 });
    await db.update(competitions).set({ decreeNumber: "B/123/M.KT.01/2028", decreeDate: "2028-10-01", resultsPublishedAt: new Date("2028-10-02T03:00:00Z") }).where(eq(competitions.id, final.id));
    const award = async (competitionId: number, code: string | null, tierCode: string) => {
      const [p] = await db
        .insert(proposals)
        .values({ competitionId, innovationId: published.id, agencyId: published.agencyId, groupCode: "umum", categoryCode: "kesehatan", title: published.name, state: "submitted" })
        .returning();
      await db.insert(awards).values({ competitionId, proposalId: p.id, innovationId: published.id, agencyId: published.agencyId, tierCode, certificateCode: code });
    };
    await award(final.id, "ABCD-EFGH-JK23", "top-45");
    await award(provisional.id, "WXYZ-2345-6789", "top-99");
    const results = await getValid("/api/v1/competitions/kipp-api-hasil/results", "/api/v1/competitions/{slug}/results");
    expect(results.data).toMatchObject({ edition: 2028, decree: { number: "B/123/M.KT.01/2028", date: "2028-10-01" }, submitted: 1 });
    expect(results.data.awards).toEqual([
      expect.objectContaining({ tier: "top-45", innovation: { name: published.name, links: { html: `${BASE}/inovasi/${published.slug}` } }, certificate: expect.objectContaining({ code: "ABCD-EFGH-JK23" }) }),
    ]);
    expect(results.data.tiers.find((t: { code: string }) => t.code === "top-45").count).toBe(1);
    // Provisional results are not open data, nor their certificates.
    expect((await getValid("/api/v1/competitions/kipp-api-sementara/results", "/api/v1/competitions/{slug}/results", 404)).error.code).toBe("not-found");
    const cert = await getValid("/api/v1/certificates/abcd-efgh-jk23", "/api/v1/certificates/{code}");
    expect(cert.data).toMatchObject({ code: "ABCD-EFGH-JK23", genuine: true, tier: "Top 45", competition: { slug: "kipp-api-hasil" } });
    // Typed without its dashes, as the page accepts it.
    expect((await getValid("/api/v1/certificates/ABCDEFGHJK23", "/api/v1/certificates/{code}")).data.code).toBe("ABCD-EFGH-JK23");
    const unknown = await getValid("/api/v1/certificates/WXYZ-2345-6789", "/api/v1/certificates/{code}", 404);
    expect(unknown.error.message).toBe("No certificate with this code");
    await getValid("/api/v1/certificates/bogus-code", "/api/v1/certificates/{code}", 404);
  });
});

describe("methods other than reading", () => {
  it("answer 405 with the Error shape, the Allow header and the open-data headers, on any API address", async () => {
    const answered = doc.components.headers.Allow.schema.const;
    expect(answered).toBe("GET, HEAD, OPTIONS");
    expect(doc.info.description).toContain("405");
    const validate = ajv.compile({ $ref: `openapi#/${pointer("components", "responses", "MethodNotAllowed", "content", "application/json", "schema")}` });
    const attempts: [string, string, FormData | URLSearchParams | undefined][] = [
      ["POST", "/api/v1/innovations", undefined],
      // A form with no CSRF token, and one with the browser's own token: neither reaches the
      // forms' checks, which answer pages.
      ["POST", "/api/v1/innovations", new URLSearchParams({ q: "sungai" })],
      ["POST", "/api/v1/innovations", new URLSearchParams({ q: "sungai", _csrf: await client.csrf() })],
      ["PUT", "/api/v1/innovations", undefined],
      ["DELETE", "/api/v1/innovations", undefined],
      ["PATCH", "/api/v1/agencies/1", undefined],
      ["DELETE", "/api/v1/tidak-ada", undefined],
    ];
    const get = await client.get("/api/v1/innovations");
    for (const [method, url, body] of attempts) {
      const res = await client.request(method, url, body);
      const what = `${method} ${url} ${body ? "with a form" : ""}`;
      expect(res.status, what).toBe(405);
      expect(res.headers.get("content-type"), what).toMatch(/^application\/json/);
      expect(res.headers.get("allow"), what).toBe(answered);
      for (const h of ["access-control-allow-origin", "cache-control"]) expect(res.headers.get(h), `${what} ${h}`).toBe(get.headers.get(h));
      expect(res.headers.get("set-cookie"), what).toBeNull();
      const json = await res.json();
      expect(validate(json), `${what}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(json.error).toEqual({
        code: "method-not-allowed",
        reason: "errors.methodNotAllowed",
        message: "This method is not allowed: the open API is read-only (GET).",
      });
    }
  });
});

describe("a NUL in an API address", () => {
  it("is a 400 in the API's shape, language and headers, not the pages' answer", async () => {
    const body = await getValid("/api/v1/innovations?q=%00", "/api/v1/innovations", 400);
    expect(body.error).toEqual({ code: "invalid", reason: "errors.invalid", message: "The input is not valid." });
    // Every operation documents it: an item's address as much as a search.
    for (const [url, path] of [["/api/v1/agencies/%00", "/api/v1/agencies/{id}"], ["/api/v1/regions?level=%00", "/api/v1/regions"]]) {
      await getValid(url, path, 400);
    }
    expect(doc.info.license).toEqual({ name: "Apache-2.0", identifier: "Apache-2.0" });
    const unknown = await client.get("/api/v1/tidak-ada%00");
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("unknown API addresses", () => {
  it("answer a JSON 404 with the open-data headers, never the HTML error page", async () => {
    for (const url of ["/api/v1/tidak-ada", "/api/v2/innovations", "/api/v1/agencies/1/units"]) {
      const res = await client.get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      const body = await res.json();
      const validate = ajv.compile({ $ref: "openapi#/components/schemas/Error" });
      expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
      expect(body.error.code).toBe("not-found");
    }
  });
});
