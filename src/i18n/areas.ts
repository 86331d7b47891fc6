/**
 * The catalog areas the station needs before any work screen: the login form, the configuration pages,
 * the header and its outbox line, and what the portal says at login. They come with the first screen (one file per language); every
 * other area comes in a second file fetched right after, which the work screens wait for. Keeps the
 * JavaScript before the login screen small (scripts/initial-js.mjs counts the first file).
 */
export const FIRST_SCREEN_AREAS: readonly string[] = [
  'session',
  'station',
  'portal',
  'outbox',
  'setup',
  'shell',
];

/** `./locales/es/review.json` → `review`. */
export const areaOfCatalogFile = (path: string): string => /([^/]+)\.json$/.exec(path)?.[1] ?? '';

/** Which file of a language's catalog an area's messages ship in. */
export const catalogPart = (path: string): 'first' | 'screens' =>
  FIRST_SCREEN_AREAS.includes(areaOfCatalogFile(path)) ? 'first' : 'screens';
