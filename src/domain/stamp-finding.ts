import {
  andNot,
  components,
  dilate,
  erode,
  inkColour,
  inkMap,
  paperMap,
  workImage,
  type Bits,
  type Component,
  type InkMap,
  type PaperMap,
  type Rgb,
  type WorkImage,
} from './sheet-pixels';
import type { Box, Pixels } from './sheet-reading';
import type { StampProfile } from './stamp-profile';

/**
 * Where a stamped number may be on a sheet, in any colour and any place: ink that is not paper, not plant,
 * not the barcode and not the printed label, in runs of characters of a stamp's size (issue 16). Each run is
 * a candidate the OCR then reads; nothing here decides what the number is.
 */

/** The ink a stamp is printed in: its colour as it shows on the paper. */
export interface InkModel {
  /** Mean colour of the ink's pixels. */
  colour: Rgb;
  /** The paper it was measured on. */
  paper: Rgb;
  /** Black, grey or so faint it shows no colour. */
  neutral: boolean;
  /** Degrees, -1 for a neutral ink. */
  hue: number;
}

/** A run of characters of a stamp's size on one straight line: where a stamped number may be. */
export interface StampCandidate {
  /** The run's middle, in scan pixels. */
  cx: number;
  cy: number;
  /** Direction of writing, degrees clockwise from the scan's x axis (−20…20, or 70…110 for a sideways run). */
  angle: number;
  /** Length of the run along its direction, and the characters' height across it, in scan pixels. */
  length: number;
  charHeight: number;
  /** How many characters the run holds (touching characters count once). */
  characters: number;
  ink: InkModel;
  /** The stamp around the run (its other lines, its border), in scan pixels: what the technician is shown. */
  block: Box;
  score: number;
  /** Found where the collection's stamp profile says its stamps sit. */
  inProfileRegion: boolean;
}

export interface SheetEvidence {
  /** Barcodes the barcode reader found, with their corners in scan pixels and their rotation (degrees). */
  barcodes: { corners: { x: number; y: number }[]; rotation: number }[];
}

interface Glyph {
  box: Box;
  area: number;
  cx: number;
  cy: number;
  colour: Rgb;
  paper: Rgb;
  neutral: boolean;
  hue: number;
  dark: number;
}

/** Ink: clearly darker than the paper, or clearly coloured. */
const INK_DARK = 30;
const INK_CHROMA = 16;
const isInk = (ink: InkMap, o: number) =>
  ink.dark[o]! >= INK_DARK || (ink.chroma[o]! >= INK_CHROMA && ink.dark[o]! >= 12);

/** Not coloured enough for its darkness to be told from black (print, pencil, faded ink). */
const looksNeutral = (chroma: number, dark: number) => chroma < 0.2 * dark + 8;

export function inkMask(work: WorkImage, ink: InkMap): Bits {
  const n = work.width * work.height;
  const data = new Uint8Array(n);
  // Faint ink (pale, worn, a light scan) is kept where it joins clearly inked strokes: hysteresis, with the
  // weak threshold above the paper's own grain.
  const grain = new Uint32Array(256);
  for (let o = 0; o < n; o++) grain[Math.max(ink.dark[o]!, ink.chroma[o]!)]!++;
  let seen = 0;
  let p75 = 0;
  while (p75 < 255 && (seen += grain[p75]!) < 0.75 * n) p75++;
  const weak = Math.max(12, 4 * p75);
  const strength = (o: number) => Math.max(ink.dark[o]!, 1.4 * ink.chroma[o]!);
  const stack: number[] = [];
  for (let o = 0; o < n; o++)
    if (isInk(ink, o)) {
      data[o] = 1;
      stack.push(o);
    }
  while (stack.length > 0) {
    const o = stack.pop()!;
    const x = o % work.width;
    const y = (o - x) / work.width;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= work.width || ny >= work.height) continue;
        const q = ny * work.width + nx;
        if (!data[q] && strength(q) >= weak) {
          data[q] = 1;
          stack.push(q);
        }
      }
  }
  return { data, width: work.width, height: work.height };
}

/**
 * The sheet's inks, each as a mask of its own: the colours its coloured ink clusters round (peaks of the
 * hue histogram), and for each ink its strong part alone (a fresh stamp over a pale ghost of the same ink).
 */
