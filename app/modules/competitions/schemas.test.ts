import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { parseWith } from "~/lib/forms";
import { CompetitionGeneralSchema, NewCompetitionSchema } from "./schemas";

const id = translator("id");
const en = translator("en");
const slugError = (slug: string, t = id) => {
  const r = parseWith(NewCompetitionSchema, { edition: "2031", slug, source: "preset:kipp-2023-umum" }, t);
  return r.ok ? undefined : r.errors.slug;
};
const nameError = (name: string, t = id) => {
  const r = parseWith(CompetitionGeneralSchema, { name }, t);
  return r.ok ? undefined : r.errors.name;
};

describe("a new edition's address and name", () => {
  it("says a slug is too short or too long, not that it is missing", () => {
    expect(slugError("")).toBe("Wajib diisi.");
    expect(slugError("-")).toBe("Terlalu pendek (minimal 3 karakter).");
    expect(slugError("a".repeat(61))).toBe("Terlalu panjang (maksimal 60 karakter).");
    expect(slugError("a".repeat(61), en)).toBe("Too long (at most 60 characters).");
    expect(slugError("kipp 2031")).toBe("Gunakan huruf kecil, angka dan tanda hubung, misalnya kipp-2027.");
    expect(slugError("kipp-2031")).toBeUndefined();
  });

  it("says a name is too short or too long, not that it is missing", () => {
    expect(nameError("")).toBe("Wajib diisi.");
    expect(nameError("KI")).toBe("Terlalu pendek (minimal 3 karakter).");
    expect(nameError("K".repeat(201))).toBe("Terlalu panjang (maksimal 200 karakter).");
    expect(nameError("KI", en)).toBe("Too short (at least 3 characters).");
  });
});
