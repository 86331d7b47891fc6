import type { Box, Pixels } from './sheet-reading';

/**
 * The sheet at a working resolution, and what is ink on it: the pixel rules that finding the stamp (and
 * learning a collection's stamp) are built on. Pure: pixels in, arrays out.
 */

/** The working copy's long side is about this many pixels, whatever the scan's size. */
const WORK_LONG_SIDE = 1000;

/** How many scan pixels make one working pixel (a whole number, so every scan pixel counts once). */
export const workScale = (width: number, height: number) =>
  Math.max(1, Math.round(Math.max(width, height) / WORK_LONG_SIDE));

/** The sheet shrunk by `scale`, each pixel the mean of the scan's pixels it covers. */
export interface WorkImage {
  width: number;
  height: number;
  /** Scan pixels per working pixel. */
  scale: number;
  /** About one centimetre, in working pixels: herbarium sheets are about 29 cm across their short side. */
  cm: number;
  r: Uint8Array;
  g: Uint8Array;
  b: Uint8Array;
}

export function workImage(pixels: Pixels): WorkImage {
  const scale = workScale(pixels.width, pixels.height);
  const width = Math.floor(pixels.width / scale);
  const height = Math.floor(pixels.height / scale);
  const r = new Uint8Array(width * height);
  const g = new Uint8Array(width * height);
  const b = new Uint8Array(width * height);
  // Large blocks are averaged over every other pixel each way: as good against grain, a quarter of the reads.
  const step = scale >= 4 ? 2 : 1;
  const n = (scale / step) * (scale / step);
  const sums = { r: new Uint32Array(width), g: new Uint32Array(width), b: new Uint32Array(width) };
  for (let y = 0; y < height; y++) {
    sums.r.fill(0);
    sums.g.fill(0);
    sums.b.fill(0);
    for (let dy = 0; dy < scale; dy += step)
      addScanRow(pixels.data, (y * scale + dy) * pixels.width, width, scale, step, sums);
    storeMeans(sums, n, y * width, width, r, g, b);
  }
  return { width, height, scale, cm: Math.min(width, height) / 29, r, g, b };
}

/*
 * The loops over every pixel in this file (and in stamp-crops.ts) go row by row through small functions of
 * their own. Written as the inner loops of one long function, they made the browser's engine compile code
 * for the inner loop mid-run and throw it away at the end of every row ("exit from OSR'd inner loop", some
 * 7000 times over ten sheets): a sheet's first step then took 500–800 ms instead of 30–80, at random. A
 * small function called once per row is compiled once and kept.
 */

/** One scan row's pixels added into the working row's sums (`step`: every pixel, or every other). */
function addScanRow(
  data: Pixels['data'],
  row: number,
  width: number,
  scale: number,
  step: number,
  sums: { r: Uint32Array; g: Uint32Array; b: Uint32Array },
) {
  const { r, g, b } = sums;
  for (let x = 0; x < width; x++)
    for (let dx = 0; dx < scale; dx += step) {
      const i = (row + x * scale + dx) * 4;
      r[x]! += data[i]!;
      g[x]! += data[i + 1]!;
      b[x]! += data[i + 2]!;
    }
}

/** A working row's means, from its sums over `n` scan pixels each. */
function storeMeans(
  sums: { r: Uint32Array; g: Uint32Array; b: Uint32Array },
  n: number,
  at: number,
  width: number,
  r: Uint8Array,
  g: Uint8Array,
  b: Uint8Array,
) {
  for (let x = 0; x < width; x++) {
    r[at + x] = sums.r[x]! / n;
    g[at + x] = sums.g[x]! / n;
    b[at + x] = sums.b[x]! / n;
  }
}

export type Rgb = [number, number, number];

const TILE = 32;

/**
 * The paper's colour under each working pixel: the median colour of its 32-pixel tile where that is close to
 * the sheet's own paper colour (shading across a scan), the sheet's paper colour elsewhere (a tile under a
 * leaf or a stamp is not paper).
 */
export interface PaperMap {
  colour: Rgb;
  tilesX: number;
  tilesY: number;
  /** Per tile: r, g, b. */
  tiles: Uint8Array;
}

function median(hist: Uint32Array, count: number) {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen * 2 >= count) return v;
  }
  return 255;
}

/** One tile's colour histograms, over every other pixel each way; how many pixels they count. */
function tileHistograms(
  work: WorkImage,
  tx: number,
  ty: number,
  hr: Uint32Array,
  hg: Uint32Array,
  hb: Uint32Array,
) {
  let count = 0;
  for (let y = ty * TILE; y < Math.min(work.height, (ty + 1) * TILE); y += 2)
    for (let x = tx * TILE; x < Math.min(work.width, (tx + 1) * TILE); x += 2) {
      const o = y * work.width + x;
      hr[work.r[o]!]!++;
      hg[work.g[o]!]!++;
      hb[work.b[o]!]!++;
      count++;
    }
  return count;
}

