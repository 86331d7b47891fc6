import { describe, expect, it } from 'vitest';
import {
  parseStampProfile,
  PROFILE_VERSION,
  type ParsedProfile,
  type StampProfile,
} from '../../src/domain/stamp-profile';
import { learnProfile, type ProfileSample } from '../../src/domain/stamp-profile-learning';
import { say } from '../../src/i18n/intl';

/** A collection's stamp profile: learned from boxed sheets, stored and shared versioned and parsed. */

const sample = (overrides: Partial<ProfileSample> = {}): ProfileSample => ({
  orientation: 'portrait',
  region: { left: 0.1, top: 0.8, right: 0.35, bottom: 0.9 },
  ink: { colour: [50, 48, 47], paper: [242, 238, 225], neutral: true, hue: -1 },
  digitHeight: 0.037,
  ...overrides,
});

describe('learning a stamp profile from the boxes a supervisor drew', () => {
  const now = new Date('2026-12-01T09:30:00Z');

  it('learns the ink, where the stamps sit (with a margin) and the digits’ height range', () => {
    const profile = learnProfile(
      [
        sample(),
        sample({ region: { left: 0.03, top: 0.7, right: 0.31, bottom: 0.79 }, digitHeight: 0.036 }),
        sample({
          region: { left: 0.05, top: 0.79, right: 0.33, bottom: 0.88 },
          digitHeight: 0.038,
          ink: { colour: [60, 58, 57], paper: [242, 238, 225], neutral: true, hue: -1 },
        }),
      ],
      1,
      now,
    );
    expect(profile).toMatchObject({
      version: PROFILE_VERSION,
      collectionId: 1,
      learnedAt: '2026-12-01T09:30:00.000Z',
      sheets: 3,
      ink: { neutral: true, hue: -1 },
    });
    expect(profile.ink.colour.map(Math.round)).toEqual([53, 51, 50]);
    // The boxes span 3–35 % across and 70–90 % down; the region reaches a third beyond that.
    const region = profile.regions.portrait!;
    expect(region.left).toBe(0);
    expect(region.right).toBeCloseTo(0.35 + 0.35 * 0.32, 5);
    expect(region.top).toBeCloseTo(0.7 - 0.35 * 0.2, 5);
    expect(region.bottom).toBeCloseTo(0.97, 5);
    expect(profile.regions.landscape).toBeUndefined();
    expect(profile.digitHeight.min).toBeCloseTo(0.036 * 0.75, 5);
    expect(profile.digitHeight.max).toBeCloseTo(0.038 * 1.3, 5);
  });

  it('takes the ink most boxes show, and keeps sideways sheets’ places apart', () => {
    const violet = {
      colour: [90, 70, 140] as [number, number, number],
      paper: [242, 238, 225] as [number, number, number],
      neutral: false,
      hue: 250,
    };
    const profile = learnProfile(
      [
        sample({ ink: violet }),
        sample({
          ink: violet,
          orientation: 'landscape',
          region: { left: 0.8, top: 0.1, right: 0.95, bottom: 0.4 },
        }),
        sample(),
      ],
      null,
      now,
    );
    expect(profile.ink.neutral).toBe(false);
    expect(profile.ink.hue).toBeGreaterThan(230);
    expect(profile.ink.hue).toBeLessThan(290);
    expect(profile.regions.landscape).toMatchObject({ right: 1 });
    expect(profile.regions.portrait).toBeDefined();
  });

  it('needs at least one boxed sheet', () => {
    expect(() => learnProfile([], 1, now)).toThrow('at least one boxed sheet');
  });
});

/** What the screen says about a refused profile (English in tests). */
const problemOf = (parsed: ParsedProfile) => (parsed.ok ? null : say(parsed.problem));

describe('a stored or imported stamp profile', () => {
  const profile: StampProfile = learnProfile([sample()], 1, new Date('2026-12-01T09:30:00Z'));

  it('round-trips through JSON', () => {
    expect(parseStampProfile(JSON.parse(JSON.stringify(profile)))).toEqual({ ok: true, profile });
  });

  it('refuses another version, and says to calibrate again', () => {
    expect(problemOf(parseStampProfile({ ...profile, version: 2 }))).toBe(
      'this stamp profile is version 2; this station reads version 1. Calibrate again.',
    );
  });

  it('refuses a damaged file, and says where', () => {
    expect(
      problemOf(
        parseStampProfile({
          ...profile,
          regions: { portrait: { left: 0.5, top: 0.1, right: 0.2, bottom: 0.3 } },
        }),
      ),
    ).toMatch(/^this is not a stamp profile \(regions\.portrait: must have its right and bottom beyond/);
    expect(parseStampProfile({ ...profile, ink: { ...profile.ink, colour: [1, 2] } })).toMatchObject({
      ok: false,
    });
    expect(problemOf(parseStampProfile('a JSON string'))).toMatch(/^this is not a stamp profile \(/);
  });
});
