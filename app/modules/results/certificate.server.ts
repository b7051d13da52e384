// A certificate as the public checks it: the code as people type it from paper, and the record
// behind it. Only certificates of published (final) editions exist for the public
// (certificateByCode); an unpublished edition's codes answer exactly like forged ones, so the
// page never tells whether results are being prepared.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { innovations } from "~/db/schema";
import { CERTIFICATE_CODE } from "./awards";
import { certificateByCode } from "./queries.server";

/**
 * The canonical code ("ABCD-EFGH-JK23") from what someone typed: case, spaces and any kind of
 * hyphen do not matter (codes are read off paper and out over the phone). Null when it cannot
 * be a code at all.
 */
export function readCertificateCode(input: string): string | null {
  if (input.length > 64) return null;
  const bare = input.normalize("NFKC").toUpperCase().replace(/[\s\-\u2010-\u2015\u2212_.]/g, "");
  if (bare.length !== 12) return null;
  const code = `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}`;
  return CERTIFICATE_CODE.test(code) ? code : null;
}

export type Certificate = NonNullable<Awaited<ReturnType<typeof verifiedCertificate>>>;

/** The published certificate with this code, or null; the innovation's link only while it is public. */
export async function verifiedCertificate(db: DbOrTx, code: string) {
  const cert = await certificateByCode(db, code);
  if (!cert || !cert.code) return null;
  // An innovation taken back to draft after its award keeps the award, but its page is gone:
  // the certificate names it without a dead link.
  const [innovation] = await db.select({ state: innovations.state }).from(innovations).where(eq(innovations.slug, cert.innovationSlug));
  return {
    ...cert,
    code: cert.code,
    innovationSlug: innovation?.state === "published" ? cert.innovationSlug : null,
    decreeDate: cert.decreeDate ?? null,
    publishedAt: cert.publishedAt ?? null,
  };
}
