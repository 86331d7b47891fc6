import type { PortalLanguage } from '../portal';
import type { FakeState } from './state';
import type { PortalVersion } from './wording';

/**
 * How one real portal differs from another in ways the station must survive (recorded INDEX §14–15).
 * The fake plays any combination; the named profiles below are the ones the tests and the demo use.
 */
export interface PortalProfile {
  name: string;
  /** What a person would call this kind of portal. */
  label: string;
  /** `$SECURITY_KEY` set in symbini.php. Empty (the template's default): API reads with the crumb fail (14a). */
  securityKey: boolean;
  /** Legacy stamps in the identifiers table as well as the old column (first install), or only in the column (14b, 15a). */
  legacyStamps: 'identifiers' | 'column';
  /** `$CLIENT_ROOT`: '' at the web root (cookies as in 01), or a path such as `/portal` (cookies as in 14d). */
  rootPath: string;
  /** API v2 routed (its rewrite rules in place). Without: every `/api/v2/…` URL is the web server's 404 page. */
  apiV2: boolean;
  /** API v2 answers anonymous readers "not found" for records hidden from the public (recordSecurity 5). */
  apiHidesProtected: boolean;
  /** The language its pages answer in (its `$DEFAULT_LANG`, or the user's `lang` cookie; INDEX §16–17). */
  language: PortalLanguage;
  /** 3.4.14 as recorded, or 3.1.8 (recorded-3.1), which stands for 3.0–3.3 in the parts they share. */
  version: PortalVersion;
}

export const PORTAL_PROFILES = {
  /** The configuration the templates install: key empty, at the web root. The demo's default. */
  'fresh-install': {
    name: 'fresh-install',
    label: 'fresh install: security key empty, at the web root, stamps only in the old column',
    securityKey: false,
    legacyStamps: 'column',
    rootPath: '',
    apiV2: true,
    apiHidesProtected: false,
    language: 'en',
    version: '3.4',
  },
  /** The portal the first recordings were taken on. */
  recorded: {
    name: 'recorded',
    label: 'as recorded: security key set, at the web root, stamps in the identifiers table',
    securityKey: true,
    legacyStamps: 'identifiers',
    rootPath: '',
    apiV2: true,
    apiHidesProtected: false,
    language: 'en',
    version: '3.4',
  },
  /** Most portals: under a path, so the PHP session reaches the API until it times out (14e, 14f). */
  'under-path': {
    name: 'under-path',
    label: 'under /portal: security key empty, API hides protected records, stamps in the identifiers table',
    securityKey: false,
    legacyStamps: 'identifiers',
    rootPath: '/portal',
    apiV2: true,
    apiHidesProtected: true,
    language: 'en',
    version: '3.4',
  },
  /** A web server without the API's rewrite rules, or an older 3.x. */
  'no-api': {
    name: 'no-api',
    label: 'no API v2: under /portal, security key set, stamps only in the old column',
    securityKey: true,
    legacyStamps: 'column',
    rootPath: '/portal',
    apiV2: false,
    apiHidesProtected: false,
    language: 'en',
    version: '3.4',
  },
  /** A Latin American herbarium: the portal answers in Spanish (rec. 16a–16y). */
  spanish: {
    name: 'spanish',
    label: 'in Spanish: security key empty, at the web root, stamps only in the old column',
    securityKey: false,
    legacyStamps: 'column',
    rootPath: '',
    apiV2: true,
    apiHidesProtected: false,
    language: 'es',
    version: '3.4',
  },
  /** In French, and without API v2: every record comes from the French editor pages (rec. 17a–17y, 18l). */
  french: {
    name: 'french',
    label: 'in French, no API v2: under /portal, security key set, stamps in the identifiers table',
    securityKey: true,
    legacyStamps: 'identifiers',
    rootPath: '/portal',
    apiV2: false,
    apiHidesProtected: false,
    language: 'fr',
    version: '3.4',
  },
  /** In Portuguese, whose table view prints most column headers empty (rec. 18m–18s). */
  portuguese: {
    name: 'portuguese',
    label: 'in Portuguese: security key set, at the web root, stamps only in the old column',
    securityKey: true,
    legacyStamps: 'column',
    rootPath: '',
    apiV2: true,
    apiHidesProtected: false,
    language: 'pt',
    version: '3.4',
  },
  /** Two versions behind, as many portals are (recorded-3.1). */
  'version-3.1': {
    name: 'version-3.1',
    label: 'Symbiota 3.1: security key empty, at the web root, stamps only in the old column',
    securityKey: false,
    legacyStamps: 'column',
    rootPath: '',
    apiV2: true,
    apiHidesProtected: false,
    language: 'en',
    version: '3.1',
  },
} as const satisfies Record<string, PortalProfile>;

export type PortalProfileName = keyof typeof PORTAL_PROFILES;
export const DEFAULT_PROFILE: PortalProfileName = 'fresh-install';

export const isProfileName = (name: string | null | undefined): name is PortalProfileName =>
  name !== null && name !== undefined && Object.hasOwn(PORTAL_PROFILES, name);

/**
 * Records loaded before identifiers had their own table keep the stamp only in the old column: the seed
 * (which, like the first install, has both) loses its identifier rows where the column holds the same value.
 */
export function withLegacyStamps(state: FakeState, where: PortalProfile['legacyStamps']): FakeState {
  if (where === 'identifiers') return state;
  const legacyOf = new Map(state.records.map((r) => [r.occid, r.fields['otherCatalogNumbers'] ?? null]));
  return {
    ...state,
    identifiers: state.identifiers.filter((i) => legacyOf.get(i.occid) !== i.value),
  };
}
