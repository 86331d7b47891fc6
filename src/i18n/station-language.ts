import { useSyncExternalStore } from 'react';
import type { IntlShape } from 'react-intl';
import {
  isStationLocale,
  loadMessages,
  PSEUDO_LOCALE,
  type Messages,
  type ShownLocale,
  onStationLocale,
  setStationLocale,
  stationIntl,
  type StationLocale,
} from './intl';

/** The language a technician chose on this station (the switcher in the header); kept over reloads. */
const CHOSEN = 'specimen-linker.language';

/** A language tag (`es-MX`, `pt`, `fr_CA`, the portal's `pt`) as one the station speaks, if any. */
export function stationLocaleFor(tag: string | null | undefined): StationLocale | null {
  if (!tag) return null;
  const [language] = tag.toLowerCase().replace('_', '-').split('-');
  switch (language) {
    case 'en':
      return 'en';
    case 'es':
      return 'es';
    case 'fr':
      return 'fr';
    case 'pt':
      return 'pt-BR';
    default:
      return null;
  }
}

const chosen = (): ShownLocale | null => {
  try {
    const value = localStorage.getItem(CHOSEN);
    return isStationLocale(value) || value === PSEUDO_LOCALE ? value : null;
  } catch {
    return null;
  }
};

/** The portal's own language choice for this user: its `lang` cookie (same origin, not HttpOnly). */
const portalCookie = (): StationLocale | null =>
  typeof document === 'undefined'
    ? null
    : stationLocaleFor(/(?:^|;\s*)lang=([^;]*)/.exec(document.cookie)?.[1] ?? null);

const browser = (): StationLocale | null => {
  if (typeof navigator === 'undefined') return null;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const locale = stationLocaleFor(tag);
    if (locale) return locale;
  }
  return null;
};

/**
 * The language the station starts in: the technician's choice on this station; else the portal's for this
 * user (its `lang` cookie); else the browser's; else English. Once the portal's pages are read, a station
 * nobody chose a language on follows the language they answer in (`followPortalLanguage`).
 */
export const startingLocale = (): ShownLocale => chosen() ?? portalCookie() ?? browser() ?? 'en';

let applying = 0;

/**
 * Shows the station in a language: the first screen's part of its catalog at once, the rest as soon as it
 * arrives (the work screens wait for it). A later choice wins over one still loading.
 */
export async function applyLocale(locale: ShownLocale): Promise<void> {
  const attempt = ++applying;
  const rest = loadMessages(locale, 'screens');
  const first = await loadMessages(locale, 'first');
  if (attempt !== applying) return;
  setStationLocale(locale, first, true);
  void rest.then(
    (screens) => {
      if (attempt === applying) setStationLocale(locale, { ...first, ...screens } as Messages);
    },
    () => {
      // The second part could not be fetched (network): the screens say so when they cannot load either.
    },
  );
}

/** The switcher: the language is loaded, shown at once and kept for this station. */
export async function chooseLocale(locale: StationLocale): Promise<void> {
  await applyLocale(locale);
  try {
    localStorage.setItem(CHOSEN, locale);
  } catch {
    // Without storage the choice holds for this page only.
  }
}

/** The portal's pages answer in a language: a station nobody chose a language on (and no cookie) follows it. */
export async function followPortalLanguage(portalLanguage: string | null): Promise<void> {
  if (chosen() !== null || portalCookie() !== null) return;
  const locale = stationLocaleFor(portalLanguage);
  if (locale && locale !== stationIntl().locale) await applyLocale(locale);
}

/** The formatter of the station's language now, following the switcher. */
export function useStationIntl(): IntlShape {
  return useSyncExternalStore(onStationLocale, stationIntl);
}
