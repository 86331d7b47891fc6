import { z } from 'zod';
import { said, type Said } from './said';

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
const channel = z.number().min(0).max(255);
const rgb = z.tuple([channel, channel, channel]);
const region = z
  .object({ left: share, top: share, right: share, bottom: share })
  .refine(
    (r) => r.right > r.left && r.bottom > r.top,
    'must have its right and bottom beyond its left and top',
  );

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

export type ParsedProfile = { ok: true; profile: StampProfile } | { ok: false; problem: Said };

/** A stored or imported profile, checked: an older or unknown version, or a damaged file, says so. */
export function parseStampProfile(raw: unknown): ParsedProfile {
  if (typeof raw === 'object' && raw !== null && 'version' in raw && raw.version !== PROFILE_VERSION)
    return {
      ok: false,
      problem: said('stamp-profile.problem.version', {
        version: String(raw.version),
        reads: PROFILE_VERSION,
      }),
    };
  const parsed = stampProfileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, profile: parsed.data };
  const issue = parsed.error.issues[0];
  // zod's own words say what is wrong where (a value out of range, a missing field).
  return {
    ok: false,
    problem: said('stamp-profile.problem.not-a-profile', {
      where: issue ? issue.path.join('.') || null : null,
      detail: issue?.message ?? null,
    }),
  };
}
