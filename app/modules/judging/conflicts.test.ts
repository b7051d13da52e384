import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { parseWith } from "~/lib/forms";
import { DecideSchema } from "./conflicts.server";

const reasonError = (reason: string, t = translator("id")) => {
  const r = parseWith(DecideSchema, { state: "confirmed", reason }, t);
  return r.ok ? undefined : r.errors.reason;
};

describe("deciding a declared conflict", () => {
  it("asks for the reason when there is none, and says when it is too long", () => {
    expect(reasonError("")).toBe("Tuliskan alasannya.");
    expect(reasonError("a".repeat(2001))).toBe("Terlalu panjang (maksimal 2.000 karakter).");
    expect(reasonError("a".repeat(2001), translator("en"))).toBe("Too long (at most 2,000 characters).");
    expect(reasonError("Penilai bekerja di instansi ini.")).toBeUndefined();
  });
});
