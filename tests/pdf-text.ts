// What a PDF made with the standard fonts says, for tests that read certificates.
import { inflateSync } from "node:zlib";

/** The text a PDF draws: each content stream inflated, its hex strings decoded (WinAnsi ≈ Latin-1). */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf("stream\n", at);
    if (start < 0) break;
    const end = raw.indexOf("\nendstream", start);
    const dict = raw.slice(Math.max(0, start - 300), start);
    let body = pdf.subarray(start + 7, end);
    if (dict.includes("/FlateDecode")) {
      try {
        body = inflateSync(body);
      } catch {
        body = Buffer.alloc(0);
      }
    }
    for (const m of body.toString("latin1").matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
      out.push([...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], "hex").toString("latin1")).join(""));
    }
    at = end + 10;
  }
  return out.join("\n");
}
