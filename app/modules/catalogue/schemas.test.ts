import { describe, expect, it } from "vitest";
import { catalogueQueryToParams, maxPage } from "./query";
import {
  parseAgencyListQuery,
  parseCatalogueQuery,
  parseCatalogueQueryStrict,
  searchParamsToObject,
} from "./schemas";

const params = (s: string) => new URLSearchParams(s);

describe("searchParamsToObject", () => {
  it("turns repeated and key[] parameters into arrays", () => {
    expect(searchParamsToObject(params("q=a&sector=x&sector=y&sdg[]=3&page=2"))).toEqual({
      q: "a",
      sector: ["x", "y"],
      sdg: ["3"],
      page: "2",
    });
    expect(searchParamsToObject(params("sdg=1&sdg[]=2"))).toEqual({ sdg: ["1", "2"] });
  });
});

describe("parseCatalogueQuery (pages: lenient)", () => {
  it("reads a full query", () => {
    const q = parseCatalogueQuery(
      params("q=+mal+pelayanan+&agencyType=kota&province=35&sector=perizinan&sdg=16&status=implementasi&year=2017&agency=kota-surabaya-35-78&sort=name&page=2&perPage=50"),
    );
    expect(q).toEqual({
      q: "mal pelayanan",
      agencyType: ["kota"],
      province: ["35"],
      sector: ["perizinan"],
      sdg: [16],
      status: ["implementasi"],
      year: [2017],
      agency: "kota-surabaya-35-78",
      sort: "name",
      page: 2,
      perPage: 50,
    });
  });

  it("drops unknown values, clamps numbers and never throws", () => {
    const q = parseCatalogueQuery(
      params(`q=${"x".repeat(500)}&agencyType=raja&agencyType=kota&province=3&province=33&sector=&sdg=0&sdg=18&sdg=abc&sdg=3&sdg=3&year=99&year=2020&status=aktif&agency=../x&sort=drop&page=-5&perPage=100000`),
    );
    expect(q.q).toHaveLength(200);
    expect(q.agencyType).toEqual(["kota"]);
    expect(q.province).toEqual(["33"]);
    expect(q.sector).toEqual([]);
    expect(q.sdg).toEqual([3]);
    expect(q.year).toEqual([2020]);
    expect(q.status).toEqual([]);
    expect(q.agency).toBeUndefined();
    expect(q.sort).toBe("relevance");
    expect(q.page).toBe(1);
    expect(q.perPage).toBe(100);
    expect(parseCatalogueQuery(params("page=999999999999&perPage=20")).page).toBe(maxPage(20));
    expect(parseCatalogueQuery(params("page=1.5&perPage=abc"))).toMatchObject({ page: 1, perPage: 20 });
  });

  it("sorts by relevance only when there are words", () => {
    expect(parseCatalogueQuery(params("q=pengaduan")).sort).toBe("relevance");
    expect(parseCatalogueQuery(params("")).sort).toBe("newest");
    expect(parseCatalogueQuery(params("sort=relevance")).sort).toBe("newest");
    expect(parseCatalogueQuery(params("sort=start")).sort).toBe("start");
  });

  it("reads an empty sort (the search form's default option) as the query's default", () => {
    expect(parseCatalogueQuery(params("q=pengaduan&sort=")).sort).toBe("relevance");
    expect(parseCatalogueQuery(params("sort=")).sort).toBe("newest");
    expect(parseCatalogueQuery(params("q=pengaduan&sort=newest")).sort).toBe("newest");
    // Shared links stay without it.
    expect(catalogueQueryToParams(parseCatalogueQuery(params("q=pengaduan&sort="))).toString()).toBe("q=pengaduan");
  });

  it("writes a query back as the same, shortest address", () => {
    const q = parseCatalogueQuery(params("q=bank+sampah&sector=lingkungan&sector=kemiskinan&sort=relevance&page=3"));
    expect(catalogueQueryToParams(q).toString()).toBe("q=bank+sampah&sector=lingkungan&sector=kemiskinan&page=3");
    expect(parseCatalogueQuery(catalogueQueryToParams(q))).toEqual(q);
  });
});

describe("parseCatalogueQueryStrict (the API: 400 naming the field)", () => {
  it("accepts a valid query", () => {
    const r = parseCatalogueQueryStrict(params("q=x&sdg=3&page=2"));
    expect(r.ok).toBe(true);
  });

  it("names every bad field", () => {
    const r = parseCatalogueQueryStrict(params("sdg=18&province=abc&page=0&perPage=500&sort=x&agencyType=raja"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fields).sort()).toEqual(["agencyType", "page", "perPage", "province", "sdg", "sort"]);
  });

  it("refuses pages past the result window", () => {
    const r = parseCatalogueQueryStrict(params("page=600&perPage=20"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fields)).toEqual(["page"]);
  });
});

describe("parseAgencyListQuery", () => {
  it("drops what it does not know", () => {
    expect(parseAgencyListQuery(params("q=+banyumas+&type=raja&province=3x&page=-1"))).toEqual({
      q: "banyumas",
      type: undefined,
      province: undefined,
      page: 1,
    });
    expect(parseAgencyListQuery(params("type=kota&province=35&page=2"))).toMatchObject({ type: "kota", province: "35", page: 2 });
  });
});
