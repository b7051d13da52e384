import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import type { CompetitionRow } from "./manage-competition.server";
import { buildChange, partValues } from "./part-forms";
import { preset } from "./presets";

const id = translator("id");
const en = translator("en");
const row = { config: preset("kipp-2023-umum", 2031).config, name: "KIPP 2031", theme: "", legalBasis: "" } as unknown as CompetitionRow;
const errorsOf = (part: "tahap" | "umum" | "kelayakan", change: Record<string, string>, t = id) =>
  buildChange(row, part, { ...partValues(row, part, "WIB"), ...change }, "WIB", t).errors;

describe("a setup page's numbers", () => {
  it("saves the stored stages as they are", () => {
    expect(errorsOf("tahap", {})).toBeUndefined();
  });

  it("tells a number out of range the range, not to enter a number", () => {
    expect(errorsOf("tahap", { "r.4.reviewersPerProposal": "-1" })).toEqual({ "r.4.reviewersPerProposal": "Masukkan bilangan bulat dari 0 sampai 10." });
    expect(errorsOf("tahap", { "r.4.reviewersPerProposal": "99999999999" })).toEqual({ "r.4.reviewersPerProposal": "Masukkan bilangan bulat dari 0 sampai 10." });
    expect(errorsOf("tahap", { "r.4.reviewersPerProposal": "2.5" })).toEqual({ "r.4.reviewersPerProposal": "Masukkan bilangan bulat dari 0 sampai 10." });
    expect(errorsOf("tahap", { "r.1.advancement.n": "1e9" })).toEqual({ "r.1.advancement.n": "Masukkan bilangan bulat dari 1 sampai 100.000." });
    expect(errorsOf("tahap", { "r.1.advancement.n": "1e9" }, en)).toEqual({ "r.1.advancement.n": "Enter a whole number from 1 to 100,000." });
    expect(errorsOf("umum", { objectionDays: "-1" })).toEqual({ objectionDays: "Masukkan bilangan bulat dari 0 sampai 60." });
    expect(errorsOf("kelayakan", { minMonthsOperating: "1000" })).toEqual({ minMonthsOperating: "Masukkan bilangan bulat dari 0 sampai 120." });
  });

  it("asks for a number only when what was typed is none", () => {
    expect(errorsOf("tahap", { "r.4.reviewersPerProposal": "tiga" })).toEqual({ "r.4.reviewersPerProposal": "Masukkan angka." });
  });
});

describe("a setup page's names and codes", () => {
  it("says a name or code is too long, not that it is missing", () => {
    expect(errorsOf("tahap", { "r.2.name": "" })).toEqual({ "r.2.name": "Wajib diisi." });
    expect(errorsOf("tahap", { "r.2.name": "n".repeat(201) })).toEqual({ "r.2.name": "Terlalu panjang (maksimal 200 karakter)." });
    expect(errorsOf("tahap", { "r.2.name": "n".repeat(201) }, en)).toEqual({ "r.2.name": "Too long (at most 200 characters)." });
    expect(errorsOf("tahap", { "r.2.code": "c".repeat(41) })).toEqual({ "r.2.code": "Terlalu panjang (maksimal 40 karakter)." });
  });
});
