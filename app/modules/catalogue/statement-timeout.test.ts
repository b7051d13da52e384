import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDatabase } from "../../../tests/db";
import { PUBLIC_STATEMENT_TIMEOUT_MS, type Database } from "~/db/client.server";
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

  it("runs the public's searches on connections that carry the limit, with no transaction to set it", async () => {
    const rows = await withStatementTimeout(database.publicDb, PUBLIC_STATEMENT_TIMEOUT_MS, (tx) =>
      rowsOf<{ limit: string; alone: boolean }>(tx, sql`SELECT current_setting('statement_timeout') AS limit, now() = statement_timestamp() AS alone`),
    );
    if (database.kind === "postgres") {
      // A statement in a transaction of its own starts with it: now() is its own start.
      expect(rows?.[0]).toEqual({ limit: `${PUBLIC_STATEMENT_TIMEOUT_MS / 1000}s`, alone: true });
      // The other connections carry no limit (migrations, exports and jobs may run long).
      const [other] = await rowsOf<{ limit: string }>(database.db, sql`SELECT current_setting('statement_timeout') AS limit`);
      expect(other?.limit).toBe("0");
    } else {
      // PGlite cannot stop a statement: the one handle serves both.
      expect(database.publicDb).toBe(database.db);
      expect(rows).toHaveLength(1);
    }
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
