import { useStore } from 'zustand';
import { useCallback } from 'react';
import { looksLikeBarcode } from '../../domain/barcode';
import { keepInJournal } from '../../journal/station-journal';
import { explain } from '../../portal/errors';
import { useStation } from '../../ui/station';
import { findRecords, readSheetQuery, type Candidate } from './find-record';
import { sheetQueryOf, type ImagingState, type ImagingEvents, type ImagingStore } from './imaging-store';
import { failureLine, saveLink, specimenLabel } from './link-actions';

/** The station's local date: label dates after it are refused as typos. */
export const localToday = (now = new Date()) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

export function useImaging<T>(store: ImagingStore, pick: (s: ImagingState & ImagingEvents) => T): T {
  return useStore(store, pick);
}

/** The portal work behind the screen's keys: search, save a link (in the background), retry. */
export function useImagingActions(store: ImagingStore) {
  const { portal, collid, config, username, journal, outbox } = useStation();

  const search = useCallback(async () => {
    const state = store.getState();
    const query = sheetQueryOf(state);
    if (query.kind === 'stamp' && looksLikeBarcode(query.stamp, config.barcode)) {
      const code = query.stamp.trim();
      const earlier = state.links.find((l) => code.includes(l.barcode));
      state.searchRefused(
        earlier
          ? `${earlier.barcode} was scanned again into the stamp field; it is already taken care of (${earlier.label}). Type the stamped number of the next specimen.`
          : `That is a barcode, not a stamped number. Type the number stamped on the sheet first; scan the barcode when the record is found.`,
      );
      state.queryTyped('stamp', '');
      return;
    }
    const rules = {
      accession: config.accession,
      labelDateOrder: config.labelDateOrder,
      today: localToday(),
    };
    const read = readSheetQuery(query, rules);
    if (!read.ok) {
      state.searchRefused(read.message);
      if (read.suggestion !== undefined && query.kind === 'stamp') state.queryTyped('stamp', read.suggestion);
      return;
    }
    state.searchStarted();
    try {
      state.searchFinished(await findRecords(portal, collid, query, read.value, rules));
    } catch (error) {
      store.getState().searchFailed(`The search did not finish. ${explain(error)}`);
    }
  }, [store, portal, collid, config]);

  const runLink = useCallback(
    async (id: number) => {
      const link = store.getState().links.find((l) => l.id === id);
      if (!link) return;
      const before = link.candidate?.record;
      const entry = (outcome: 'done' | 'failed', message: string) => ({
        at: new Date().toISOString(),
        user: username,
        collid,
        action: 'link' as const,
        occid: link.occid,
        barcode: link.barcode,
        before: {
          catalognumber: before?.catalogNumber ?? null,
          ...(config.linkedStatus ? { processingstatus: before?.processingStatus ?? null } : {}),
        },
        after: {
          catalognumber: link.barcode,
          ...(config.linkedStatus ? { processingstatus: config.linkedStatus } : {}),
        },
        outcome,
        message,
      });
      const journalFailed = (text: string) => store.getState().noticeShown('warning', text);
      try {
        const line = await saveLink(portal, collid, link, config.linkedStatus, (r) =>
          outbox.confirmedByReading(r),
        );
        store.getState().linkSettled(id, 'linked', line);
        await keepInJournal(journal, entry('done', line), journalFailed);
      } catch (error) {
        const line = failureLine(error, link);
        store.getState().linkSettled(id, 'failed', line);
        await keepInJournal(journal, entry('failed', line), journalFailed);
      }
    },
    [store, portal, collid, config.linkedStatus, username, journal, outbox],
  );

  /** The scan passed its checks: the save runs while the technician takes the next sheet. */
  const link = useCallback(
    (candidate: Candidate, barcode: string) => {
      const state = store.getState();
      const step = state.step;
      const label = specimenLabel(candidate.record, step.kind === 'scan' ? step.search : null);
      const id = state.linkStarted(
        {
          barcode,
          occid: candidate.record.occid,
          label,
          state: 'saving',
          candidate,
          search: step.kind === 'scan' ? step.search : null,
        },
        `Saving ${barcode} → ${label}…`,
      );
      void runLink(id);
    },
    [store, runLink],
  );

  const retry = useCallback(
    (id: number) => {
      store.getState().linkRetried(id);
      void runLink(id);
    },
    [store, runLink],
  );

  return { search, link, retry };
}
