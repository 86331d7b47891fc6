import { hasBarcode, type SpecimenRecord } from '../../domain/occurrence';
import { sameStatus } from '../../domain/processing-status';
import { PortalError } from '../errors';
import type { PortalClient, ValueChange } from '../portal';
import { parseEditorRecord } from './editor-record';
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

const refusedByRights = () =>
  new PortalError(
    'not-authorized',
    'The portal refused the change: you do not have editor rights on this collection.',
  );

/** The processing status rides in the same save as the value it belongs with (rec. 09c: two logged edits). */
function withStatus(edited: string[], fields: [string, string][], status: string | undefined) {
  if (status === undefined) return;
  edited.push('processingstatus');
  fields.push(['processingstatus', status]);
}

const showsStatus = (r: SpecimenRecord, status: string | undefined) =>
  status === undefined || sameStatus(r.processingStatus, status);

export function createGuardedWrites({ http, reader, barcodeInUse, imageCount }: Deps): GuardedWrites {
  /** The record as it is now; `whole` adds the legacy column the API hides (an extra read there). */
  async function current(collid: number, occid: number, whole = false): Promise<SpecimenRecord> {
    const record = await (whole ? reader.readWithLegacyColumn(occid) : reader.readCore(occid));
    if (record === null)
      throw new PortalError('record-missing', `Record ${occid} is no longer in the portal.`);
    if (record.collid !== collid) {
      throw new PortalError(
        'portal-refused',
        `Record ${occid} belongs to another collection (${record.collid}); nothing was changed.`,
      );
    }
    return record;
  }

  /**
   * W1, the only audited write path (PROTOCOL §7.1). Posts exactly the fields being changed and lists exactly
   * those in `editedfields`: any other posted field would be written unlogged. No `collid`: the portal
   * derives it from the record and checks the user's rights against that collection (§7.1, §14).
   */
  async function save(
    occid: number,
    edited: string[],
    fields: [string, string][],
  ): Promise<Saved> {
    const response: PortalResponse = await http.postForm(EDITOR, [
      ['submitaction', 'saveOccurEdits'],
      ['occid', String(occid)],
      ['editedfields', edited.map((f) => `${f};`).join('')],
      ...fields,
    ]);
    if (response.redirected)
      throw new PortalError('not-logged-in', 'Your portal session has ended; nothing was saved.');
    const doc = parseHtml(response.text);
    const status = parseActionStatus(doc);
    if (status === null) {
      if (isRightsRefusal(doc)) throw refusedByRights();
      throw new PortalError('unexpected-response', 'The portal did not say whether the save worked.');
    }
    if (status.kind === 'queued') {
      throw new PortalError(
        'portal-refused',
        'The portal queued the change for review instead of saving it: your account may only suggest edits here.',
        status.message,
      );
    }
    if (status.kind === 'failed')
      throw new PortalError(
        'portal-refused',
        `The portal refused the save: ${status.message}`,
        status.message,
      );
    // Applied, or said in words this station does not know: the record on the page tells (INDEX §16–17).
    // A record another editor holds open shows no form after the save (rec. 3.1 16b): it is read again.
    return { shown: parseEditorRecord(doc, occid), unknownWords: status.kind === 'unknown' ? status.message : null };
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
    what: string,
  ): Promise<SpecimenRecord> {
    const after = shown ? { ...shown, images } : await current(collid, occid);
    if (check(after)) return after;
    if (unknownWords !== null)
      throw new PortalError(
        'portal-refused',
        `The portal answered "${unknownWords}", and record ${occid} does not show ${what}.`,
        unknownWords,
      );
    throw new PortalError(
      'unexpected-response',
      `The portal said the save worked, but record ${occid} does not show ${what}.`,
    );
  }

  /**
   * The merge and the comment form say nothing when the session has ended (PROTOCOL §9.1): they just do
   * nothing. Before calling that a refusal, ask an editor page, which redirects an expired session (§2.1).
   */
  async function sessionHasEnded(collid: number): Promise<boolean> {
    const probe = await http.get(EDITOR, [['collid', String(collid)]]);
    return probe.redirected;
  }

  return {
    async setCatalogNumber(collid, occid, barcode, status) {
      // The portal saves a barcode another record already holds (rec. 09e), so ask first (§8.1); the
      // record is read again at the same time, so a barcode set meanwhile is never overwritten.
      const [before, holders] = await Promise.all([
        current(collid, occid),
        barcodeInUse(collid, barcode, occid),
      ]);
      if (hasBarcode(before)) {
        throw new PortalError(
          'record-changed',
          `Record ${occid} already has barcode ${before.catalogNumber}; it was not overwritten.`,
        );
      }
      if (holders.length > 0) {
        throw new PortalError(
          'barcode-in-use',
          `Barcode ${barcode} is already on record ${holders.join(', ')}.`,
        );
      }
      const edited = ['catalognumber'];
      const fields: [string, string][] = [['catalognumber', barcode]];
      if (!sameStatus(before.processingStatus, status ?? before.processingStatus))
        withStatus(edited, fields, status);
      const shown = await save(occid, edited, fields);
      return confirm(
        collid,
        occid,
        shown,
        before.images,
        (r) => r.catalogNumber === barcode && showsStatus(r, status),
        `barcode ${barcode}`,
      );
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
        throw new PortalError(
          'record-changed',
          `Record ${occid} already has other catalog numbers (${held}); nothing was added.`,
        );
      }
      const edited = ['idvalue'];
      const fields: [string, string][] = [
        ['idkey[]', 'newidentifier'],
        ['idname[]', ''],
        ['idvalue[]', accession],
      ];
      withStatus(edited, fields, status);
      const shown = await save(occid, edited, fields);
      return confirm(
        collid,
        occid,
        shown,
        before.images,
        (r) => r.identifiers.some((i) => i.value === accession) && showsStatus(r, status),
        `accession ${accession}`,
      );
    },

    async setProcessingStatus(collid, occid, status) {
      const before = await current(collid, occid);
      const shown = await save(occid, ['processingstatus'], [['processingstatus', status]]);
      return confirm(
        collid,
        occid,
        shown,
        before.images,
        (r) => sameStatus(r.processingStatus, status),
        `status "${status}"`,
      );
    },

    async restoreValues(collid, occid, changes) {
      const before = await current(collid, occid);
      const holds = (c: ValueChange) =>
        c.field === 'catalognumber' ? before.catalogNumber : before.processingStatus;
      const same = (a: string | null, b: string | null) =>
        (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
      for (const change of changes) {
        if (!same(holds(change), change.wrote)) {
          throw new PortalError(
            'record-changed',
            `Record ${occid} now holds ${change.field === 'catalognumber' ? 'barcode' : 'status'} "${holds(change) ?? ''}", not "${change.wrote ?? ''}" as this station wrote it: it was changed since, so nothing was undone.`,
          );
        }
      }
      const restoring = changes.find((c) => c.field === 'catalognumber' && c.previous);
      if (restoring?.previous) {
        const holders = await barcodeInUse(collid, restoring.previous, occid);
        if (holders.length > 0)
          throw new PortalError(
            'barcode-in-use',
            `Barcode ${restoring.previous} is now on record ${holders.join(', ')}.`,
          );
      }
      // W1 turns '' into NULL (PROTOCOL §7.1), which is what an empty field held before.
      const shown = await save(
        occid,
        changes.map((c) => c.field),
        changes.map((c) => [c.field, c.previous ?? '']),
      );
      return confirm(
        collid,
        occid,
        shown,
        before.images,
        (r) =>
          changes.every((c) =>
            same(c.field === 'catalognumber' ? r.catalogNumber : r.processingStatus, c.previous),
          ),
        'the previous values',
      );
    },

    async mergeSkeletalIntoLegacy(collid, skeletalOccid, legacyOccid) {
      if (skeletalOccid === legacyOccid)
        throw new PortalError('portal-refused', 'A record cannot be merged into itself.');
      const [source, target] = [await current(collid, skeletalOccid), await current(collid, legacyOccid)];
      // The merge keeps the target's catalog number and drops the source's without a word (§9.3).
      if (hasBarcode(target)) {
        throw new PortalError(
          'record-changed',
          `Record ${legacyOccid} already has barcode ${target.catalogNumber}; merging would lose ${source.catalogNumber ?? 'the new barcode'}.`,
        );
      }
      if (target.images.length > 0 || (await imageCount(legacyOccid)) > 0) {
        throw new PortalError(
          'record-changed',
          `Record ${legacyOccid} already has an image; a supervisor must compare the sheets.`,
        );
      }
      const response = await http.get(MERGE, [
        ['submitaction', 'mergerecs'],
        ['curoccid', String(skeletalOccid)],
        ['occidmerge', String(legacyOccid)],
        ['collid', String(collid)],
        ['occidquery', `ocnum:${legacyOccid}`],
      ]);
      if (response.redirected)
        throw new PortalError('not-logged-in', 'Your portal session has ended; nothing was merged.');
      // Success shows only as onload="gotoMergedOccur(TGT)"; a refusal is the same page with onload="" (rec. 10a,
      // 10b). 3.0 answers onload="reloadParent();close()" either way (recorded-3.0 10a): the records tell.
      const doc = parseHtml(response.text);
      const onload = doc.body?.getAttribute('onload') ?? '';
      const saysMerged = onload.includes(`gotoMergedOccur(${legacyOccid})`);
      if (!saysMerged && !(/reloadParent/.test(onload) && (await reader.isGone(skeletalOccid)))) {
        const error = [...doc.querySelectorAll('[style*="red"]')]
          .map((e) => e.textContent?.trim())
          .find(Boolean);
        if (error) throw new PortalError('portal-refused', `The portal refused the merge: ${error}`, error);
        if (await sessionHasEnded(collid))
          throw new PortalError('not-logged-in', 'Your portal session has ended; nothing was merged.');
        throw new PortalError(
          'not-authorized',
          'The portal did not merge the records and gave no reason; usually this means you lack editor rights.',
        );
      }
      const [gone, merged] = [await reader.isGone(skeletalOccid), await reader.readCore(legacyOccid)];
      const problems: string[] = [];
      if (!gone) problems.push(`record ${skeletalOccid} still exists`);
      if (merged === null) problems.push(`record ${legacyOccid} is missing`);
      else {
        if (source.catalogNumber && merged.catalogNumber !== source.catalogNumber)
          problems.push(`record ${legacyOccid} does not carry barcode ${source.catalogNumber}`);
        const moved = source.images.every((img) => merged.images.some((m) => m.mediaId === img.mediaId));
        if (!moved) problems.push(`the image did not move to record ${legacyOccid}`);
      }
      if (problems.length > 0 || merged === null) {
        throw new PortalError(
          'merge-unconfirmed',
          `The portal reported the merge, but ${problems.join(' and ')}.`,
        );
      }
      return { merged };
    },

    async createRecord(collid, barcode, status, enteredBy) {
      const holders = await barcodeInUse(collid, barcode, 0);
      if (holders.length > 0)
        throw new PortalError(
          'barcode-in-use',
          `Barcode ${barcode} is already on record ${holders.join(', ')}.`,
        );
      // A new record has no collection yet, so collid is required here (rec. 13).
      const response = await http.postForm(EDITOR, [
        ['submitaction', 'addOccurRecord'],
        ['collid', String(collid)],
        ['catalognumber', barcode],
        ['processingstatus', status],
        ['recordenteredby', enteredBy],
      ]);
      if (response.redirected)
        throw new PortalError('not-logged-in', 'Your portal session has ended; no record was created.');
      const doc = parseHtml(response.text);
      const occid = Number(doc.querySelector('input[name="occid"]')?.getAttribute('value'));
      if (!Number.isInteger(occid) || occid <= 0) {
        if (isRightsRefusal(doc)) throw refusedByRights();
        const status = parseActionStatus(doc);
        throw new PortalError(
          'portal-refused',
          status
            ? `The portal did not create the record: ${status.message}`
            : 'The portal did not create the record.',
        );
      }
      return confirm(
        collid,
        occid,
        { shown: parseEditorRecord(doc, occid), unknownWords: null },
        [],
        (r) => r.catalogNumber === barcode,
        `barcode ${barcode}`,
      );
    },

    async addComment(occid, text) {
      const response = await http.postForm(RECORD_PAGE, [
        ['commentstr', text],
        ['occid', String(occid)],
        ['tabindex', '1'],
        ['formsubmit', 'submitComment'],
      ]);
      if (response.redirected)
        throw new PortalError('not-logged-in', 'Your portal session has ended; the comment was not posted.');
      const comments = parseComments(parseHtml(response.text));
      const normalised = text.replace(/\s+/g, ' ').trim();
      if (!comments.some((c) => c.text === normalised)) {
        if (await sessionHasEnded(0))
          throw new PortalError('not-logged-in', 'Your portal session has ended; the comment was not posted.');
        throw new PortalError(
          'portal-refused',
          `The portal did not list the comment on record ${occid} after posting it.`,
        );
      }
    },
  };
}
