/**
 * Every message the station has: the keys of the English catalog, one file per area
 * (`src/i18n/locales/en/<area>.json`, keys prefixed `<area>.`). A new area file is added here too (a test checks).
 */
import type check from './locales/en/check.json';
import type imaging from './locales/en/imaging.json';
import type journal from './locales/en/journal.json';
import type outbox from './locales/en/outbox.json';
import type portal from './locales/en/portal.json';
import type reason from './locales/en/reason.json';
import type record from './locales/en/record.json';
import type review from './locales/en/review.json';
import type session from './locales/en/session.json';
import type setup from './locales/en/setup.json';
import type shell from './locales/en/shell.json';
import type stampProfile from './locales/en/stamp-profile.json';
import type station from './locales/en/station.json';
import type task from './locales/en/task.json';
import type unprocessed from './locales/en/unprocessed.json';
import type viewer from './locales/en/viewer.json';

type Catalog = typeof check &
  typeof imaging &
  typeof journal &
  typeof outbox &
  typeof portal &
  typeof reason &
  typeof record &
  typeof review &
  typeof session &
  typeof setup &
  typeof shell &
  typeof stampProfile &
  typeof station &
  typeof task &
  typeof unprocessed &
  typeof viewer;

export type MessageKey = keyof Catalog;
