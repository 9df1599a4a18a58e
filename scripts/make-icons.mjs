// Draws the tab-bar icons and the empty-state picture into src/assets (run: node scripts/make-icons.mjs).
// Shapes are tested per sub-pixel (4×4) so edges are smooth; output is small local PNGs.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets');
const SS = 4;

function draw(width, height, inside, [r, g, b], file) {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy += 1) {
        for (let sx = 0; sx < SS; sx += 1) {
          if (inside(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS)) hits += 1;
        }
      }
      const i = (y * width + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = Math.round((255 * hits) / (SS * SS));
    }
  }
  writeFileSync(file, PNG.sync.write(png, { colorType: 6 }));
}

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, rad) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
const ring = (cx, cy, outer, inner) => (x, y) => circle(cx, cy, outer)(x, y) && !circle(cx, cy, inner)(x, y);
const any =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
const tri = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = s(ax, ay, bx, by);
  const d2 = s(bx, by, cx, cy);
  const d3 = s(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
/** A rectangle outline with stroke w. */
const frame = (x0, y0, x1, y1, w) => minus(rect(x0, y0, x1, y1), rect(x0 + w, y0 + w, x1 - w, y1 - w));

const icons = {
  // 首页: a house with a door.
  home: any(
    minus(tri(40.5, 10, 8, 40, 73, 40), tri(40.5, 20, 20, 39, 61, 39)),
    minus(frame(18, 38, 63, 70, 6), rect(24, 66, 57, 70)),
    rect(18, 64, 63, 70),
    rect(34, 50, 47, 70),
  ),
  // 岗位: a flag on a pole.
  posts: any(rect(16, 8, 22, 74), minus(rect(22, 12, 66, 44), tri(66, 12, 56, 28, 66, 44))),
  // 点单: a clipboard with lines.
  orders: any(
    frame(14, 14, 67, 74, 6),
    rect(28, 8, 53, 20),
    rect(24, 32, 57, 37),
    rect(24, 46, 57, 51),
    rect(24, 60, 46, 65),
  ),
  // 我的: a person.
  mine: any(ring(40.5, 26, 16, 10), minus(circle(40.5, 80, 32), circle(40.5, 80, 26))),
};

const GREY = [0x4d, 0x4d, 0x4d];
const RED = [0xc8, 0x16, 0x1d];
for (const [name, shape] of Object.entries(icons)) {
  draw(81, 81, shape, GREY, join(assets, 'tab', `${name}.png`));
  draw(81, 81, shape, RED, join(assets, 'tab', `${name}-active.png`));
}

// Empty state: an open box.
draw(
  240,
  180,
  any(
    frame(50, 80, 190, 160, 6),
    tri(50, 80, 20, 50, 30, 44),
    minus(tri(50, 80, 25, 47, 120, 47), tri(56, 76, 35, 53, 114, 53)),
    minus(tri(190, 80, 215, 47, 120, 47), tri(184, 76, 205, 53, 126, 53)),
    rect(100, 110, 140, 116),
  ),
  [0x9e, 0x9e, 0x9e],
  join(assets, 'empty.png'),
);
