import { said, type Said } from '../../domain/said';
import type { Region, StampProfile } from '../../domain/stamp-profile';

/** A stamp profile in words, for the supervisor who checks what the station learned. */

/** The ink's colour as a person names it, from its hue (degrees; 0 red, 120 green, 240 blue). */
export function inkWords(ink: StampProfile['ink']): Said {
  const h = ink.hue;
  const name = ink.neutral
    ? 'neutral'
    : h < 20 || h >= 330
      ? 'red'
      : h < 45
        ? 'orange'
        : h < 75
          ? 'yellow'
          : h < 170
            ? 'green'
            : h < 200
              ? 'turquoise'
              : h < 240
                ? 'blue'
                : h < 290
                  ? 'violet'
                  : 'purple';
  return said('stamp-profile.ink.name', { ink: name });
}

const percent = (v: number) => Math.round(v * 100);

export function regionWords(region: Region): Said {
  const across = (region.left + region.right) / 2;
  const down = (region.top + region.bottom) / 2;
  const side = across < 0.38 ? 'left' : across > 0.62 ? 'right' : 'middle';
  const height = down < 0.38 ? 'top' : down > 0.62 ? 'bottom' : 'middle';
  return said('stamp-profile.region', {
    // ICU selectors: topLeft … bottomRight, or middle.
    place:
      side === 'middle' && height === 'middle'
        ? 'middle'
        : `${height}${side[0]!.toUpperCase()}${side.slice(1)}`,
    left: percent(region.left),
    right: percent(region.right),
    top: percent(region.top),
    bottom: percent(region.bottom),
  });
}

/** Herbarium sheets are about 29 cm across their short side. */
export const digitsWords = (height: StampProfile['digitHeight']) =>
  said('stamp-profile.digits', { min: height.min * 29, max: height.max * 29 });

export const profileFileName = (profile: StampProfile) =>
  `stamp-profile${profile.collectionId === null ? '' : `-collection-${profile.collectionId}`}.json`;
