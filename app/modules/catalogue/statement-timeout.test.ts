import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDatabase } from "../../../tests/db";
import type { Database } from "~/db/client.server";
import { isQueryCanceled, withStatementTimeout } from "./statement-timeout.server";
import { shapeResult } from "./search-innovations.server";
import { parseCatalogueQuery } from "./schemas";
import { rowsOf } from "./cards.server";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

const canceled = () => Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });

describe("the statement time limit", () => {
  it("recognises PostgreSQL's query_canceled, also wrapped by the ORM", () => {
    expect(isQueryCanceled(canceled())).toBe(true);
    expect(isQueryCanceled(new Error("Failed query", { cause: canceled() }))).toBe(true);
    expect(isQueryCanceled(Object.assign(new Error("x"), { code: "23505" }))).toBe(false);
    expect(isQueryCanceled(undefined)).toBe(false);
  });

  it("runs the work under the limit and returns its rows", async () => {
    const rows = await withStatementTimeout(database.db, 500, (tx) =>
      rowsOf<{ limit: string }>(tx, sql`SELECT current_setting('statement_timeout') AS limit`),
    );
    expect(rows?.[0]?.limit).toBe("500ms");
  });

  it("turns a stopped statement into null, and lets other errors through", async () => {
    expect(await withStatementTimeout(database.db, 500, async () => { throw canceled(); })).toBeNull();
    await expect(withStatementTimeout(database.db, 500, async () => { throw new Error("boom"); })).rejects.toThrow("boom");
  });

  it("answers a partial result, marked so, when statements were stopped", () => {
    const query = parseCatalogueQuery(new URLSearchParams("q=layanan&sector=kesehatan"));
    const plan = { estimates: { matches: 123_456, facetRows: 900_000, candidates: 900_000, tableRows: 1_000_000 }, exactTotal: false };
    const r = shapeResult(query, plan, { itemRows: null, facetRows: null, countRows: null });
    expect(r.incomplete).toBe(true);
    expect(r.items).toEqual([]);
    expect(r.total).toBe(120_000);
    expect(r.estimated).toEqual({ total: true, facets: true });
    // The ticked value stays listed so it can be unticked.
    expect(r.facets.sector).toEqual([{ value: "kesehatan", count: 0 }]);
  });
});
