import { stationIntl } from './intl';

/**
 * Dates and times in the station's language, one style across the screens: a moment as "30 Nov 2026, 17:29"
 * (medium date, short time), a day as "30 Nov 2026". Portal timestamps ("2026-11-30 17:30:56", the server's
 * local time) are read as local times.
 */
export type When = Date | number | string;

const asDate = (when: When): Date => {
  if (typeof when !== 'string') return new Date(when);
  const portal = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(when);
  if (portal) {
    const [, y, mo, d, h, mi, s] = portal.map(Number);
    return new Date(y!, mo! - 1, d!, h!, mi!, s ?? 0);
  }
  return new Date(when);
};

export const formatMoment = (when: When): string =>
  stationIntl().formatDate(asDate(when), { dateStyle: 'medium', timeStyle: 'short' });

export const formatDay = (when: When): string =>
  stationIntl().formatDate(asDate(when), { dateStyle: 'medium' });

export const formatNumber = (
  value: number,
  options?: Parameters<ReturnType<typeof stationIntl>['formatNumber']>[1],
): string => stationIntl().formatNumber(value, options);
