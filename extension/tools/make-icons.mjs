#!/usr/bin/env node
// Draws codeguard's toolbar icons (a white shield with a check mark on a blue rounded
// square) and writes them as PNGs with node's zlib only: no image tools needed.
// Usage: node extension/tools/make-icons.mjs   (writes extension/icons/icon-{16,32,48,128}.png)
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons');
const SIZES = [16, 32, 48, 128];
const SAMPLES = 4; // per axis, for anti-aliased edges
const BLUE = [11, 87, 208];
const WHITE = [255, 255, 255];

function inRoundedSquare(u, v) {
  const r = 0.2;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

function inShield(u, v) {
  if (v < 0.16 || v > 0.88) return false;
  const half = v <= 0.5 ? 0.3 : 0.3 * (1 - Math.pow((v - 0.5) / 0.38, 1.6));
  return Math.abs(u - 0.5) <= half;
}

function nearSegment(u, v, [x1, y1], [x2, y2], width) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (x1 + t * dx), v - (y1 + t * dy)) <= width;
}

function inCheck(u, v) {
  const a = [0.36, 0.5];
  const b = [0.47, 0.62];
  const c = [0.65, 0.38];
  return nearSegment(u, v, a, b, 0.055) || nearSegment(u, v, b, c, 0.055);
}

// Colour and coverage of one point: background, shield, check.
function sample(u, v) {
  if (!inRoundedSquare(u, v)) return null;
  if (inShield(u, v) && !inCheck(u, v)) return WHITE;
  return BLUE;
}

function pixels(size) {
  const data = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    data[row] = 0; // PNG filter: none
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = sample((x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size);
          if (!colour) continue;
          r += colour[0]; g += colour[1]; b += colour[2]; a++;
        }
      }
      const at = row + 1 + x * 4;
      if (a) {
        data[at] = Math.round(r / a);
        data[at + 1] = Math.round(g / a);
        data[at + 2] = Math.round(b / a);
      }
      data[at + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return data;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, body) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(out, { recursive: true });
for (const size of SIZES) writeFileSync(join(out, `icon-${size}.png`), png(size));
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')} to ${out}`);
