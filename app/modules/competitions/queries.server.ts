import { desc, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { competitions } from "~/db/schema";
import { CompetitionConfigSchema } from "./config";

type Row = typeof competitions.$inferSelect;

/**
 * A stored configuration with the defaults of parts added since it was written (a new part
 * of the configuration must not break editions set up before it).
 */
function withDefaults<T extends Row | undefined>(row: T): T {
  if (!row) return row;
  const parsed = CompetitionConfigSchema.safeParse(row.config);
  return parsed.success ? { ...row, config: parsed.data } : row;
}

export type CompetitionSummary = {
  id: number;
  slug: string;
  edition: number;
  name: string;
  theme: string;
  state: (typeof competitions.$inferSelect)["state"];
};

const summary = {
  id: competitions.id,
  slug: competitions.slug,
  edition: competitions.edition,
  name: competitions.name,
  theme: competitions.theme,
  state: competitions.state,
};

/** Editions newest first; the public sees announced ones only. */
export function listCompetitions(db: DbOrTx, opts: { includeDrafts: boolean }): Promise<CompetitionSummary[]> {
  const q = db.select(summary).from(competitions);
  return (opts.includeDrafts ? q : q.where(ne(competitions.state, "draft"))).orderBy(desc(competitions.edition), desc(competitions.id));
}

export async function competitionBySlug(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(competitions).where(eq(competitions.slug, slug));
  return withDefaults(row) ?? null;
}

export async function competitionById(db: DbOrTx, id: number) {
  const [row] = await db.select().from(competitions).where(eq(competitions.id, id));
  return withDefaults(row) ?? null;
}

/** Announced editions, whole, newest first (for the open API). */
export async function announcedCompetitions(db: DbOrTx) {
  const rows = await db.select().from(competitions).where(ne(competitions.state, "draft")).orderBy(desc(competitions.edition), desc(competitions.id));
  return rows.map(withDefaults);
}
