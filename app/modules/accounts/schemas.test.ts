import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { parseWith } from "~/lib/forms";
import { InviteSchema } from "./schemas";

const invite = { email: "baru@uji.go.id", name: "Bu Operator", role: "unit_operator" };
const errorsOf = (input: Record<string, unknown>, locale: "id" | "en" = "id") => {
  const r = parseWith(InviteSchema, { ...invite, ...input }, translator(locale));
  return r.ok ? {} : r.errors;
};

describe("the invitation form's rules", () => {
  it("says a name is too short or too long, not that it is missing", () => {
    expect(errorsOf({ name: "" }).name).toBe("Wajib diisi.");
    expect(errorsOf({ name: "A" }).name).toBe("Terlalu pendek (minimal 2 karakter).");
    expect(errorsOf({ name: "a".repeat(121) }).name).toBe("Terlalu panjang (maksimal 120 karakter).");
    expect(errorsOf({ name: "a".repeat(121) }, "en").name).toBe("Too long (at most 120 characters).");
    expect(errorsOf({ name: "Bu" }).name).toBeUndefined();
  });

  it("refuses an agency or unit id beyond PostgreSQL's integer as a choice", () => {
    const e = errorsOf({ agencyId: "99999999999", unitId: "99999999999" });
    expect(e.agencyId).toBe("Pilih salah satu pilihan yang tersedia.");
    expect(e.unitId).toBe("Pilih salah satu pilihan yang tersedia.");
    expect(errorsOf({ agencyId: "7", unitId: "" })).toEqual({});
  });
});
