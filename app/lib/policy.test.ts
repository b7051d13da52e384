import { describe, expect, it } from "vitest";
import { ANONYMOUS, can, invitableRoles, type Actor } from "./policy";
import { safeRedirect } from "./safe-redirect";

const user = (role: Extract<Actor, { kind: "user" }>["role"], agencyId: number | null = 1): Actor => ({
  kind: "user",
  id: 1,
  name: "x",
  email: "x@y.id",
  role,
  agencyId,
  unitId: null,
});

describe("policy", () => {
  it("keeps operators to their own agency's unpublished work", () => {
    const draft = { agencyId: 1, state: "draft" as const, unitId: 7 };
    expect(can(user("unit_operator"), "innovation.edit", draft).ok).toBe(true);
    expect(can(user("unit_operator", 2), "innovation.edit", draft).ok).toBe(false);
    expect(can(user("unit_operator"), "innovation.edit", { agencyId: 1, state: "submitted", unitId: 7 })).toEqual({ ok: false, reason: "innovations.errors.locked" });
    // An operator placed in a unit writes that unit's entries only; one in no unit, the agency's.
    const placed = (unitId: number): Actor => ({ ...(user("unit_operator") as Extract<Actor, { kind: "user" }>), unitId });
    expect(can(placed(7), "innovation.edit", draft).ok).toBe(true);
    expect(can(placed(8), "innovation.edit", draft)).toEqual({ ok: false, reason: "innovations.errors.otherUnit" });
    expect(can(placed(8), "innovation.submit", draft)).toEqual({ ok: false, reason: "innovations.errors.otherUnit" });
    expect(can(placed(8), "innovation.edit", { ...draft, unitId: null }).ok).toBe(false);
    expect(can(user("agency_admin"), "innovation.edit", draft).ok).toBe(true);
    expect(can(user("agency_head"), "innovation.edit", draft).ok).toBe(false);
    expect(can(ANONYMOUS, "innovation.view", draft).ok).toBe(false);
    expect(can(ANONYMOUS, "innovation.view", { agencyId: 1, state: "published" }).ok).toBe(true);
  });

  it("lets only Admin Lokal of the agency, or the secretariat, review", () => {
    const sub = { agencyId: 1, state: "submitted" as const };
    expect(can(user("agency_admin"), "innovation.review", sub).ok).toBe(true);
    expect(can(user("agency_admin", 2), "innovation.review", sub).ok).toBe(false);
    expect(can(user("national_admin", null), "innovation.review", sub).ok).toBe(true);
    expect(can(user("unit_operator"), "innovation.review", sub).ok).toBe(false);
  });

  it("lets the agency answer the yearly check-in of its published innovations", () => {
    const pub = { agencyId: 1, state: "published" as const, unitId: 7 };
    const placed = (unitId: number): Actor => ({ ...(user("unit_operator") as Extract<Actor, { kind: "user" }>), unitId });
    expect(can(user("agency_admin"), "innovation.checkIn", pub).ok).toBe(true);
    expect(can(placed(7), "innovation.checkIn", pub).ok).toBe(true);
    expect(can(user("unit_operator"), "innovation.checkIn", pub).ok).toBe(true);
    expect(can(placed(8), "innovation.checkIn", pub)).toEqual({ ok: false, reason: "innovations.errors.otherUnit" });
    expect(can(user("agency_admin", 2), "innovation.checkIn", pub).ok).toBe(false);
    expect(can(user("agency_head"), "innovation.checkIn", pub).ok).toBe(false);
    expect(can(user("national_admin", null), "innovation.checkIn", pub).ok).toBe(false);
    expect(can(user("agency_admin"), "innovation.checkIn", { ...pub, state: "draft" })).toEqual({ ok: false, reason: "checkins.errors.notPublished" });
    expect(can(ANONYMOUS, "innovation.checkIn", pub).ok).toBe(false);
    expect(can(user("agency_head"), "checkIn.overview").ok).toBe(true);
    expect(can(user("national_admin", null), "checkIn.overview").ok).toBe(true);
    expect(can(user("evaluator", null), "checkIn.overview").ok).toBe(false);
  });

  it("limits the roles each inviter can hand out", () => {
    expect(invitableRoles(user("agency_admin"))).not.toContain("national_admin");
    expect(invitableRoles(user("national_admin", null))).toContain("panelist");
    expect(invitableRoles(user("unit_operator"))).toEqual([]);
  });

  it("never redirects off-site", () => {
    expect(safeRedirect("/kelola")).toBe("/kelola");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    // Browsers drop tabs and line breaks inside a URL: "/\t/evil.example" is "//evil.example".
    for (const c of ["\t", "\n", "\r", "\u0000", " "]) expect(safeRedirect(`/${c}/evil.example/x`), JSON.stringify(c)).toBe("/");
    expect(safeRedirect("/kelola\r\nSet-Cookie: x=1")).toBe("/");
    expect(safeRedirect("/a/..//evil.example")).toBe("/");
    expect(safeRedirect(`/${"a".repeat(3000)}`)).toBe("/");
    expect(safeRedirect("/kelola/inovasi?tahap=draf#daftar")).toBe("/kelola/inovasi?tahap=draf#daftar");
    expect(safeRedirect("/inovasi?q=ibu hamil")).toBe("/");
    expect(safeRedirect("/inovasi?q=ibu+hamil")).toBe("/inovasi?q=ibu+hamil");
    // A Location header carries only ASCII: other characters leave percent-encoded.
    expect(safeRedirect("/inovasi?q=✓")).toBe("/inovasi?q=%E2%9C%93");
  });
});
