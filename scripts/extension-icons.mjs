// Draws the extension's icons as PNGs into extension/public/icon/: a calendar on NHS blue, and
// the same with a green tick for pages the person already tracks. Run after changing the design:
// `node scripts/extension-icons.mjs` (the PNGs are committed, so builds need nothing else).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateSync } from "node:zlib";

const out = join(dirname(fileURLToPath(import.meta.url)), "../extension/public/icon");
const BLUE = [0, 94, 184];
const WHITE = [255, 255, 255];
const GREEN = [0, 127, 59];

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return inRect(x, y, x0, y0, x1, y1) && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function nearSegment(x, y, ax, ay, bx, by, width) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (width / 2) ** 2;
}

/** The colour at a point of the unit square, or null for transparent. */
function paint(x, y, tracked) {
  if (tracked) {
    const d = (x - 0.72) ** 2 + (y - 0.72) ** 2;
    if (d <= 0.27 ** 2) {
      if (d > 0.22 ** 2) return WHITE;
      if (nearSegment(x, y, 0.6, 0.73, 0.69, 0.82, 0.08) || nearSegment(x, y, 0.69, 0.82, 0.85, 0.62, 0.08)) return WHITE;
      return GREEN;
    }
  }
  if (!inRoundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return null;
  // A calendar page: rings, a header band, an outline and a grid of days.
  if (inRect(x, y, 0.31, 0.14, 0.39, 0.3) || inRect(x, y, 0.61, 0.14, 0.69, 0.3)) return WHITE;
  if (inRect(x, y, 0.18, 0.24, 0.82, 0.4)) return WHITE;
  const outline = inRect(x, y, 0.18, 0.24, 0.82, 0.84) && !inRect(x, y, 0.25, 0.4, 0.75, 0.77);
  if (outline) return WHITE;
  for (const gx of [0.31, 0.47, 0.63]) for (const gy of [0.47, 0.62]) if (inRect(x, y, gx, gy, gx + 0.08, gy + 0.08)) return WHITE;
  return BLUE;
}

function png(size, tracked) {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, tracked);
          if (!colour) continue;
          for (let i = 0; i < 3; i++) sum[i] += colour[i];
          sum[3] += 1;
        }
      }
      const at = py * (size * 4 + 1) + 1 + px * 4;
      for (let i = 0; i < 3; i++) raw[at + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      raw[at + 3] = Math.round((255 * sum[3]) / samples ** 2);
    }
  }
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "ascii");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(join(out, `${size}.png`), png(size, false));
for (const size of [16, 32]) writeFileSync(join(out, `tracked-${size}.png`), png(size, true));
console.log(`Icons written to ${out}`);
