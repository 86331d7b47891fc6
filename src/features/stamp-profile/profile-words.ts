import type { Region, StampProfile } from '../../domain/stamp-profile';

/** A stamp profile in words, for the supervisor who checks what the station learned. */

/** The ink's colour as a person names it, from its hue (degrees; 0 red, 120 green, 240 blue). */
export function inkName(ink: StampProfile['ink']): string {
  if (ink.neutral) return 'black or grey';
  const h = ink.hue;
  if (h < 20 || h >= 330) return 'red';
  if (h < 45) return 'orange or brown';
  if (h < 75) return 'yellow';
  if (h < 170) return 'green';
  if (h < 200) return 'turquoise';
  if (h < 240) return 'blue';
  if (h < 290) return 'violet';
  return 'purple or magenta';
}

const percent = (v: number) => `${Math.round(v * 100)} %`;

export function regionWords(region: Region): string {
  const across = (region.left + region.right) / 2;
  const down = (region.top + region.bottom) / 2;
  const side = across < 0.38 ? 'left' : across > 0.62 ? 'right' : 'middle';
  const height = down < 0.38 ? 'top' : down > 0.62 ? 'bottom' : 'middle';
  const place =
    side === 'middle' && height === 'middle'
      ? 'middle'
      : side === 'middle'
        ? `${height} middle`
        : height === 'middle'
          ? `middle ${side}`
          : `${height} ${side}`;
  return `the ${place} of the sheet (${percent(region.left)}–${percent(region.right)} across, ${percent(region.top)}–${percent(region.bottom)} down)`;
}

/** Herbarium sheets are about 29 cm across their short side. */
export const digitsWords = (height: StampProfile['digitHeight']) =>
  `digits about ${(height.min * 29).toFixed(1)}–${(height.max * 29).toFixed(1)} cm tall`;

export const profileFileName = (profile: StampProfile) =>
  `stamp-profile${profile.collectionId === null ? '' : `-collection-${profile.collectionId}`}.json`;