export function inkFamilies(ink: InkMap, mask: Bits): Bits[] {
  const bins = new Float64Array(36);
  const n = mask.data.length;
  let coloured = 0;
  for (let o = 0; o < n; o++)
    if (mask.data[o] && ink.hue[o]! >= 0 && !looksNeutral(ink.chroma[o]!, ink.dark[o]!)) {
      bins[Math.floor(ink.hue[o]! / 10) % 36]! += 1;
      coloured++;
    }
  const peaks: number[] = [];
  for (let b = 0; b < 36; b++) {
    const v = bins[b]!;
    if (v >= Math.max(50, 0.03 * coloured) && v >= bins[(b + 35) % 36]! && v >= bins[(b + 1) % 36]!)
      peaks.push(b * 10 + 5);
  }
  const families: Bits[] = [];
  for (const peak of peaks) {
    const data = new Uint8Array(n);
    let strongest = 0;
    for (let o = 0; o < n; o++)
      if (
        mask.data[o] &&
        ink.hue[o]! >= 0 &&
        hueGap(ink.hue[o]!, peak) <= 30 &&
        !looksNeutral(ink.chroma[o]!, ink.dark[o]!)
      ) {
        data[o] = 1;
        strongest = Math.max(strongest, ink.chroma[o]!);
      }
    families.push({ data, width: mask.width, height: mask.height });
    const strong = new Uint8Array(n);
    for (let o = 0; o < n; o++) strong[o] = data[o] && ink.chroma[o]! >= 0.55 * strongest ? 1 : 0;
    families.push({ data: strong, width: mask.width, height: mask.height });
  }
  return families;
}

/**
 * Solid masses of ink (leaves, berries, a colour chart's patches, bars) and a margin round them: a stamp is
 * strokes, and no stroke of a stamp's digits is as thick as a leaf.
 */
export function solidInk(mask: Bits, cm: number): Bits {
  const r = Math.max(2, Math.round(0.26 * cm));
  return dilate(erode(mask, r), r + Math.max(1, Math.round(0.12 * cm)));
}

/** White cards: the printed label, the barcode's label. Print on them is not a stamp. */
export function lightCards(work: WorkImage, ink: InkMap): Box[] {
  const data = new Uint8Array(work.width * work.height);
  for (let o = 0; o < data.length; o++) data[o] = ink.light[o]! >= 7 && ink.chroma[o]! < 14 ? 1 : 0;
  const closed = erode(dilate({ data, width: work.width, height: work.height }, 3), 3);
  const minSide = 0.6 * work.cm;
  return components(closed, Math.round(2.25 * work.cm * work.cm))
    .filter(
      (c) => c.box.width >= minSide && c.box.height >= minSide && c.area >= 0.6 * c.box.width * c.box.height,
    )
    .map((c) => c.box);
}

function glyphsOf(work: WorkImage, paper: PaperMap, ink: InkMap, parts: Component[]): Glyph[] {
  return parts.map((c) => {
    let r = 0;
    let g = 0;
    let b = 0;
    let dark = 0;
    let n = 0;
    for (const p of c.pixels) {
      // The glyph's colour from its inkiest pixels: its edges are half paper.
      if (ink.dark[p]! < 20 && ink.chroma[p]! < 20) continue;
      r += work.r[p]!;
      g += work.g[p]!;
      b += work.b[p]!;
      dark += ink.dark[p]!;
      n++;
    }
    n = Math.max(1, n);
    const colour: Rgb = [r / n, g / n, b / n];
    const cx = c.box.x + c.box.width / 2;
    const cy = c.box.y + c.box.height / 2;
    const tile = paperAtBox(paper, c.box);
    const seen = inkColour(colour[0], colour[1], colour[2], tile);
    return {
      box: c.box,
      area: c.area,
      cx,
      cy,
      colour,
      paper: tile,
      dark: dark / n,
      neutral: looksNeutral(seen.chroma, seen.dark),
      hue: seen.hue,
    };
  });
}

function paperAtBox(paper: PaperMap, box: Box): Rgb {
  // The sheet's paper colour: a glyph's own tile is partly ink.
  void box;
  return paper.colour;
}

