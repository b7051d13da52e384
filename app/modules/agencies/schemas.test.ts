import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { parseWith } from "~/lib/forms";
import { AgencySchema, UnitSchema } from "./schemas";

const t = translator("id");
const nameError = (schema: typeof UnitSchema | typeof AgencySchema, name: string) => {
  const r = parseWith(schema, { name, type: "bumn" }, t);
  return r.ok ? undefined : r.errors.name;
};

describe("unit and agency names", () => {
  it("says a unit name is too short or too long, not that it is missing", () => {
    expect(nameError(UnitSchema, "")).toBe("Wajib diisi.");
    expect(nameError(UnitSchema, "A")).toBe("Terlalu pendek (minimal 2 karakter).");
    expect(nameError(UnitSchema, "a".repeat(201))).toBe("Terlalu panjang (maksimal 200 karakter).");
    expect(nameError(UnitSchema, "UP")).toBeUndefined();
  });

  it("says an agency name is too short or too long, not that it is missing", () => {
    expect(nameError(AgencySchema, "")).toBe("Wajib diisi.");
    expect(nameError(AgencySchema, "PT")).toBe("Terlalu pendek (minimal 3 karakter).");
    expect(nameError(AgencySchema, "a".repeat(201))).toBe("Terlalu panjang (maksimal 200 karakter).");
    expect(nameError(AgencySchema, "PT Uji")).toBeUndefined();
  });

  it("stores a unit's name and kind as one line, runs of spaces and line breaks made one space", () => {
    const r = parseWith(UnitSchema, { name: "  Dinas  Pekerjaan\r\n Umum\t", kind: "Organisasi   Perangkat\nDaerah" }, t);
    expect(r.ok && r.data).toEqual({ name: "Dinas Pekerjaan Umum", kind: "Organisasi Perangkat Daerah" });
    expect(nameError(UnitSchema, " \n\t ")).toBe("Wajib diisi.");
  });
});
