// The line the public reads about whether an innovation still runs, from its check-ins.
import { jakartaYear } from "~/modules/compliance/year";
import type { CheckIn } from "./queries.server";

export type Sustainability = { kind: "confirmed" | "stopped" | "stale" | "never"; year: number | null } | null;

/**
 * The latest answer decides. A "still running" answer of last year still stands early in the
 * new year (every agency has the year to answer); older than that, the page says since when
 * nobody confirmed it. An innovation published this year has had no check-in to give: nothing.
 */
export function sustainabilityOf(checkIns: readonly Pick<CheckIn, "year" | "outcome">[], publishedAt: string | null, thisYear: number): Sustainability {
  const latest = checkIns[0];
  if (!latest) {
    const publishedYear = publishedAt ? jakartaYear(new Date(publishedAt)) : thisYear;
    return publishedYear < thisYear ? { kind: "never", year: null } : null;
  }
  if (latest.outcome === "stopped") return { kind: "stopped", year: latest.year };
  return { kind: latest.year >= thisYear - 1 ? "confirmed" : "stale", year: latest.year };
}