const hueGap = (a: number, b: number) => {
  const d = Math.abs(a - b) % 360;
  return Math.min(d, 360 - d);
};

const sameInk = (a: Glyph, b: Glyph) =>
  a.neutral === b.neutral &&
  (a.neutral || hueGap(a.hue, b.hue) <= 35) &&
  Math.max(a.dark, b.dark) <= 2.6 * Math.min(a.dark, b.dark) + 20;

interface Run {
  glyphs: Glyph[];
  vertical: boolean;
}

/**
 * Characters on one line, left to right (or top to bottom for a sideways line): each glyph is joined to its
 * nearest neighbour ahead of it of about its height, on about its line, of the same ink.
 */
function runs(glyphs: Glyph[], vertical: boolean): Run[] {
  const along = (g: Glyph) => (vertical ? g.cy : g.cx);
  const across = (g: Glyph) => (vertical ? g.cx : g.cy);
  const size = (g: Glyph) => (vertical ? g.box.width : g.box.height);
  const start = (g: Glyph) => (vertical ? g.box.y : g.box.x);
  const end = (g: Glyph) => (vertical ? g.box.y + g.box.height : g.box.x + g.box.width);
  const sorted = [...glyphs].sort((a, b) => along(a) - along(b));
  const next = new Map<Glyph, Glyph>();
  const hasPrevious = new Set<Glyph>();
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    let best: Glyph | null = null;
    let bestGap = Infinity;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      const h = Math.max(size(a), size(b));
      const gap = start(b) - end(a);
      if (start(b) - end(a) > 1.3 * h) {
        if (along(b) - along(a) > 4 * h) break;
        continue;
      }
      if (gap < -0.35 * h) continue;
      if (Math.max(size(a), size(b)) > 1.45 * Math.min(size(a), size(b))) continue;
      const distance = along(b) - along(a);
      if (Math.abs(across(b) - across(a)) > 0.28 * h + 0.3 * distance) continue;
      if (!sameInk(a, b)) continue;
      if (gap < bestGap) {
        bestGap = gap;
        best = b;
      }
    }
    if (best && !hasPrevious.has(best)) {
      next.set(a, best);
      hasPrevious.add(best);
    }
  }
  const found: Run[] = [];
  for (const g of sorted) {
    if (hasPrevious.has(g)) continue;
    const chain = [g];
    for (let n = next.get(g); n; n = next.get(n)) chain.push(n);
    if (chain.length >= 2) found.push({ glyphs: chain, vertical });
  }
  return found;
}

const middle = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

const inside = (x: number, y: number, b: Box) =>
  x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;

export interface FoundCandidates {
  candidates: StampCandidate[];
  /** The sheet's paper colour. */
  paper: Rgb;
  /** What was set aside as not a stamp (scan pixels): the barcodes and the white cards (labels). */
  excluded: Box[];
  work: WorkImage;
}

/** The region a profile names, in scan pixels, for a sheet of this size. */
export function profileRegion(profile: StampProfile | null, width: number, height: number): Box | null {
  if (!profile) return null;
  const region = profile.regions[width > height ? 'landscape' : 'portrait'];
  if (!region) return null;
  return {
    x: region.left * width,
    y: region.top * height,
    width: (region.right - region.left) * width,
    height: (region.bottom - region.top) * height,
  };
}

function matchesProfileInk(profile: StampProfile, glyph: Glyph) {
  const ink = profile.ink;
  if (ink.neutral) return glyph.neutral;
  return !glyph.neutral && hueGap(ink.hue, glyph.hue) <= 40;
}

/**
 * Every run of stamp-sized characters on the sheet, the likeliest first. With a profile, runs where the
 * collection's stamps sit, in its ink and of its digits' height come first; the whole sheet is searched
 * either way.
 */