export function paperMap(work: WorkImage): PaperMap {
  const tilesX = Math.ceil(work.width / TILE);
  const tilesY = Math.ceil(work.height / TILE);
  const tiles = new Uint8Array(tilesX * tilesY * 3);
  const hr = new Uint32Array(256);
  const hg = new Uint32Array(256);
  const hb = new Uint32Array(256);
  for (let ty = 0; ty < tilesY; ty++)
    for (let tx = 0; tx < tilesX; tx++) {
      hr.fill(0);
      hg.fill(0);
      hb.fill(0);
      const count = tileHistograms(work, tx, ty, hr, hg, hb);
      const t = (ty * tilesX + tx) * 3;
      tiles[t] = median(hr, count);
      tiles[t + 1] = median(hg, count);
      tiles[t + 2] = median(hb, count);
    }
  // The sheet's paper: the most common tile colour among the light ones (the paper is most of a sheet).
  const votes = new Map<number, { n: number; r: number; g: number; b: number }>();
  for (let t = 0; t < tilesX * tilesY; t++) {
    const [r, g, b] = [tiles[t * 3]!, tiles[t * 3 + 1]!, tiles[t * 3 + 2]!];
    const key = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
    const v = votes.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
    v.n++;
    v.r += r;
    v.g += g;
    v.b += b;
    votes.set(key, v);
  }
  let best = { n: 0, r: 0, g: 0, b: 0 };
  for (const v of votes.values())
    if (v.n > best.n || (v.n === best.n && v.r + v.g + v.b > best.r + best.g + best.b)) best = v;
  const colour: Rgb = [best.r / best.n, best.g / best.n, best.b / best.n];
  for (let t = 0; t < tilesX * tilesY; t++) {
    const d =
      Math.abs(tiles[t * 3]! - colour[0]) +
      Math.abs(tiles[t * 3 + 1]! - colour[1]) +
      Math.abs(tiles[t * 3 + 2]! - colour[2]);
    if (d > 24) {
      tiles[t * 3] = colour[0];
      tiles[t * 3 + 1] = colour[1];
      tiles[t * 3 + 2] = colour[2];
    }
  }
  return { colour, tilesX, tilesY, tiles };
}

/** The paper's colour at a working pixel. */
export function paperAt(paper: PaperMap, x: number, y: number): Rgb {
  const tx = Math.min(paper.tilesX - 1, Math.max(0, Math.floor(x / TILE)));
  const ty = Math.min(paper.tilesY - 1, Math.max(0, Math.floor(y / TILE)));
  const t = (ty * paper.tilesX + tx) * 3;
  return [paper.tiles[t]!, paper.tiles[t + 1]!, paper.tiles[t + 2]!];
}

/**
 * How each working pixel differs from the paper under it: `dark` how much darker (0–255), `chroma` how much
 * more coloured, `hue` which colour (degrees; 0 red, 120 green, 240 blue; -1 when not coloured).
 */
export interface InkMap {
  dark: Uint8Array;
  chroma: Uint8Array;
  hue: Int16Array;
  /** Lighter than the paper (a label's or a barcode's white card). */
  light: Uint8Array;
}

/** Hue and colourfulness of a colour's difference from the paper, with the difference in lightness taken out. */
export function inkColour(r: number, g: number, b: number, paper: Rgb) {
  const dr = r - paper[0];
  const dg = g - paper[1];
  const db = b - paper[2];
  const mean = (dr + dg + db) / 3;
  const cr = dr - mean;
  const cg = dg - mean;
  const cb = db - mean;
  const chroma = Math.sqrt((cr * cr + cg * cg + cb * cb) * 1.5);
  const hue =
    chroma < 4
      ? -1
      : (Math.round((Math.atan2(Math.sqrt(3) * (cg - cb), 2 * cr - cg - cb) * 180) / Math.PI) + 360) % 360;
  return { dark: -mean, chroma, hue };
}

