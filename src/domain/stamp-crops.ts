import { components, dilate, erode, inkColour, type Bits } from './sheet-pixels';
import type { Box, Mask, Pixels } from './sheet-reading';
import type { LineInk } from './stamp-reading';
import type { InkModel, StampCandidate } from './stamp-finding';

/**
 * What the OCR is shown of a candidate: its line of characters cut out of the scan, turned upright, at the
 * size the OCR reads best, in one of two renderings (issue 16: two readings must agree before a number is
 * proposed). Pure pixel rules.
 */

/**
 * Ways of showing a line to the OCR, as different as can be while all show the stamp's ink: its ink alone,
 * black on white; its ink in shades of gray, softened, larger; and, when one of those read no number, its
 * ink alone larger still. `measure` is a small copy the line is measured on before it is read.
 */
export type Rendering = 'measure' | 'ink-mask' | 'ink-gray' | 'ink-mask-large';

/** Characters this tall (pixels) in the image the OCR reads: the LSTM reads best at about 30–60. */
export const RENDER_HEIGHT: Record<Rendering, number> = {
  measure: 24,
  'ink-mask': 42,
  'ink-gray': 54,
  'ink-mask-large': 62,
};

/** A line cut out for the OCR: gray, 0 ink, 255 paper; and its ink, to check what the OCR reads. */
export interface LineImage {
  image: Mask;
  ink: LineInk;
}

/** Sideways margin beyond the run, in character heights: room for a prefix (`Reg. No.`) or a lost digit. */
const REACH = 2.6;

export interface LineGeometry {
  cx: number;
  cy: number;
  /** Direction of writing, degrees clockwise; the line is turned so that it reads left to right, upright. */
  angle: number;
  length: number;
  charHeight: number;
}

export const lineOf = (c: StampCandidate, turn: 0 | 180): LineGeometry => ({
  cx: c.cx,
  cy: c.cy,
  angle: c.angle + turn,
  length: c.length,
  charHeight: c.charHeight,
});

/**
 * Pixels of the line, sampled upright: how like the stamp's ink each is (0 paper, 1 the ink; colours off the
 * paper–ink line count less, and black or grey ink has no colour: a dark leaf's outline or a berry is not
 * it), and where another ink as strong as the stamp's lies.
 */
function sampleLine(pixels: Pixels, line: LineGeometry, ink: InkModel, charPx: number, pad: number) {
  const k = charPx / line.charHeight;
  const halfAlong = line.length / 2 + REACH * line.charHeight;
  const halfAcross = 1.05 * line.charHeight;
  const width = Math.max(1, Math.round(2 * halfAlong * k)) + 2 * pad;
  const height = Math.max(1, Math.round(2 * halfAcross * k)) + 2 * pad;
  const cos = Math.cos((line.angle * Math.PI) / 180);
  const sin = Math.sin((line.angle * Math.PI) / 180);
  // Two by two samples per pixel at most: enough against aliasing at these sizes, a quarter of nine.
  const samples = Math.min(2, Math.max(1, Math.ceil(1 / k)));
  const likeness = new Float32Array(width * height);
  const foreign = new Uint8Array(width * height);
  // Inlined arithmetic: this runs for every sample of every line read.
  const [pr, pg, pb] = ink.paper;
  const dr = ink.colour[0] - pr;
  const dg = ink.colour[1] - pg;
  const db = ink.colour[2] - pb;
  const span = Math.max(1, dr * dr + dg * dg + db * db);
  const own = inkColour(ink.colour[0], ink.colour[1], ink.colour[2], ink.paper);
  const strong = Math.max(30, 0.6 * Math.max(own.dark, 1.4 * own.chroma));
  const data = pixels.data;
  // Row by row through a function of its own (see sheet-pixels.ts: the engine keeps its compiled code).
  const sampleRow = (v: number) => {
    for (let u = pad; u < width - pad; u++) {
      let sum = 0;
      let n = 0;
      let other = 0;
      for (let sv = 0; sv < samples; sv++)
        for (let su = 0; su < samples; su++) {
          const s = (u - pad + (su + 0.5) / samples) / k - halfAlong;
          const t = (v - pad + (sv + 0.5) / samples) / k - halfAcross;
          const x = Math.round(line.cx + s * cos - t * sin);
          const y = Math.round(line.cy + s * sin + t * cos);
          if (x < 0 || y < 0 || x >= pixels.width || y >= pixels.height) continue;
          const i = (y * pixels.width + x) * 4;
          const vr = data[i]! - pr;
          const vg = data[i + 1]! - pg;
          const vb = data[i + 2]! - pb;
          const mean = (vr + vg + vb) / 3;
          const chroma = Math.sqrt(((vr - mean) ** 2 + (vg - mean) ** 2 + (vb - mean) ** 2) * 1.5);
          let like = 0;
          if (!(ink.neutral && chroma >= 22)) {
            const along = (vr * dr + vg * dg + vb * db) / span;
            const off = Math.sqrt(Math.max(0, (vr * vr + vg * vg + vb * vb) / span - along * along));
            like = along - 2 * off;
          }
          sum += like;
          n++;
          if (like < 0.25 && Math.max(-mean, 1.4 * chroma) >= strong) other++;
        }
      likeness[v * width + u] = n ? sum / n : 0;
      foreign[v * width + u] = n && other * 2 >= n ? 1 : 0;
    }
  };
  for (let v = pad; v < height - pad; v++) sampleRow(v);
  return { likeness, foreign, width, height };
}