export function findStampCandidates(
  pixels: Pixels,
  evidence: SheetEvidence,
  profile: StampProfile | null = null,
  debug?: (what: { mask: Bits; glyphs: { box: Box; neutral: boolean; hue: number; dark: number }[] }) => void,
): FoundCandidates {
  const work = workImage(pixels);
  const paper = paperMap(work);
  const ink = inkMap(work, paper);
  const { cm, scale } = work;
  let mask = inkMask(work, ink);
  mask = andNot(mask, solidInk(mask, cm));
  const excluded: Box[] = [];
  for (const code of evidence.barcodes) {
    const xs = code.corners.map((c) => c.x / scale);
    const ys = code.corners.map((c) => c.y / scale);
    const x0 = Math.min(...xs);
    const y0 = Math.min(...ys);
    const w = Math.max(...xs) - x0;
    const h = Math.max(...ys) - y0;
    const pad = 0.5 * Math.min(w, h);
    excluded.push({ x: x0 - pad, y: y0 - pad, width: w + 2 * pad, height: h + 2 * pad });
  }
  const cards = lightCards(work, ink);
  // Print on a white card (the label) is print, unless a collection's profile says its stamps go there.
  const region = profileRegion(profile, pixels.width, pixels.height);
  const glyphsIn = (bits: Bits) => {
    const parts = components(bits, 4);
    for (const c of parts) {
      // A closing joins a broken stroke's pieces; the glyph keeps only its ink.
      c.pixels = c.pixels.filter((p) => mask.data[p] === 1);
      c.area = c.pixels.length;
    }
    return glyphsOf(
      work,
      paper,
      ink,
      parts.filter((c) => c.area > 0),
    ).filter((g) => {
      const tall = Math.max(g.box.width, g.box.height);
      const short = Math.min(g.box.width, g.box.height);
      // A stamp's characters: not specks, not leaves, not a stem's long thin piece.
      if (tall < 0.42 * cm || short > 3.2 * cm || short < 0.12 * tall) return false;
      if (excluded.some((b) => inside(g.cx, g.cy, b))) return false;
      if (g.neutral && cards.some((b) => inside(g.cx, g.cy, b))) return false;
      return true;
    });
  };
  const raw = glyphsIn(mask);
  // Dotted (numbering-machine) and stencilled digits are in pieces until a closing joins them.
  const closed = glyphsIn(dilate(mask, 1));
  // A stamp over another (an old stamp's ghost, in another ink or paler) is told apart by its own ink.
  const inks = inkFamilies(ink, mask).map((family) => glyphsIn(family));
  debug?.({ mask, glyphs: raw.map((g) => ({ box: g.box, neutral: g.neutral, hue: g.hue, dark: g.dark })) });

  const found: StampCandidate[] = [];
  const add = (gs: Glyph[], vertical: boolean, characters: number) => {
    const first = gs[0]!;
    const last = gs[gs.length - 1]!;
    let angle = 0;
    if (gs.length >= 3) {
      // Least squares through the glyphs' middles.
      const ax = gs.map((g) => (vertical ? g.cy : g.cx));
      const ay = gs.map((g) => (vertical ? g.cx : g.cy));
      const mx = ax.reduce((a, b) => a + b, 0) / ax.length;
      const my = ay.reduce((a, b) => a + b, 0) / ay.length;
      let sxy = 0;
      let sxx = 0;
      for (let i = 0; i < ax.length; i++) {
        sxy += (ax[i]! - mx) * (ay[i]! - my);
        sxx += (ax[i]! - mx) ** 2;
      }
      angle = (Math.atan2(sxy, sxx) * 180) / Math.PI;
    } else if (gs.length === 2)
      angle = vertical
        ? (Math.atan2(last.cx - first.cx, last.cy - first.cy) * 180) / Math.PI
        : (Math.atan2(last.cy - first.cy, last.cx - first.cx) * 180) / Math.PI;
    if (Math.abs(angle) > 20) return;
    const heights = gs.map((g) => (vertical ? g.box.width : g.box.height));
    const charHeight = middle(heights) * Math.cos((angle * Math.PI) / 180) * 0.95;
    const x0 = Math.min(...gs.map((g) => g.box.x));
    const y0 = Math.min(...gs.map((g) => g.box.y));
    const x1 = Math.max(...gs.map((g) => g.box.x + g.box.width));
    const y1 = Math.max(...gs.map((g) => g.box.y + g.box.height));
    const length = vertical ? y1 - y0 : x1 - x0;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const colours = gs.map((g) => g.colour);
    const colour = [0, 1, 2].map((k) => middle(colours.map((c) => c[k]!))) as unknown as Rgb;
    const seen = inkColour(colour[0], colour[1], colour[2], paper.colour);
    const neutral = gs.filter((g) => g.neutral).length * 2 > gs.length;
    const inkModel: InkModel = { colour, paper: paper.colour, neutral, hue: neutral ? -1 : seen.hue };
    const heightCm = charHeight / cm;
    const inRegion = region !== null && inside(cx * scale, cy * scale, region);
    let score = Math.min(characters, 7) * (neutral ? 1 : 1.6) * (heightCm >= 0.7 ? 1 : 0.5);
    if (profile) {
      const h = (charHeight * scale) / Math.min(pixels.width, pixels.height);
      const sized = h >= profile.digitHeight.min && h <= profile.digitHeight.max;
      if (inRegion && matchesProfileInk(profile, first) && sized) score *= 4;
    }
    const candidate: StampCandidate = {
      cx: cx * scale,
      cy: cy * scale,
      angle: vertical ? 90 - angle : angle,
      length: length * scale,
      charHeight: charHeight * scale,
      characters,
      ink: inkModel,
      block: clip(
        stampBlock(mask, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, charHeight),
        scale,
        pixels,
      ),
      score,
      inProfileRegion: inRegion,
    };
    const same = found.findIndex(
      (f) =>
        Math.hypot(f.cx - candidate.cx, f.cy - candidate.cy) <
          0.6 * Math.max(f.charHeight, candidate.charHeight) && Math.abs(f.angle - candidate.angle) < 15,
    );
    if (same < 0) found.push(candidate);
    else if (found[same]!.score < candidate.score) found[same] = candidate;
  };
  for (const glyphs of [raw, closed, ...inks]) {
    for (const vertical of [false, true])
      for (const run of runs(glyphs, vertical)) add(run.glyphs, vertical, run.glyphs.length);
    // Characters that touch make one glyph: a word on its own.
    for (const g of glyphs) {
      // Not a frame or an outline: touching characters fill a good part of their box.
      if (g.area < 0.18 * g.box.width * g.box.height) continue;
      const [along, across] = [g.box.width, g.box.height];
      if (along >= 1.5 * across && across >= 0.42 * cm) add([g], false, Math.round(along / (0.6 * across)));
      if (across >= 1.5 * along && along >= 0.42 * cm) add([g], true, Math.round(across / (0.6 * along)));
    }
  }
  found.sort((a, b) => b.score - a.score);
  return {
    candidates: found,
    paper: paper.colour,
    excluded: [...excluded, ...cards].map((b) => ({
      x: b.x * scale,
      y: b.y * scale,
      width: b.width * scale,
      height: b.height * scale,
    })),
    work,
  };
}

