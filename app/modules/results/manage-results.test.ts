import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { parseWith } from "~/lib/forms";
import { AnswerSchema, AwardSchema, DecreeSchema, ObjectionSchema } from "./manage-results.server";

const id = translator("id");
const errorOf = (schema: Parameters<typeof parseWith>[0], input: Record<string, unknown>, field: string, t = id) => {
  const r = parseWith(schema, input, t);
  return r.ok ? undefined : r.errors[field];
};

describe("the results' texts", () => {
  it("say a text is too long, or a decree number too short, not that it is missing", () => {
    expect(errorOf(AwardSchema, { tier: "", reason: "" }, "reason")).toBe("Tuliskan alasannya.");
    expect(errorOf(AwardSchema, { tier: "", reason: "a".repeat(2001) }, "reason")).toBe("Terlalu panjang (maksimal 2.000 karakter).");
    expect(errorOf(AnswerSchema, { state: "rejected", response: "" }, "response")).toBe("Tuliskan jawaban untuk instansi.");
    expect(errorOf(AnswerSchema, { state: "rejected", response: "a".repeat(4001) }, "response")).toBe("Terlalu panjang (maksimal 4.000 karakter).");
    expect(errorOf(ObjectionSchema, { reason: "a".repeat(4001) }, "reason")).toBe("Terlalu panjang (maksimal 4.000 karakter).");
    expect(errorOf(DecreeSchema, { number: "", date: "2031-12-01" }, "number")).toBe("Wajib diisi.");
    expect(errorOf(DecreeSchema, { number: "12", date: "2031-12-01" }, "number")).toBe("Terlalu pendek (minimal 3 karakter).");
    expect(errorOf(DecreeSchema, { number: "1".repeat(201), date: "2031-12-01" }, "number")).toBe("Terlalu panjang (maksimal 200 karakter).");
    expect(errorOf(DecreeSchema, { number: "1".repeat(201), date: "2031-12-01" }, "number", translator("en"))).toBe("Too long (at most 200 characters).");
  });
});
