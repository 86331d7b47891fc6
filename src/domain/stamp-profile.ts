import { z } from 'zod';
import { inkColour, type Rgb } from './sheet-pixels';
import type { Box, Pixels } from './sheet-reading';
import { findStampCandidates, type SheetEvidence } from './stamp-finding';

/**
 * A collection's stamp, learned from a few sheets a supervisor boxed (issue 16): its ink, where on the sheet
 * it sits, how tall its digits are. The reader looks there first, with that ink; the whole sheet is still
 * searched. Stored with the station's settings and shared between stations as a JSON file, so it is
 * versioned and parsed.
 */

/** A part of the sheet, as shares of its width and height. */
export interface Region {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const PROFILE_VERSION = 1;

const share = z.number().min(0).max(1);
const rgb = z.tuple([z.number().min(0).max(255), z.number().min(0).max(255), z.number().min(0).max(255)]);
const region = z
  .object({ left: share, top: share, right: share, bottom: share })
  .refine((r) => r.right > r.left && r.bottom > r.top, 'must have its right and bottom beyond its left and top');

export const stampProfileSchema = z.object({
  version: z.literal(PROFILE_VERSION),
  /** The collection it was learned for (collid), so a file from another collection is noticed. */
  collectionId: z.number().int().positive().nullable(),
  learnedAt: z.string().min(1),
  sheets: z.number().int().min(1),
  ink: z.object({ colour: rgb, paper: rgb, neutral: z.boolean(), hue: z.number().min(-1).max(359) }),
  regions: z.object({ portrait: region.optional(), landscape: region.optional() }),
  /** The stamped digits' height, as a share of the sheet's short side. */
  digitHeight: z
    .object({ min: share, max: share })
    .refine((h) => h.max >= h.min, 'max must not be below min'),
});

export type StampProfile = z.infer<typeof stampProfileSchema>;

export type ParsedProfile = { ok: true; profile: StampProfile } | { ok: false; problem: string };

/** A stored or imported profile, checked: an older or unknown version, or a damaged file, says so. */
export function parseStampProfile(raw: unknown): ParsedProfile {
  if (typeof raw === 'object' && raw !== null && 'version' in raw && raw.version !== PROFILE_VERSION)
    return {
      ok: false,
      problem: `this stamp profile is version ${String(raw.version)}; this station reads version ${PROFILE_VERSION}. Calibrate again.`,
    };
  const parsed = stampProfileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, profile: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    problem: `this is not a stamp profile (${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'unreadable'}).`,
  };
}

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
 * characters inside it (the number), and where the box is. Null when the box holds no line of characters.
 */
export function sampleStamp(pixels: Pixels, box: Box, evidence: SheetEvidence = { barcodes: [] }): ProfileSample | null {
  const inBox = findStampCandidates(pixels, evidence).candidates.filter(
    (c) => c.cx >= box.x && c.cx <= box.x + box.width && c.cy >= box.y && c.cy <= box.y + box.height,
  );
  if (inBox.length === 0) return null;
  const number = inBox.reduce((a, b) => (b.charHeight * Math.min(b.characters, 4) > a.charHeight * Math.min(a.characters, 4) ? b : a));
  const { width, height } = pixels;
  return {
    orientation: width > height ? 'landscape' : 'portrait',
    region: {
      left: Math.max(0, box.x / width),
      top: Math.max(0, box.y / height),
      right: Math.min(1, (box.x + box.width) / width),
      bottom: Math.min(1, (box.y + box.height) / height),
    },
    ink: { colour: number.ink.colour, paper: number.ink.paper, neutral: number.ink.neutral, hue: number.ink.hue },
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
    ink: { colour, paper, neutral, hue: neutral ? -1 : inkColour(colour[0], colour[1], colour[2], paper).hue },
    regions,
    digitHeight: { min: Math.min(...heights) * 0.75, max: Math.min(1, Math.max(...heights) * 1.3) },
  };
}