/** The stamp round a run: the run and the ink near it (its other lines, its border), in working pixels. */
function stampBlock(mask: Bits, run: Box, charHeight: number): Box {
  const reach = Math.round(1.2 * charHeight);
  let x0 = run.x;
  let y0 = run.y;
  let x1 = run.x + run.width;
  let y1 = run.y + run.height;
  const X0 = Math.max(0, run.x - reach);
  const Y0 = Math.max(0, run.y - reach);
  const X1 = Math.min(mask.width, run.x + run.width + reach);
  const Y1 = Math.min(mask.height, run.y + run.height + reach);
  for (let y = Y0; y < Y1; y++)
    for (let x = X0; x < X1; x++)
      if (mask.data[y * mask.width + x]) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  const pad = Math.round(0.15 * charHeight);
  return { x: x0 - pad, y: y0 - pad, width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad };
}

function clip(work: Box, scale: number, pixels: Pixels): Box {
  const box = {
    x: work.x * scale,
    y: work.y * scale,
    width: work.width * scale,
    height: work.height * scale,
  };
  const x = Math.max(0, Math.round(box.x));
  const y = Math.max(0, Math.round(box.y));
  return {
    x,
    y,
    width: Math.min(pixels.width, Math.round(box.x + box.width)) - x,
    height: Math.min(pixels.height, Math.round(box.y + box.height)) - y,
  };
}