/** A hole this small beside the same blob's largest is a speck of paper in the stroke, not a loop. */
const SPECK_SHARE = 0.25;

/**
 * The closed loops of one blob of ink (the counters of 0, 6, 8, 9): background inside its box that does not
 * reach the box's edge, each at least a small square of the character's size and a quarter of the blob's
 * largest, so a speck of paper in patchy ink or heavy JPEG is not one.
 */
function holesOf(
  members: ArrayLike<number>,
  box: { x: number; y: number; width: number; height: number },
  lineWidth: number,
  charHeight: number,
): number {
  const w = box.width + 2;
  const h = box.height + 2;
  const grid = new Uint8Array(w * h); // 1 ink, 2 background reached from outside
  for (let i = 0; i < members.length; i++) {
    const p = members[i]!;
    const x = (p % lineWidth) - box.x + 1;
    const y = Math.floor(p / lineWidth) - box.y + 1;
    grid[y * w + x] = 1;
  }
  const fill = (start: number, mark: number): number => {
    const stack = [start];
    grid[start] = mark;
    let area = 0;
    while (stack.length > 0) {
      const q = stack.pop()!;
      area++;
      const x = q % w;
      for (const n of [q - w, q + w, x > 0 ? q - 1 : -1, x < w - 1 ? q + 1 : -1])
        if (n >= 0 && n < grid.length && grid[n] === 0) {
          grid[n] = mark;
          stack.push(n);
        }
    }
    return area;
  };
  fill(0, 2);
  const minArea = Math.max(4, (0.12 * charHeight) ** 2);
  const areas: number[] = [];
  for (let q = 0; q < grid.length; q++) if (grid[q] === 0) areas.push(fill(q, 3));
  // A speck of paper in the stroke (JPEG noise, patchy ink) is small beside the blob's own counter: a 0
  // with such a speck is not an 8. The two loops of an 8 are of one size or near it.
  const largest = Math.max(0, ...areas);
  return areas.filter((a) => a >= minArea && a >= SPECK_SHARE * largest).length;
}

/** The line cut out upright at the rendering's size. */
export function renderLine(
  pixels: Pixels,
  line: LineGeometry,
  ink: InkModel,
  rendering: Rendering,
): LineImage {
  const pad = 8;
  const charHeight = RENDER_HEIGHT[rendering];
  const { likeness, foreign, width, height } = sampleLine(pixels, line, ink, charHeight, pad);
  // The ink as a mask, and what is not a character: blobs that reach the top or bottom edge of the line
  // (a border, a ring round the number) or are far taller than a character.
  let bits: Bits = { data: new Uint8Array(width * height), width, height };
  for (let o = 0; o < bits.data.length; o++) bits.data[o] = likeness[o]! >= 0.45 ? 1 : 0;
  let blobs = components(bits, 2);
  // Dot-matrix (numbering-machine) digits are rows of dots, and pale patchy ink can leave strokes in pieces
  // as small: closed, each digit is one stroke again, for the OCR and for the checks on the line's blobs
  // alike. A solid face with a speck or two is left as it is (a closing could join a speck to a digit).
  if (dotted(blobs, charHeight)) {
    const r = Math.max(1, Math.round(0.05 * charHeight));
    bits = erode(dilate(bits, r), r);
    for (let o = 0; o < bits.data.length; o++) if (bits.data[o]) likeness[o] = Math.max(likeness[o]!, 0.9);
    blobs = components(bits, 2);
  }
  const keep: LineInk['blobs'] = [];
  const frame: LineInk['frame'] = { data: new Uint8Array(width * height), width, height };
  for (const blob of blobs) {
    const { box } = blob;
    const fill = blob.area / (box.width * box.height);
    const border =
      box.y <= pad + 1 ||
      box.y + box.height >= height - pad - 1 ||
      box.height > 1.7 * charHeight ||
      ((box.height > 1.25 * charHeight || box.width > 2.5 * charHeight) && fill < 0.3) ||
      (box.width > 1.5 * charHeight && box.height < 0.2 * charHeight);
    if (border)
      for (const p of blob.pixels) {
        bits.data[p] = 0;
        frame.data[p] = 1;
      }
    else keep.push({ ...box, area: blob.area, holes: holesOf(blob.pixels, box, width, charHeight) });
  }
  const image = new Uint8Array(width * height);
  // The gray copy keeps each character's soft edge, but nothing of what was set aside nor its halo.
  const nearFrame = rendering === 'ink-gray' ? dilate(frame, 2) : null;
  for (let o = 0; o < image.length; o++) {
    if (rendering !== 'ink-gray') image[o] = bits.data[o] ? 0 : 255;
    else if (nearFrame!.data[o] || likeness[o]! < 0.2) image[o] = 255;
    else image[o] = Math.round(255 * (1 - Math.min(1, likeness[o]! / 0.9)));
  }
  if (rendering === 'ink-gray') softened(image, width, height);
  return {
    image: { data: image, width, height },
    ink: { blobs: keep, frame, foreign, charHeight, edge: pad },
  };
}

