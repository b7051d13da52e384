import { describe, expect, it } from "vitest";
import { agencyNameIn, formerNamesNewestFirst } from "./name-in-year";

// BKPM: a national agency until April 2021, then Kementerian Investasi/BKPM until the October
// 2024 cabinet named it Kementerian Investasi dan Hilirisasi/BKPM.
const bkpm = {
  name: "Kementerian Investasi dan Hilirisasi/BKPM",
  shortName: "BKPM",
  formerNames: [
    { name: "Kementerian Investasi/Badan Koordinasi Penanaman Modal", shortName: "Kementerian Investasi/BKPM", until: 2024 },
    { name: "Badan Koordinasi Penanaman Modal", shortName: "BKPM", until: 2021 },
  ],
};

describe("an agency's name in a year", () => {
  it("is the name it bore that year, the year of a rename counting under the old name", () => {
    expect(agencyNameIn(bkpm, 2019).name).toBe("Badan Koordinasi Penanaman Modal");
    expect(agencyNameIn(bkpm, 2021).name).toBe("Badan Koordinasi Penanaman Modal");
    expect(agencyNameIn(bkpm, 2022)).toEqual({ name: "Kementerian Investasi/Badan Koordinasi Penanaman Modal", shortName: "Kementerian Investasi/BKPM" });
    expect(agencyNameIn(bkpm, 2024).shortName).toBe("Kementerian Investasi/BKPM");
    expect(agencyNameIn(bkpm, 2025)).toEqual({ name: "Kementerian Investasi dan Hilirisasi/BKPM", shortName: "BKPM" });
  });

  it("does not depend on the order the former names are stored in", () => {
    const reversed = { ...bkpm, formerNames: [...bkpm.formerNames].reverse() };
    for (const year of [2013, 2021, 2022, 2024, 2025]) expect(agencyNameIn(reversed, year)).toEqual(agencyNameIn(bkpm, year));
    expect(formerNamesNewestFirst(reversed.formerNames).map((f) => f.until)).toEqual([2024, 2021]);
  });

  it("is always the current name for an agency never renamed", () => {
    expect(agencyNameIn({ name: "Kementerian Kesehatan", shortName: "Kemenkes", formerNames: [] }, 2014).name).toBe("Kementerian Kesehatan");
  });
});
