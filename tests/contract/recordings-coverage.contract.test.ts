import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allExchangeNames, RECORDED_VERSIONS, type RecordedVersion } from './recordings';

const LANG_PARAMETER =
  'the station never sends ?lang=: on 3.0–3.3 it switches the user’s portal language for 30 days (INDEX-extra §18); it reads every language instead';
const LOCK_SURVEY =
  'the survey of the edit lock (INDEX-extra §20); the station’s own lock handling is replayed from 16b and 21d–21i';
const OLD_COLUMN_JSON =
  'the old column is read from the record’s table row (21a): the record page’s JSON shows it on 3.0–3.4.7 only (12h, 16m)';

/** Recordings the station has no use for, and why; every other recording is replayed in a contract test. */
const NOT_USED: Record<RecordedVersion, Record<string, string>> = {
  '3.4': {
    '02c-viewer-newprofile-form': 'registration is done in the portal, not in the app',
    '02d-viewer-newprofile-create': 'registration is done in the portal, not in the app',
    '03e-editor-recordview-ocn-1499-hit':
      'the record view takes an edit lock (PROTOCOL §7.6); the app uses the table view',
    '11-dupesearch-preview-ocnum2-cur41':
      'the app builds its own compare view from API reads (PROTOCOL §13.7)',
    '16v-es-dupesearch-preview-ocnum2-cur41': 'as 11, in Spanish',
    '17v-fr-dupesearch-preview-ocnum2-cur41': 'as 11, in French',
    '12d-individual-report-comment-as-viewer': 'reporting comments is a portal user action',
    '12g-individual-make-comment-public-as-tech': 'moderation is done in the portal',
    '12h-individual-format-json-occid1': OLD_COLUMN_JSON,
    '19a-pt-table-ocn-1499-hit': 'the same page as 21n, on the helpers’ install',
    '19b-pt-table-unprocessed-no-ocn-page1': 'the same page as 21o, on the helpers’ install',
    '23a-root-login-tech': 'the login of the 23 series, as 01',
    '23b-root-editor-as-tech': 'the editor of the 23 series before the logout, as 02a',
  },
  '3.3': { '12h-individual-format-json-occid1': OLD_COLUMN_JSON },
  '3.2': { '12h-individual-format-json-occid1': OLD_COLUMN_JSON },
  '3.1': {
    '12h-individual-format-json-occid1': OLD_COLUMN_JSON,
    '14a-api-occurrence-1-with-crumb-500': 'as 3.4’s 14a: the station sends API v2 no cookies',
    '16-edit-lock-occid39-sql': 'database rows',
  },
  '3.0': { '12h-individual-format-json-occid1': OLD_COLUMN_JSON },
};
const SHARED = (name: string) =>
  name === '16a-editor-record-occid39-tech-takes-lock'
    ? 'the technician’s side of 16b; the station’s own editor reads are replayed from 15a–15c'
    : /^18[a-d]-/.test(name)
      ? LANG_PARAMETER
      : /^20[a-l]-/.test(name) && name !== '20g-lock-admin-saves-40-locked-by-tech'
        ? LOCK_SURVEY
        : null;
/** Made again just before the lock replays, for them; the first recording of each is the one replayed. */
const RECORDED_TWICE = new Set([
  '21d-tech-editor-occid39-takes-lock',
  '21e-admin-editor-occid39-record-locked',
]);

describe('coverage of the recordings', () => {
  const dir = import.meta.dirname;
  const source = readdirSync(dir)
    .filter((f) => f.endsWith('.contract.test.ts') || f === 'recordings.ts')
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  const named = (name: string) => {
    // The Spanish and French 3.4 recordings are named by letter in portal-languages.contract.test.ts.
    const localized = /^1[67]([a-z])-(?:es|fr)-(.+)$/.exec(name);
    if (localized && source.includes(`rec('${localized[1]}', '${localized[2]}')`)) return true;
    return source.includes(`'${name}'`);
  };

  it.each(RECORDED_VERSIONS)(
    'replays every %s recording or says why the station does not use it',
    (version) => {
      const uncovered = allExchangeNames(version).filter(
        (name) =>
          !NOT_USED[version][name] &&
          !SHARED(name) &&
          !(version !== '3.4' && RECORDED_TWICE.has(name)) &&
          !named(name),
      );
      expect(uncovered).toEqual([]);
    },
  );
});
