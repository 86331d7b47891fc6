import { inkColour, type Rgb } from './sheet-pixels';
import type { Pixels } from './sheet-reading';
import { findStampCandidates, type SheetEvidence } from './stamp-finding';
import { PROFILE_VERSION, type Region, type StampProfile } from './stamp-profile';

/**
 * Learning a collection's stamp profile from the boxes a supervisor drew round its stamp on a few sheets
 * (issue 16). Pure: pixels and boxes in, a profile out.
 */

/** What one boxed sheet shows of the stamp. */
export interface ProfileSample {
  orientation: 'portrait' | 'landscape';
  region: Region;
  ink: { colour: Rgb; paper: Rgb; neutral: boolean; hue: number };
  /** The tallest line of characters in the box, as a share of the sheet's short side. */
  digitHeight: number;
}

/**
 * What a supervisor's box round the stamp on one sheet shows: the ink and height of the tallest line of
 * characters inside it (the number), and where the box is. The box is given as shares of the sheet (the
 * screen shows a smaller copy of the image the reader reads). Null when the box holds no line of characters.
 */
export function sampleStamp(
  pixels: Pixels,
  box: Region,
  evidence: SheetEvidence = { barcodes: [] },
): ProfileSample | null {
  const { width, height } = pixels;
  const inBox = findStampCandidates(pixels, evidence).candidates.filter(
    (c) =>
      c.cx >= box.left * width &&
      c.cx <= box.right * width &&
      c.cy >= box.top * height &&
      c.cy <= box.bottom * height,
  );
  if (inBox.length === 0) return null;
  const number = inBox.reduce((a, b) =>
    b.charHeight * Math.min(b.characters, 4) > a.charHeight * Math.min(a.characters, 4) ? b : a,
  );
  const share = (v: number) => Math.max(0, Math.min(1, v));
  return {
    orientation: width > height ? 'landscape' : 'portrait',
    region: {
      left: share(box.left),
      top: share(box.top),
      right: share(box.right),
      bottom: share(box.bottom),
    },
    ink: {
      colour: number.ink.colour,
      paper: number.ink.paper,
      neutral: number.ink.neutral,
      hue: number.ink.hue,
    },
    digitHeight: number.charHeight / Math.min(width, height),
  };
}

/** How far beyond the boxes the reader looks first: stamps are set by hand. */
const MARGIN = 0.35;

/** The profile the samples teach: the ink most of them show, where they sit (with a margin), their digits' height. */
export function learnProfile(samples: ProfileSample[], collectionId: number | null, now: Date): StampProfile {
  if (samples.length === 0) throw new Error('A stamp profile is learned from at least one boxed sheet.');
  const neutral = samples.filter((s) => s.ink.neutral).length * 2 > samples.length;
  const alike = samples.filter((s) => s.ink.neutral === neutral);
  const mean = (pick: (s: ProfileSample) => Rgb): Rgb =>
    [0, 1, 2].map((k) => alike.reduce((sum, s) => sum + pick(s)[k]!, 0) / alike.length) as unknown as Rgb;
  const colour = mean((s) => s.ink.colour);
  const paper = mean((s) => s.ink.paper);
  const regions: StampProfile['regions'] = {};
  for (const orientation of ['portrait', 'landscape'] as const) {
    const boxes = samples.filter((s) => s.orientation === orientation).map((s) => s.region);
    if (boxes.length === 0) continue;
    const left = Math.min(...boxes.map((b) => b.left));
    const top = Math.min(...boxes.map((b) => b.top));
    const right = Math.max(...boxes.map((b) => b.right));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    const mx = Math.max(0.03, MARGIN * (right - left));
    const my = Math.max(0.03, MARGIN * (bottom - top));
    regions[orientation] = {
      left: Math.max(0, left - mx),
      top: Math.max(0, top - my),
      right: Math.min(1, right + mx),
      bottom: Math.min(1, bottom + my),
    };
  }
  const heights = samples.map((s) => s.digitHeight);
  return {
    version: PROFILE_VERSION,
    collectionId,
    learnedAt: now.toISOString(),
    sheets: samples.length,
    ink: {
      colour,
      paper,
      neutral,
      hue: neutral ? -1 : inkColour(colour[0], colour[1], colour[2], paper).hue,
    },
    regions,
    digitHeight: { min: Math.min(...heights) * 0.75, max: Math.min(1, Math.max(...heights) * 1.3) },
  };
}
