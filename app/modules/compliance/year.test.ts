import { describe, expect, it } from "vitest";
import { jakartaYear, jakartaYearBounds, reportableYears } from "./year";

describe("the Jakarta calendar year", () => {
  it("turns at midnight WIB, seven hours before midnight UTC", () => {
    expect(jakartaYear(new Date("2022-12-31T16:59:59Z"))).toBe(2022);
    expect(jakartaYear(new Date("2022-12-31T17:00:00Z"))).toBe(2023);
    expect(jakartaYearBounds(2023)).toEqual({
      from: new Date("2022-12-31T17:00:00Z"),
      to: new Date("2023-12-31T17:00:00Z"),
    });
  });

  it("offers every year from the programme's launch in 2013 to this one, newest first", () => {
    const years = reportableYears(new Date("2026-01-01T00:00:00+07:00"));
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(2013);
    expect(years).toHaveLength(14);
  });
});
