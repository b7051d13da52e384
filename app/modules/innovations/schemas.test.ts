import { afterEach, describe, expect, it, vi } from "vitest";
import { translator } from "~/i18n";
import { parseWith } from "~/lib/forms";
import { InnovationInputSchema, innovationFormValues, latestStartDate } from "./schemas";

const t = translator("id");
const errorsOf = (input: Record<string, unknown>) => {
  const r = parseWith(InnovationInputSchema, input, t);
  return r.ok ? {} : r.errors;
};

describe("the innovation form's rules", () => {
  afterEach(() => vi.useRealTimers());

  it("takes a video address typed without https://, and still refuses other schemes", () => {
    const video = (videoUrl: string) => {
      const r = parseWith(InnovationInputSchema, { name: "Inovasi Uji", videoUrl }, t);
      return r.ok ? r.data.videoUrl : r.errors.videoUrl;
    };
    expect(video("youtube.com/watch?v=abc123")).toBe("https://youtube.com/watch?v=abc123");
    expect(video(" www.banyumaskab.go.id/video ")).toBe("https://www.banyumaskab.go.id/video");
    expect(video("http://video.example.go.id/a")).toBe("http://video.example.go.id/a");
    expect(video("javascript:alert(1)")).toBe("Masukkan alamat web yang lengkap, diawali https://.");
    expect(video("bukan alamat")).toBe("Masukkan alamat web yang lengkap, diawali https://.");
    expect(video("")).toBeUndefined();
  });

  it("says a name is too short or too long, not that it is missing", () => {
    expect(errorsOf({ name: "" }).name).toBe("Wajib diisi.");
    expect(errorsOf({ name: "ab" }).name).toBe("Terlalu pendek (minimal 3 karakter).");
    expect(errorsOf({ name: "a".repeat(201) }).name).toBe("Terlalu panjang (maksimal 200 karakter).");
    expect(errorsOf({ name: "abc" }).name).toBeUndefined();
    expect(errorsOf({ name: "a".repeat(200) }).name).toBeUndefined();
    const en = parseWith(InnovationInputSchema, { name: "ab" }, translator("en"));
    expect(en.ok ? null : en.errors.name).toBe("Too short (at least 3 characters).");
  });

  it("takes today's date in Jayapura (WIT, UTC+9) as the latest start date", () => {
    // 14:59 UTC is 23:59 WIT; a minute later Papua is in the next day.
    expect(latestStartDate(new Date("2026-03-09T14:59:00Z"))).toBe("2026-03-09");
    expect(latestStartDate(new Date("2026-03-09T15:00:00Z"))).toBe("2026-03-10");
    // 01:00 WIB on 10 March: still 9 March in UTC.
    expect(latestStartDate(new Date("2026-03-09T18:00:00Z"))).toBe("2026-03-10");
    expect(latestStartDate(new Date("2026-12-31T15:00:00Z"))).toBe("2027-01-01");
  });

  it("accepts today's WIB date between 00:00 and 07:00 WIB, and refuses tomorrow's", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-09T18:00:00Z")); // 01:00 WIB, 03:00 WIT on 10 March
    expect(errorsOf({ name: "Inovasi Uji", startedOn: "2026-03-10" }).startedOn).toBeUndefined();
    expect(errorsOf({ name: "Inovasi Uji", startedOn: "2026-03-11" }).startedOn).toBe("Tanggal mulai tidak boleh di masa depan.");
  });

  it("refuses a unit or agency id beyond PostgreSQL's integer as a choice, not a number", () => {
    const e = errorsOf({ name: "Inovasi Uji", unitId: "99999999999", agencyId: "2147483648" });
    expect(e.unitId).toBe("Pilih salah satu pilihan yang tersedia.");
    expect(e.agencyId).toBe("Pilih salah satu pilihan yang tersedia.");
    const ok = parseWith(InnovationInputSchema, { name: "Inovasi Uji", unitId: "12", agencyId: "" }, t);
    expect(ok.ok && ok.data.unitId).toBe(12);
    expect(ok.ok && ok.data.agencyId).toBeUndefined();
  });
});

describe("the values a refused form shows again", () => {
  it("keeps lists as lists and single fields as one value, whatever was posted", () => {
    const indicators = [{ name: "a", before: "1", after: "2", unit: "", source: "" }];
    expect(innovationFormValues({ sdgs: "0", sectors: "tik", name: ["Satu", "Dua"], indicators, version: "3" })).toEqual({
      sdgs: ["0"],
      sectors: ["tik"],
      name: "Satu",
      indicators,
      version: "3",
    });
    expect(innovationFormValues({ sdgs: ["3", "16"], sectors: "" })).toEqual({ sdgs: ["3", "16"], sectors: [] });
  });
});
