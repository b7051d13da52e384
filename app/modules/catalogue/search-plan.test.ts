import { describe, expect, it } from "vitest";
import { chooseRelevanceWindow, correlatedEstimates, roundEstimate, sampleRanges } from "./search-plan.server";
import { plainWords, queryWords } from "./search-sql.server";

describe("sampleRanges", () => {
  it("spreads the sample over the whole id span and scales it back up", () => {
    const { ranges, scale } = sampleRanges(1, 1_000_000, 0.01);
    expect(ranges).toHaveLength(128);
    expect(ranges[0][0]).toBe(1);
    expect(ranges[127][0]).toBeGreaterThan(990_000 - 8_000);
    const covered = ranges.reduce((n, [lo, hi]) => n + hi - lo + 1, 0);
    expect(covered).toBeGreaterThan(9_900);
    expect(covered).toBeLessThan(10_100);
    expect(scale * covered).toBeCloseTo(1_000_000);
    for (let k = 1; k < ranges.length; k++) expect(ranges[k][0]).toBeGreaterThan(ranges[k - 1][1]);
    for (const [lo, hi] of ranges) expect(hi).toBeLessThanOrEqual(1_000_000);
  });

  it("does not line up with data repeating every few thousand ids", () => {
    // One row in 7,300 ids each has a given start year in a repeating bulk load: the sample
    // must still meet them in proportion.
    const { ranges, scale } = sampleRanges(1, 1_000_000, 0.02);
    let hits = 0;
    for (const [lo, hi] of ranges) for (let id = lo; id <= hi; id++) if (id % 7_300 < 365) hits++;
    const truth = Array.from({ length: 1_000_000 }, (_, i) => ((i + 1) % 7_300 < 365 ? 1 : 0)).reduce<number>((a, b) => a + b, 0);
    expect(hits * scale).toBeGreaterThan(truth * 0.7);
    expect(hits * scale).toBeLessThan(truth * 1.3);
  });

  it("takes at least one id per stratum, and no more strata than ids", () => {
    const { ranges, scale } = sampleRanges(10, 14, 0.0001);
    expect(ranges).toEqual([[10, 10], [11, 11], [12, 12], [13, 13], [14, 14]]);
    expect(scale).toBe(1);
  });
});

describe("roundEstimate", () => {
  it("keeps two significant digits and never rounds a seen value to 0", () => {
    expect(roundEstimate(912_345)).toBe(910_000);
    expect(roundEstimate(1_234)).toBe(1_200);
    expect(roundEstimate(87.4)).toBe(87);
    expect(roundEstimate(0.3)).toBe(1);
    expect(roundEstimate(0)).toBe(0);
  });
});

describe("chooseRelevanceWindow", () => {
  const limits = { rankLimit: 1_000, relevanceWindow: 500, relevanceScan: 30_000 };
  it("ranks a few matches in full", () => {
    expect(chooseRelevanceWindow({ matches: 800, candidates: 800, tableRows: 1_000_000 }, limits, false)).toBeUndefined();
    expect(chooseRelevanceWindow({ matches: 3_000, candidates: 3_000, tableRows: 1_000_000 }, limits, false)).toBeUndefined();
  });
  it("ranks only the newest of very many matches", () => {
    expect(chooseRelevanceWindow({ matches: 900_000, candidates: 900_000, tableRows: 1_000_000 }, limits, false)).toEqual({ size: 500, scan: 30_000 });
  });
  it("walks when filters narrow a common word's many candidates", () => {
    expect(chooseRelevanceWindow({ matches: 8_000, candidates: 550_000, tableRows: 1_000_000 }, limits, false)).toEqual({ size: 500, scan: 30_000 });
  });
  it("never walks for a phrase, whose estimate is unreliable", () => {
    expect(chooseRelevanceWindow({ matches: 900_000, candidates: 900_000, tableRows: 1_000_000 }, limits, true)).toBeUndefined();
  });
});

describe("correlatedEstimates", () => {
  const independent = { matches: 300, facetRows: 400, candidates: 412, tableRows: 1_000_000 };
  it("raises the estimates of words that go together to their rarest word's", () => {
    // "kesehatan ibu hamil" on a million rows: 412 by independence, 42,808 found.
    const e = correlatedEstimates(independent, [199_217, 45_054, 43_242]);
    expect(e.candidates).toBe(43_242);
    expect(e.matches).toBeCloseTo((300 * 43_242) / 412);
    expect(e.facetRows).toBeCloseTo((400 * 43_242) / 412);
    expect(e.tableRows).toBe(1_000_000);
  });
  it("leaves a single word, or a rarest word rarer than the product, as it is", () => {
    expect(correlatedEstimates(independent, [43_242])).toEqual(independent);
    expect(correlatedEstimates(independent, [90_000, 200])).toEqual(independent);
  });
  it("never estimates more rows than the table has", () => {
    const e = correlatedEstimates({ matches: 10, facetRows: 10, candidates: 10, tableRows: 1_000 }, [5_000, 8_000]);
    expect(e.matches).toBe(1_000);
    expect(e.candidates).toBe(1_000);
  });
});

describe("plainWords", () => {
  it("is true only for two or more required words without correction", () => {
    expect(plainWords({ q: "kesehatan ibu hamil" })).toBe(true);
    expect(plainWords({ q: "pengaduan" })).toBe(false);
    expect(plainWords({ q: '"bank sampah" desa' })).toBe(false);
    expect(plainWords({ q: "pasar or kota" })).toBe(false);
    expect(plainWords({ q: "pasar -kota" })).toBe(false);
    expect(plainWords({ q: "pengadun warga", corrected: "pengaduan warga" })).toBe(false);
    expect(plainWords(null)).toBe(false);
  });
});

describe("queryWords", () => {
  it("gives each word once, lower-cased, and leaves out bare punctuation (an empty query, estimated at one row)", () => {
    expect(queryWords({ q: "Kesehatan  ibu — hamil IBU" })).toEqual(["kesehatan", "ibu", "hamil"]);
    expect(queryWords({ q: "remaja ::: 2024 & desa" })).toEqual(["remaja", "2024", "desa"]);
  });
});
