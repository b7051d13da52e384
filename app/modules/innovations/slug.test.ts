import { describe, expect, it } from "vitest";
import { innovationSlugBase } from "./slug";

describe("a new innovation's address", () => {
  it("is its acronym, name and the agency's short name, without random letters", () => {
    expect(innovationSlugBase("Sistem Pelayanan Jalan Rusak", "SIPEJAR", "Kab. Banyumas")).toBe("sipejar-sistem-pelayanan-jalan-rusak-kab-banyumas");
    expect(innovationSlugBase("Mal Pelayanan Publik", null, "Kab. Banyuwangi")).toBe("mal-pelayanan-publik-kab-banyuwangi");
  });

  it("says a repeated acronym or agency name once", () => {
    expect(innovationSlugBase("UPIK Yogyakarta", "UPIK", "Kota Yogyakarta")).toBe("upik-yogyakarta-kota-yogyakarta");
    expect(innovationSlugBase("Layanan Antar Jemput Kab Banyumas", null, "Kab. Banyumas")).toBe("layanan-antar-jemput-kab-banyumas");
  });

  it("stays short enough for a poster, cut between words", () => {
    const slug = innovationSlugBase("Gerakan Bersama Masyarakat Peduli Sanitasi Lingkungan dan Air Bersih Pedesaan Terpadu", "GEMAS PESULAN", "Pemerintah Kabupaten Banyumas Provinsi Jawa Tengah");
    expect(slug.length).toBeLessThanOrEqual(91);
    expect(slug).toMatch(/^gemas-pesulan-gerakan-bersama-[a-z-]+-pemerintah-kabupaten-banyumas$/);
  });

  it("has a base even when the name holds no letters or digits", () => {
    expect(innovationSlugBase("???", null, "Kab. Uji")).toBe("kab-uji");
    expect(innovationSlugBase("???", null, "…")).toBe("inovasi");
  });
});
