import { describe, expect, it } from "vitest";
import { buildDirName } from "../scripts/build-dir.mjs";

describe("buildDirName", () => {
  it("takes build or build-<name>, and an empty setting as build", () => {
    expect(buildDirName("")).toBe("build");
    expect(buildDirName("build")).toBe("build");
    expect(buildDirName("build-me")).toBe("build-me");
  });

  it("refuses any other folder, which the build would empty", () => {
    for (const bad of [".", "..", "app", "/tmp/x", "build/../app", "build-", "build-A", " build"]) expect(() => buildDirName(bad), bad).toThrow(/build-<name>/);
  });
});