/**
 * Whether a line's ink is in dots: many blobs of a dot's size, square-ish, and few of a character's
 * height (a dot-matrix face), unlike a solid face's characters with a speck or two about them.
 */
function dotted(blobs: { box: Box }[], h: number): boolean {
  const dots = blobs.filter(({ box }) => {
    const [small, large] = [Math.min(box.width, box.height), Math.max(box.width, box.height)];
    return small >= 0.05 * h && large <= 0.3 * h && large <= 2 * small;
  }).length;
  const characters = blobs.filter(({ box }) => characterTall(box, h)).length;
  return dots >= 12 && dots >= 4 * characters;
}

/** A blob of a character's height on a line cut out with characters `h` tall: no border, speck or stem. */
const characterTall = (b: Box, h: number) => b.height >= 0.45 * h && b.height <= 1.6 * h;

/**
 * Whether a line cut out for the OCR holds any blob of a character's size. One that does not (a plant's
 * stem, a border's side, ink too faint to make a stroke) cannot hold a number and is not read: over the
 * demo, varied and unseen sheets no such line ever read three digits, and they were a quarter of all the
 * OCR's reads.
 */
export const holdsCharacters = (ink: LineInk) =>
  ink.blobs.some((b) => characterTall(b, ink.charHeight) && b.width >= 0.06 * ink.charHeight);

/**
 * The line re-measured on its own ink: the candidate's height and middle come from a coarse copy of the
 * sheet; the characters' blobs in a first cut give them exactly, so the OCR sees characters of its size.
 * A line whose characters reach the end of the cut is lengthened: the cut must hold the whole number.
 */
export function refineLine(pixels: Pixels, line: LineGeometry, ink: InkModel): LineGeometry {
  let shape = line;
  for (let round = 0; round < 4; round++) {
    const cut = renderLine(pixels, shape, ink, 'measure');
    const h = cut.ink.charHeight;
    const middle = cut.image.height / 2;
    const chars = cut.ink.blobs.filter(
      (b) => characterTall(b, h) && Math.abs(b.y + b.height / 2 - middle) < 0.8 * h,
    );
    if (chars.length === 0) return shape;
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const height = sorted(chars.map((b) => b.height));
    const centre = sorted(chars.map((b) => b.y + b.height / 2));
    const k = h / shape.charHeight;
    const across = (centre - middle) / k;
    // A character cut by either end: the line goes on that way.
    const reach = 0.3 * h + cut.ink.edge;
    const growLeft = chars.some((b) => b.x < reach) ? 2.5 * shape.charHeight : 0;
    const growRight = chars.some((b) => b.x + b.width > cut.image.width - reach) ? 2.5 * shape.charHeight : 0;
    const along = (growRight - growLeft) / 2;
    const cos = Math.cos((shape.angle * Math.PI) / 180);
    const sin = Math.sin((shape.angle * Math.PI) / 180);
    const next = {
      ...shape,
      cx: shape.cx - across * sin + along * cos,
      cy: shape.cy + across * cos + along * sin,
      charHeight: (shape.charHeight * height) / h,
      length: Math.min(shape.length + growLeft + growRight, 40 * shape.charHeight),
    };
    if ((growLeft === 0 && growRight === 0) || next.length === shape.length) return next;
    shape = next;
  }
  return shape;
}

/** A 3×3 mean: dots and breaks in a stroke read as one stroke, edges stay soft. */
function softened(image: Uint8Array, width: number, height: number) {
  const source = image.slice();
  for (let y = 1; y < height - 1; y++) softenedRow(source, image, y, width);
}

function softenedRow(source: Uint8Array, image: Uint8Array, y: number, width: number) {
  for (let x = 1; x < width - 1; x++) {
    let sum = 0;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) sum += source[(y + dy) * width + x + dx]!;
    image[y * width + x] = Math.round(sum / 9);
  }
}
