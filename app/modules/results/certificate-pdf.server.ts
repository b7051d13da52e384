// The award certificate as a one-page A4 landscape PDF: Bahasa Indonesia with English beneath in
// smaller type (a certificate travels: to the agency's wall, to a UNPSA nomination), the
// certificate code, and the verification address as text and as a QR code, so anyone holding
// the paper can check it against Lumbung.
//
// Fonts: the PDF standard fonts (Helvetica, Courier), which every reader has and which cost no
// bytes. They cover Windows-1252 (Latin-1 plus “ ” – — € …): every Indonesian name and
// accented Latin names (é, ü). Characters outside it lose their accents (ā → a) and anything
// else prints as "?" (see winAnsi). Drawing them untouched would corrupt the page, since the
// standard fonts encode one byte per character. Embedding a Unicode font would lift the limit
// at the cost of a font file shipped with the app.
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { formatDate, toZonedInput, translator } from "~/i18n";
import type { Certificate } from "./certificate.server";

const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
const INK = "#1b1b1b";
const MUTED = "#505a5f";
const GREEN = "#0f5b2a";
const GOLD = "#7a5a12";

// The 27 characters Windows-1252 places in 0x80–0x9F; the rest of its range is Latin-1.
const CP1252_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const printable = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch);
};

/** Text the standard fonts can draw: accents beyond Latin-1 dropped, other scripts as "?". */
export function winAnsi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (printable(ch)) out += ch;
    else if (/\s|\p{Cc}/u.test(ch)) out += " ";
    else {
      const folded = ch.normalize("NFKD").replace(/\p{M}/gu, "");
      out += folded && [...folded].every(printable) ? folded : "?";
    }
  }
  return out.replace(/ {2,}/g, " ").trim();
}

const tId = translator("id");
const tEn = translator("en");
const dateIn = (locale: "id" | "en", iso: string) => formatDate(locale, `${iso.slice(0, 10)}T12:00:00Z`);
// The publication instant as the date it was in Jakarta, where the decree is signed.
const wibDate = (d: Date) => toZonedInput(d.toISOString(), "WIB").slice(0, 10);