export function inkMap(work: WorkImage, paper: PaperMap): InkMap {
  const n = work.width * work.height;
  const dark = new Uint8Array(n);
  const chroma = new Uint8Array(n);
  const hue = new Int16Array(n);
  const light = new Uint8Array(n);
  const map = { dark, chroma, hue, light };
  for (let y = 0; y < work.height; y++) inkRow(work, paper, y, map);
  return map;
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** One working row of the ink map: inkColour, inlined, for every pixel of the row. */
function inkRow(work: WorkImage, paper: PaperMap, y: number, map: InkMap) {
  const { dark, chroma, hue, light } = map;
  const ty = Math.min(paper.tilesY - 1, Math.floor(y / TILE));
  for (let x = 0; x < work.width; x++) {
    const o = y * work.width + x;
    const t = (ty * paper.tilesX + Math.min(paper.tilesX - 1, Math.floor(x / TILE))) * 3;
    const dr = work.r[o]! - paper.tiles[t]!;
    const dg = work.g[o]! - paper.tiles[t + 1]!;
    const db = work.b[o]! - paper.tiles[t + 2]!;
    const mean = (dr + dg + db) / 3;
    const cr = dr - mean;
    const cg = dg - mean;
    const cb = db - mean;
    const c = Math.sqrt((cr * cr + cg * cg + cb * cb) * 1.5);
    dark[o] = clamp(-mean);
    light[o] = clamp(mean);
    chroma[o] = clamp(c);
    hue[o] =
      c < 4
        ? -1
        : (Math.round((Math.atan2(Math.sqrt(3) * (cg - cb), 2 * cr - cg - cb) * 180) / Math.PI) + 360) % 360;
  }
}

/** A binary image: 1 set, 0 clear. */
export interface Bits {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * A square filter of side 2·radius+1 as two running counts (rows, then columns): set where any pixel under
 * the square is set (dilation) or where all are (erosion). Outside the image counts as neither.
 */
function squareFilter(src: Bits, radius: number, any: boolean): Bits {
  const { width: w, height: h, data } = src;
  const across = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) filterRow(data, across, y * w, w, radius, any);
  const out = new Uint8Array(w * h);
  const counts = new Int32Array(w);
  for (let y = 0; y < Math.min(radius, h); y++) addRow(counts, across, y * w, 1);
  for (let y = 0; y < h; y++) {
    if (y + radius < h) addRow(counts, across, (y + radius) * w, 1);
    if (y - radius - 1 >= 0) addRow(counts, across, (y - radius - 1) * w, -1);
    writeRow(out, counts, y * w, Math.min(h - 1, y + radius) - Math.max(0, y - radius) + 1, any);
  }
  return { data: out, width: w, height: h };
}

/** The filter along one row (`row`: its first pixel), as a running count. */
function filterRow(
  data: Uint8Array,
  across: Uint8Array,
  row: number,
  w: number,
  radius: number,
  any: boolean,
) {
  let count = 0;
  for (let x = 0; x < Math.min(radius, w); x++) count += data[row + x]!;
  for (let x = 0; x < w; x++) {
    if (x + radius < w) count += data[row + x + radius]!;
    if (x - radius - 1 >= 0) count -= data[row + x - radius - 1]!;
    const size = Math.min(w - 1, x + radius) - Math.max(0, x - radius) + 1;
    across[row + x] = any ? (count > 0 ? 1 : 0) : count === size ? 1 : 0;
  }
}

/** One row of the result from the columns' counts (`size`: how many rows they count). */
function writeRow(out: Uint8Array, counts: Int32Array, row: number, size: number, any: boolean) {
  for (let x = 0; x < counts.length; x++)
    out[row + x] = any ? (counts[x]! > 0 ? 1 : 0) : counts[x] === size ? 1 : 0;
}

/** A row of the first pass added into (sign 1) or taken out of (sign -1) the columns' counts. */
function addRow(counts: Int32Array, across: Uint8Array, row: number, sign: 1 | -1) {
  for (let x = 0; x < counts.length; x++) counts[x]! += sign * across[row + x]!;
}

/** Dilation (grow) or erosion (shrink) by a square of side 2·radius+1. */
export function dilate(src: Bits, radius: number): Bits {
  return radius <= 0 ? src : squareFilter(src, radius, true);
}
export function erode(src: Bits, radius: number): Bits {
  return radius <= 0 ? src : squareFilter(src, radius, false);
}

/** A connected group of set pixels (8-connected). */
export interface Component {
  box: Box;
  area: number;
  /** Indices of its pixels. */
  pixels: Uint32Array;
}

export function components(src: Bits, minArea = 1): Component[] {
  const { width, height, data } = src;
  const seen = new Uint8Array(width * height);
  const stack = new Uint32Array(width * height);
  const found: Component[] = [];
  for (let start = 0; start < width * height; start++) {
    if (data[start] !== 1 || seen[start]) continue;
    let top = 0;
    let count = 0;
    stack[top++] = start;
    seen[start] = 1;
    const members: number[] = [];
    let x0 = width;
    let y0 = height;
    let x1 = 0;
    let y1 = 0;
    while (top > 0) {
      const p = stack[--top]!;
      members.push(p);
      count++;
      const x = p % width;
      const y = (p - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (data[q] === 1 && !seen[q]) {
            seen[q] = 1;
            stack[top++] = q;
          }
        }
      }
    }
    if (count >= minArea)
      found.push({
        box: { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 },
        area: count,
        pixels: Uint32Array.from(members),
      });
  }
  return found;
}

export const and = (a: Bits, b: Bits): Bits => ({
  ...a,
  data: a.data.map((v, i) => v & b.data[i]!),
});
export const andNot = (a: Bits, b: Bits): Bits => ({
  ...a,
  data: a.data.map((v, i) => v & (1 - b.data[i]!)),
});
