import { describe, expect, it } from "vitest";
import { cleanFilename, sniffFile } from "./uploads.server";

const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describe("an upload's name", () => {
  it("drops control characters and direction overrides", () => {
    expect(cleanFilename("a\u0000b.png")).toBe("ab.png");
    expect(cleanFilename("laporan\r\n\t2024.pdf")).toBe("laporan2024.pdf");
    expect(cleanFilename("foto\u202Egpj.exe")).toBe("fotogpj.exe");
    expect(cleanFilename("Ruang rapat (lantai 2) — ä.jpg")).toBe("Ruang rapat (lantai 2) — ä.jpg");
  });

  it("is at most 200 characters, never half a character, and never empty", () => {
    expect(cleanFilename("a".repeat(500))).toHaveLength(200);
    expect(cleanFilename("😀".repeat(300))).toBe("😀".repeat(200));
    expect(cleanFilename("\u0000\u0001 ")).toBe("berkas");
  });

  it("is cleaned for every upload checked, accepted or refused", async () => {
    const ok = await sniffFile(new File([new Uint8Array(PNG_1PX)], "a\u0000b.png"), ["image/png"], "PNG", 1_000_000);
    expect(ok.ok && ok.file.filename).toBe("ab.png");
    const refused = await sniffFile(new File(["<html>"], "c\u0000d.png"), ["image/png"], "PNG", 1_000_000);
    expect(refused.ok ? null : refused.problem.vars.name).toBe("cd.png");
  });
});
