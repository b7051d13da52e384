import { crc32, deflateSync } from "node:zlib";
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyph } from "./font";

// A real PNG made in code for demo photos: a coloured banner with the innovation's acronym and
// its agency, sized like a link-preview image (1.91:1) so shared links show a picture.

type Rgb = readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Encode 8-bit RGB pixels (row-major, 3 bytes each) as a PNG. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, adaptive filtering, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]),
  );
}

function drawText(px: Uint8Array, width: number, text: string, x0: number, y0: number, scale: number, color: Rgb) {
  let x = x0;
  for (const ch of text) {
    const rows = glyph(ch);
    for (let r = 0; r < GLYPH_HEIGHT; r++) {
      for (let c = 0; c < GLYPH_WIDTH; c++) {
        if (!((rows[r] >> (GLYPH_WIDTH - 1 - c)) & 1)) continue;
        for (let dy = 0; dy < scale; dy++) {
          const rowStart = ((y0 + r * scale + dy) * width + x + c * scale) * 3;
          for (let dx = 0; dx < scale; dx++) px.set(color, rowStart + dx * 3);
        }
      }
    }
    x += (GLYPH_WIDTH + 1) * scale;
  }
}

/** Split into lines of at most `max` characters at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function bannerPng(opts: { title: string; subtitle: string; color: Rgb; width?: number; height?: number }): Uint8Array {
  const width = opts.width ?? 800;
  const height = opts.height ?? 418;
  const px = new Uint8Array(width * height * 3);
  const [r, g, b] = opts.color;
  // A diagonal gradient towards a darker shade, with soft stripes, so it reads as a photo slot.
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0; x < width; x++, o += 3) {
      // Colour steps every 8 pixels: invisible at this size, and long runs deflate fast.
      const t = (((x >> 3) << 3) / width + ((y >> 3) << 3) / height) / 2;
      const stripe = ((x + y) >> 5) & 1 ? 0.96 : 1;
      const k = (1 - 0.45 * t) * stripe;
      px[o] = r * k;
      px[o + 1] = g * k;
      px[o + 2] = b * k;
    }
  }
  const margin = 40;
  const white: Rgb = [255, 255, 255];
  const titleLines = wrap(opts.title, 12);
  const longest = Math.max(...titleLines.map((l) => l.length));
  const scale = Math.max(3, Math.min(10, Math.floor((width - 2 * margin) / (longest * (GLYPH_WIDTH + 1)))));
  let y = margin;
  for (const line of titleLines.slice(0, 3)) {
    drawText(px, width, line, margin, y, scale, white);
    y += (GLYPH_HEIGHT + 3) * scale;
  }
  const subScale = 3;
  const subLines = wrap(opts.subtitle, Math.floor((width - 2 * margin) / ((GLYPH_WIDTH + 1) * subScale)));
  let sy = height - margin - subLines.length * (GLYPH_HEIGHT + 3) * subScale;
  for (const line of subLines) {
    drawText(px, width, line, margin, sy, subScale, [235, 235, 235]);
    sy += (GLYPH_HEIGHT + 3) * subScale;
  }
  return encodePng(width, height, px);
}
