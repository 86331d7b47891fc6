import { hasBarcode, otherCatalogNumbersOf, type SpecimenRecord } from '../../domain/occurrence';
import { sameStatus } from '../../domain/processing-status';
import { PortalError } from '../errors';
import type { PortalClient, RecordWritten, ValueChange } from '../portal';
import type { FieldValues } from '../../domain/task';
import { isLockedByAnotherEditor, parseEditorRecord } from './editor-record';
import type { PortalHttp, PortalResponse } from './http';
import { isRightsRefusal, parseActionStatus, parseComments, parseHtml } from './html';
import { EDITOR, MERGE, RECORD_PAGE } from './paths';
import type { RecordReader } from './record-reader';

interface Deps {
  http: PortalHttp;
  reader: RecordReader;
  barcodeInUse(collid: number, barcode: string, exceptOccid: number): Promise<number[]>;
  imageCount(occid: number): Promise<number>;
}

/** What an editor page shows of the record after a write; images are not in the form and do not change. */
type ShownRecord = Omit<SpecimenRecord, 'images'>;

/** What a confirmed write must show on the record, for the message when it does not. */
interface Shows {
  field: 'barcode' | 'accession' | 'status' | 'previous';
  value: string;
}

/** A save's answer: the record as the page shows it (null: no form on the page), and the status line when its words are unknown. */
interface Saved {
  shown: ShownRecord | null;
  unknownWords: string | null;
}

type GuardedWrites = Pick<
  PortalClient,
  | 'setCatalogNumber'
  | 'addAccession'
  | 'setProcessingStatus'
  | 'restoreValues'
  | 'mergeSkeletalIntoLegacy'
  | 'createRecord'
  | 'addComment'
>;

const refusedByRights = () => new PortalError('not-authorized', 'write-without-rights');

/** The processing status rides in the same save as the value it belongs with (rec. 09c: two logged edits). */
function withStatus(edited: string[], fields: [string, string][], status: string | undefined) {
  if (status === undefined) return;
  edited.push('processingstatus');
  fields.push(['processingstatus', status]);
}

const showsStatus = (r: SpecimenRecord, status: string | undefined) =>
  status === undefined || sameStatus(r.processingStatus, status);

/** The fields a write touched, as a record holds them: what the journal keeps before and after. */
function fieldsOf(record: SpecimenRecord, names: string[]): FieldValues {
  const value = (name: string): string | null => {
    switch (name) {
      case 'catalognumber':
        return record.catalogNumber;
      case 'processingstatus':
        return record.processingStatus;
      default: {
        const held = otherCatalogNumbersOf(record);
        return held.length > 0 ? held.join(', ') : null;
      }
    }
  };
  return Object.fromEntries(names.map((n) => [n, value(n)]));
}

/** The record after a write, and the touched fields before and after it. */
const written = (before: SpecimenRecord, after: SpecimenRecord, names: string[]): RecordWritten => ({
  record: after,
  before: fieldsOf(before, names),
  after: fieldsOf(after, names),
});