/** The certificate as PDF bytes. */
export async function renderCertificatePdf(cert: Certificate, opts: { verifyUrl: string }): Promise<Uint8Array> {
  const { width: W, height: H } = A4_LANDSCAPE;
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    // Tagged, with a language and a title: screen readers read the certificate in order.
    tagged: true,
    lang: "id-ID",
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: winAnsi(tId("certificate.pdf.docTitle", { innovation: cert.innovation })),
      Subject: `${cert.code} · ${winAnsi(cert.competition)}`,
      Author: winAnsi(cert.competition),
      Keywords: cert.code,
      Creator: "Lumbung",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const root = doc.struct("Document");
  doc.addStructure(root);

  // Decoration is an artifact: assistive technology skips it.
  doc.markContent("Artifact", { type: "Layout" });
  doc.lineWidth(3).strokeColor(GREEN).rect(22, 22, W - 44, H - 44).stroke();
  doc.lineWidth(0.8).strokeColor(GOLD).rect(32, 32, W - 64, H - 64).stroke();
  doc.endMarkedContent();

  const textWidth = W - 180;
  const left = 90;
  /** One centred block in Indonesian, then its English beneath in smaller, muted type. */
  const line = (tag: string, text: string, o: { font?: string; size: number; color?: string; gap?: number; lang?: string; maxHeight?: number; minSize?: number }) => {
    const t = winAnsi(text);
    let size = o.size;
    // Long names shrink to fit their box rather than push the rest off the page; only a name
    // too long even at the smallest size is cut, with an ellipsis.
    if (o.maxHeight) {
      doc.font(o.font ?? "Helvetica");
      while (size > (o.minSize ?? size) && doc.fontSize(size).heightOfString(t, { width: textWidth }) > o.maxHeight) size -= 1;
    }
    root.add(
      doc.struct(tag, { lang: o.lang }, () => {
        doc.font(o.font ?? "Helvetica").fontSize(size).fillColor(o.color ?? INK).text(t, left, doc.y, { width: textWidth, align: "center", height: o.maxHeight, ellipsis: !!o.maxHeight });
      }),
    );
    doc.y += o.gap ?? 0;
  };
  // The English line stays on one line (shrinking if it must) so the page never overflows.
  const english = (text: string, size: number, gap = 0) => line("P", text, { font: "Helvetica-Oblique", size, color: MUTED, gap, lang: "en-GB", maxHeight: size * 1.25, minSize: 6 });

  doc.y = 56;
  line("P", cert.competition, { font: "Helvetica-Bold", size: 15, color: GREEN, maxHeight: 20, minSize: 10 });
  line("P", `${tId("certificate.pdf.edition", { edition: String(cert.edition) })} · ${tEn("certificate.pdf.edition", { edition: String(cert.edition) })}`, { size: 10, color: MUTED, gap: 12 });

  line("H1", tId("certificate.pdf.title"), { font: "Helvetica-Bold", size: 34, color: GREEN, gap: 2 });
  english(tEn("certificate.pdf.title"), 14, 12);

  line("P", tId("certificate.pdf.awardedTo"), { size: 12 });
  english(tEn("certificate.pdf.awardedTo"), 9, 6);
  line("H2", cert.innovation, { font: "Helvetica-Bold", size: 24, maxHeight: 58, minSize: 11, gap: 4 });
  line("P", `${tId("certificate.pdf.agency")} / ${tEn("certificate.pdf.agency")}`, { size: 10, color: MUTED, gap: 2 });
  line("P", cert.agency, { font: "Helvetica-Bold", size: 16, maxHeight: 38, minSize: 10, gap: 10 });

  line("P", tId("certificate.pdf.as"), { size: 12 });
  english(tEn("certificate.pdf.as"), 9, 4);
  line("P", cert.tier, { font: "Helvetica-Bold", size: 24, color: GOLD, maxHeight: 30, minSize: 12, gap: 6 });
  line("P", tId("certificate.pdf.category", { category: cert.category }), { size: 12, maxHeight: 15, minSize: 8 });
  english(tEn("certificate.pdf.category", { category: cert.category }), 9, 8);
  if (cert.decreeNumber && cert.decreeDate) {
    line("P", tId("certificate.pdf.decree", { number: cert.decreeNumber, date: dateIn("id", cert.decreeDate) }), { size: 11, maxHeight: 14, minSize: 7 });
    english(tEn("certificate.pdf.decree", { number: cert.decreeNumber, date: dateIn("en", cert.decreeDate) }), 9);
  }

  // The verification block along the bottom: QR code, code, address; publication date at right.
  const qrSize = 92;
  const qrX = 64;
  const qrY = H - 64 - qrSize;
  const qr = QRCode.create(opts.verifyUrl, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const cell = qrSize / (n + 8); // four modules of quiet zone on each side
  root.add(
    doc.struct("Figure", { alt: tEn("certificate.pdf.qr", { code: cert.code }), lang: "en-GB" }, () => {
      doc.rect(qrX, qrY, qrSize, qrSize).fill("#ffffff");
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < n; c++) {
          if (qr.modules.get(r, c)) doc.rect(qrX + (c + 4) * cell, qrY + (r + 4) * cell, cell, cell);
        }
      }
      doc.fill(INK);
    }),
  );

  const bx = qrX + qrSize + 14;
  const bw = 330;
  const small = (text: string, y: number, o: { font?: string; size?: number; color?: string; lang?: string; link?: string } = {}) =>
    root.add(
      doc.struct("P", { lang: o.lang }, () => {
        doc.font(o.font ?? "Helvetica").fontSize(o.size ?? 9).fillColor(o.color ?? MUTED).text(winAnsi(text), bx, y, { width: bw, lineBreak: false, link: o.link });
      }),
    );
  small(`${tId("certificate.pdf.code")} / ${tEn("certificate.pdf.code")}`, qrY + 6);
  small(cert.code, qrY + 19, { font: "Courier-Bold", size: 16, color: INK });
  small(`${tId("certificate.pdf.verify")} / ${tEn("certificate.pdf.verify")}`, qrY + 46);
  small(opts.verifyUrl, qrY + 59, { size: 10, color: GREEN, link: opts.verifyUrl });

  if (cert.publishedAt) {
    const date = wibDate(cert.publishedAt);
    const rx = W - 64 - 300;
    root.add(
      doc.struct("P", {}, () => {
        doc.font("Helvetica").fontSize(10).fillColor(INK).text(winAnsi(tId("certificate.pdf.published", { date: dateIn("id", date) })), rx, qrY + 46, { width: 300, align: "right", lineBreak: false });
      }),
    );
    root.add(
      doc.struct("P", { lang: "en-GB" }, () => {
        doc.font("Helvetica-Oblique").fontSize(8.5).fillColor(MUTED).text(winAnsi(tEn("certificate.pdf.published", { date: dateIn("en", date) })), rx, qrY + 60, { width: 300, align: "right", lineBreak: false });
      }),
    );
  }

  root.end();
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
