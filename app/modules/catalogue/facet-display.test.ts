import { describe, expect, it } from "vitest";
import { expandedFacets, shownFacet } from "./facet-display";

const counts = (...pairs: [string, number][]) => pairs.map(([value, count]) => ({ value, count }));
// Twelve provinces in code order; 51 and 91 have the fewest matches.
const provinces = counts(["11", 9], ["12", 8], ["13", 7], ["31", 30], ["32", 20], ["33", 25], ["34", 6], ["35", 40], ["36", 5], ["51", 1], ["52", 4], ["91", 2]);

describe("shownFacet", () => {
  it("shows a short facet whole, with nothing to expand", () => {
    const few = counts(["inisiatif", 1], ["implementasi", 9]);
    expect(shownFacet(few, [], false, 10)).toEqual({ values: few, hidden: 0, expanded: false });
    expect(shownFacet(few, [], true, 10)).toEqual({ values: few, hidden: 0, expanded: false });
  });

  it("keeps the values with the most matches, most first", () => {
    const shown = shownFacet(provinces, [], false, 10);
    expect(shown.values.map((v) => v.value)).toEqual(["35", "31", "33", "32", "11", "12", "13", "34", "36", "52"]);
    expect(shown).toMatchObject({ hidden: 2, expanded: false });
  });

  it("breaks a tie by the facet's order", () => {
    const tied = counts(["a", 1], ["b", 2], ["c", 1], ["d", 1]);
    expect(shownFacet(tied, [], false, 3).values.map((v) => v.value)).toEqual(["b", "a", "c"]);
  });

  it("never leaves out a ticked value, however few its matches", () => {
    const shown = shownFacet(provinces, ["91", "35"], false, 10);
    expect(shown.values.map((v) => v.value).slice(-2)).toEqual(["52", "91"]);
    expect(shown.values).toHaveLength(11);
    expect(shown.hidden).toBe(1);
  });

  it("shows every value when asked", () => {
    expect(shownFacet(provinces, [], true, 10)).toEqual({ values: provinces, hidden: 0, expanded: true });
  });
});

describe("expandedFacets", () => {
  it("reads the facets to show in full and ignores anything else", () => {
    expect(expandedFacets(new URLSearchParams("expand=province&expand=year&expand=drop+table&expand=province"))).toEqual(["province", "year"]);
    expect(expandedFacets(new URLSearchParams("q=x"))).toEqual([]);
  });
});