export function createGuardedWrites({ http, reader, barcodeInUse, imageCount }: Deps): GuardedWrites {
  /** The record as it is now; `whole` adds the legacy column the API hides (an extra read there). */
  async function current(collid: number, occid: number, whole = false): Promise<SpecimenRecord> {
    const record = await (whole ? reader.readWithLegacyColumn(occid) : reader.readCore(occid));
    if (record === null) throw new PortalError('record-missing', 'record-missing', { occid });
    if (record.collid !== collid) {
      throw new PortalError('portal-refused', 'other-collection', { occid, collid: record.collid });
    }
    return record;
  }

  /**
   * W1, the only audited write path (PROTOCOL §7.1). Posts exactly the fields being changed and lists exactly
   * those in `editedfields`: any other posted field would be written unlogged. No `collid`: the portal
   * derives it from the record and checks the user's rights against that collection (§7.1, §14).
   */
  async function save(occid: number, edited: string[], fields: [string, string][]): Promise<Saved> {
    const response: PortalResponse = await http.postForm(EDITOR, [
      ['submitaction', 'saveOccurEdits'],
      ['occid', String(occid)],
      ['editedfields', edited.map((f) => `${f};`).join('')],
      ...fields,
    ]);
    if (response.redirected) throw new PortalError('not-logged-in', 'session-ended-nothing-saved');
    const doc = parseHtml(response.text);
    reader.editorPageOpened(isLockedByAnotherEditor(doc, occid) ? 'held-by-another' : 'write');
    const status = parseActionStatus(doc);
    if (status === null) {
      if (isRightsRefusal(doc)) throw refusedByRights();
      throw new PortalError('unexpected-response', 'save-without-status');
    }
    if (status.kind === 'queued') {
      throw new PortalError('portal-refused', 'save-queued', undefined, status.message);
    }
    if (status.kind === 'failed')
      throw new PortalError('portal-refused', 'save-refused', { said: status.message }, status.message);
    // Applied, or said in words this station does not know: the record on the page tells (INDEX §16–17).
    // A record another editor holds open shows no form after the save (rec. 3.1 16b): it is read again.
    return {
      shown: parseEditorRecord(doc, occid),
      unknownWords: status.kind === 'unknown' ? status.message : null,
    };
  }

  /**
   * Confirms a write from the editor page the portal answered with, which shows the record as saved
   * (rec. 09a–09c, 13); only when that page shows no record is the record read again.
   */
  async function confirm(
    collid: number,
    occid: number,
    { shown, unknownWords }: Saved,
    images: SpecimenRecord['images'],
    check: (r: SpecimenRecord) => boolean,
    shows: Shows,
  ): Promise<SpecimenRecord> {
    const after = shown ? { ...shown, images } : await current(collid, occid);
    if (check(after)) return after;
    if (unknownWords !== null)
      throw new PortalError(
        'portal-refused',
        'save-unknown-words',
        { said: unknownWords, occid, ...shows },
        unknownWords,
      );
    throw new PortalError('unexpected-response', 'save-not-shown', { occid, ...shows });
  }

  /**
   * The merge and the comment form say nothing when the session has ended (PROTOCOL §9.1): they just do
   * nothing. Before calling that a refusal, ask an editor page, which redirects an expired session (§2.1).
   */
  async function sessionHasEnded(collid: number): Promise<boolean> {
    const probe = await http.get(EDITOR, [['collid', String(collid)]]);
    return probe.redirected;
  }

  const writes: GuardedWrites = {
    async setCatalogNumber(collid, occid, barcode, status) {
      // The portal saves a barcode another record already holds (rec. 09e), so ask first (§8.1); the
      // record is read again at the same time, so a barcode set meanwhile is never overwritten.
      const [before, holders] = await Promise.all([
        current(collid, occid),
        barcodeInUse(collid, barcode, occid),
      ]);
      if (hasBarcode(before)) {
        throw new PortalError('record-changed', 'record-has-barcode', {
          occid,
          barcode: before.catalogNumber,
        });
      }
      if (holders.length > 0) {
        throw new PortalError('barcode-in-use', 'barcode-in-use', { barcode, holders: holders.join(', ') });
      }
      const edited = ['catalognumber'];
      const fields: [string, string][] = [['catalognumber', barcode]];
      if (!sameStatus(before.processingStatus, status ?? before.processingStatus))
        withStatus(edited, fields, status);
      const shown = await save(occid, edited, fields);
      const after = await confirm(
        collid,
        occid,
        shown,
        before.images,
        (r) => r.catalogNumber === barcode && showsStatus(r, status),
        { field: 'barcode', value: barcode },
      );
      return written(before, after, edited);
    },

    async addAccession(collid, occid, accession, status) {
      const before = await current(collid, occid, true);
      const legacy = before.fields['otherCatalogNumbers'] ?? null;
      // Posting identifiers nulls the legacy column unlogged unless every old value is posted back (§7.2);
      // such records are left to the portal's own editor rather than risk losing a number.
      if (before.identifiers.length > 0 || (legacy ?? '').trim() !== '') {
        const held = [...new Set([...before.identifiers.map((i) => i.value), legacy].filter(Boolean))].join(
          ', ',
        );
        throw new PortalError('record-changed', 'record-has-other-numbers', { occid, held });
      }
      const edited = ['idvalue'];
      const fields: [string, string][] = [
        ['idkey[]', 'newidentifier'],
        ['idname[]', ''],
        ['idvalue[]', accession],
      ];
      withStatus(edited, fields, status);
      const shown = await save(occid, edited, fields);
      const after = await confirm(
        collid,
        occid,
        shown,
        before.images,
        (r) => r.identifiers.some((i) => i.value === accession) && showsStatus(r, status),
        { field: 'accession', value: accession },
      );
      return written(before, after, ['othercatalognumbers', ...edited.filter((f) => f !== 'idvalue')]);
    },

    async setProcessingStatus(collid, occid, status) {
      const before = await current(collid, occid);
      const shown = await save(occid, ['processingstatus'], [['processingstatus', status]]);
      const after = await confirm(
        collid,
        occid,
        shown,
        before.images,
        (r) => sameStatus(r.processingStatus, status),
        { field: 'status', value: status },
      );
      return written(before, after, ['processingstatus']);
    },

    async restoreValues(collid, occid, changes) {
      const before = await current(collid, occid);
      const holds = (c: ValueChange) =>
        c.field === 'catalognumber' ? before.catalogNumber : before.processingStatus;
      const same = (a: string | null, b: string | null) =>
        (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
      for (const change of changes) {
        if (!same(holds(change), change.wrote)) {
          throw new PortalError('record-changed', 'undo-changed-since', {
            occid,
            field: change.field,
            holds: holds(change) ?? '',
            wrote: change.wrote ?? '',
          });
        }
      }
      const restoring = changes.find((c) => c.field === 'catalognumber' && c.previous);
      if (restoring?.previous) {
        const holders = await barcodeInUse(collid, restoring.previous, occid);
        if (holders.length > 0)
          throw new PortalError('barcode-in-use', 'barcode-now-in-use', {
            barcode: restoring.previous,
            holders: holders.join(', '),
          });
      }
      // W1 turns '' into NULL (PROTOCOL §7.1), which is what an empty field held before.
      const shown = await save(
        occid,
        changes.map((c) => c.field),
        changes.map((c) => [c.field, c.previous ?? '']),
      );
      const after = await confirm(
        collid,
        occid,
        shown,
        before.images,
        (r) =>
          changes.every((c) =>
            same(c.field === 'catalognumber' ? r.catalogNumber : r.processingStatus, c.previous),
          ),
        { field: 'previous', value: '' },
      );
      return written(
        before,
        after,
        changes.map((c) => c.field),
      );
    },

    async mergeSkeletalIntoLegacy(collid, skeletalOccid, legacyOccid) {
      if (skeletalOccid === legacyOccid) throw new PortalError('portal-refused', 'merge-into-itself');
      const [source, target] = [await current(collid, skeletalOccid), await current(collid, legacyOccid)];
      // The merge keeps the target's catalog number and drops the source's without a word (§9.3).
      if (hasBarcode(target)) {
        throw new PortalError('record-changed', 'merge-target-has-barcode', {
          target: legacyOccid,
          barcode: target.catalogNumber,
          lost: source.catalogNumber,
        });
      }
      if (target.images.length > 0 || (await imageCount(legacyOccid)) > 0) {
        throw new PortalError('record-changed', 'merge-target-has-image', { target: legacyOccid });
      }
      const response = await http.get(MERGE, [
        ['submitaction', 'mergerecs'],
        ['curoccid', String(skeletalOccid)],
        ['occidmerge', String(legacyOccid)],
        ['collid', String(collid)],
        ['occidquery', `ocnum:${legacyOccid}`],
      ]);
      if (response.redirected) throw new PortalError('not-logged-in', 'session-ended-nothing-merged');
      // Success shows only as onload="gotoMergedOccur(TGT)"; a refusal is the same page with onload="" (rec. 10a,
      // 10b). 3.0 answers onload="reloadParent();close()" either way (recorded-3.0 10a): the records tell.
      const doc = parseHtml(response.text);
      const onload = doc.body?.getAttribute('onload') ?? '';
      const saysMerged = onload.includes(`gotoMergedOccur(${legacyOccid})`);
      if (!saysMerged && !(/reloadParent/.test(onload) && (await reader.isGone(skeletalOccid)))) {
        const error = [...doc.querySelectorAll('[style*="red"]')]
          .map((e) => e.textContent?.trim())
          .find(Boolean);
        if (error) throw new PortalError('portal-refused', 'merge-refused', { said: error }, error);
        if (await sessionHasEnded(collid))
          throw new PortalError('not-logged-in', 'session-ended-nothing-merged');
        throw new PortalError('not-authorized', 'merge-without-reason');
      }
      const [gone, merged] = [await reader.isGone(skeletalOccid), await reader.readCore(legacyOccid)];
      // The first thing that does not add up is said (PROTOCOL §9): the merge is then left to a person.
      const values = { source: skeletalOccid, target: legacyOccid, barcode: source.catalogNumber };
      if (!gone) throw new PortalError('merge-unconfirmed', 'merge-source-remains', values);
      if (merged === null) throw new PortalError('merge-unconfirmed', 'merge-target-missing', values);
      if (source.catalogNumber && merged.catalogNumber !== source.catalogNumber)
        throw new PortalError('merge-unconfirmed', 'merge-barcode-missing', values);
      if (!source.images.every((img) => merged.images.some((m) => m.mediaId === img.mediaId)))
        throw new PortalError('merge-unconfirmed', 'merge-image-missing', values);
      const names = ['catalognumber', 'processingstatus'];
      return {
        merged,
        before: fieldsOf(target, names),
        after: fieldsOf(merged, names),
        records: { legacy: target, skeletal: source },
      };
    },

    async createRecord(collid, barcode, status, enteredBy) {
      const holders = await barcodeInUse(collid, barcode, 0);
      if (holders.length > 0)
        throw new PortalError('barcode-in-use', 'barcode-in-use', { barcode, holders: holders.join(', ') });
      // A new record has no collection yet, so collid is required here (rec. 13).
      const response = await http.postForm(EDITOR, [
        ['submitaction', 'addOccurRecord'],
        ['collid', String(collid)],
        ['catalognumber', barcode],
        ['processingstatus', status],
        ['recordenteredby', enteredBy],
      ]);
      if (response.redirected) throw new PortalError('not-logged-in', 'session-ended-no-record-created');
      reader.editorPageOpened('write');
      const doc = parseHtml(response.text);
      const occid = Number(doc.querySelector('input[name="occid"]')?.getAttribute('value'));
      if (!Number.isInteger(occid) || occid <= 0) {
        if (isRightsRefusal(doc)) throw refusedByRights();
        const status = parseActionStatus(doc);
        throw new PortalError(
          'portal-refused',
          status ? 'create-refused-said' : 'create-refused',
          status ? { said: status.message } : undefined,
          status?.message,
        );
      }
      const created = await confirm(
        collid,
        occid,
        { shown: parseEditorRecord(doc, occid), unknownWords: null },
        [],
        (r) => r.catalogNumber === barcode,
        { field: 'barcode', value: barcode },
      );
      return { record: created, before: {}, after: fieldsOf(created, ['catalognumber', 'processingstatus']) };
    },

    async addComment(occid, text) {
      const response = await http.postForm(RECORD_PAGE, [
        ['commentstr', text],
        ['occid', String(occid)],
        ['tabindex', '1'],
        ['formsubmit', 'submitComment'],
      ]);
      if (response.redirected) throw new PortalError('not-logged-in', 'session-ended-comment-not-posted');
      const comments = parseComments(parseHtml(response.text));
      const normalised = text.replace(/\s+/g, ' ').trim();
      if (!comments.some((c) => c.text === normalised)) {
        if (await sessionHasEnded(0))
          throw new PortalError('not-logged-in', 'session-ended-comment-not-posted');
        throw new PortalError('portal-refused', 'comment-not-listed', { occid });
      }
    },
  };

  /**
   * The page a save or a new record answers with shows the record, so it takes the user's edit lock on it
   * for 15 minutes, as the editor form does (rec. 09a, 13; 25-sql, 26-sql): other editors would meet
   * "Record Locked!". The station lets go of it once it has written nothing for a quiet spell
   * (LOCK_QUIET_AFTER_WRITE_MS): the next save of a run moves the lock anyway.
   */
  const lockReleased =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    (...args: A) =>
      reader.inEditor(() => write(...args));
  return {
    ...writes,
    setCatalogNumber: lockReleased(writes.setCatalogNumber),
    addAccession: lockReleased(writes.addAccession),
    setProcessingStatus: lockReleased(writes.setProcessingStatus),
    restoreValues: lockReleased(writes.restoreValues),
    createRecord: lockReleased(writes.createRecord),
  };
}
