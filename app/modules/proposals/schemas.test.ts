import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { parseWith } from "~/lib/forms";
import { CommentSchema, ProposalDetailsSchema } from "./schemas";

const id = translator("id");
const en = translator("en");
const titleError = (title: string, t = id) => {
  const r = parseWith(ProposalDetailsSchema, { version: "1", title, groupCode: "umum", categoryCode: "kesehatan", links: {} }, t);
  return r.ok ? undefined : r.errors.title;
};
const commentError = (comment: string, t = id) => {
  const r = parseWith(CommentSchema, { comment }, t);
  return r.ok ? undefined : r.errors.comment;
};

describe("a proposal's title", () => {
  it("says a title is too short or too long, not that it is missing, in both languages", () => {
    expect(titleError("")).toBe("Wajib diisi.");
    expect(titleError("ab")).toBe("Terlalu pendek (minimal 3 karakter).");
    expect(titleError("a".repeat(201))).toBe("Terlalu panjang (maksimal 200 karakter).");
    expect(titleError("ab", en)).toBe("Too short (at least 3 characters).");
    expect(titleError("a".repeat(201), en)).toBe("Too long (at most 200 characters).");
    expect(titleError("Sekolah Lapang Gizi")).toBeUndefined();
  });
});

describe("the comment a proposal is returned with", () => {
  it("asks for a comment when there is none, and names the limits otherwise", () => {
    expect(commentError("")).toBe("Tulis catatan agar penyusun tahu apa yang perlu diperbaiki.");
    expect(commentError("ok")).toBe("Terlalu pendek (minimal 3 karakter).");
    expect(commentError("a".repeat(3001))).toBe("Terlalu panjang (maksimal 3.000 karakter).");
    expect(commentError("a".repeat(3001), en)).toBe("Too long (at most 3,000 characters).");
    expect(commentError("Lengkapi bukti dukung.")).toBeUndefined();
  });
});
