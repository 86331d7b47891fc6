import { useStore } from 'zustand';
import { useCallback } from 'react';
import { looksLikeBarcode } from '../../domain/barcode';
import { rowWords, taskRow } from '../../domain/task-rows';
import { told, type Told } from '../../i18n/told';
import { explained } from '../../portal/errors';
import { useOutboxView } from '../../ui/outbox-status';
import { useSessionRows } from '../../ui/session-list';
import { useStation } from '../../ui/station';
import { useDecidedTasks } from '../../ui/use-decided-tasks';
import { findRecords, readSheetQuery, type Candidate, type SearchOutcome } from './find-record';
import type { EscalationInput } from './escalate-form';
import {
  sheetQueryOf,
  type ImagingState,
  type ImagingEvents,
  type ImagingStore,
  type LinkReopen,
} from './imaging-store';
import {
  escalationCandidates,
  escalationTask,
  linkTask,
  readScan,
  searchContext,
  specimenLabel,
} from './link-actions';

/** The station's local date: label dates after it are refused as typos. */
export const localToday = (now = new Date()) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

export function useImaging<T>(store: ImagingStore, pick: (s: ImagingState & ImagingEvents) => T): T {
  return useStore(store, pick);
}

/**
 * The controller of Option 1: search, link (a task for the outbox, in the background), escalate, reopen.
 * The screen renders; this runs the workflow.
 */
export function useImagingActions(store: ImagingStore) {
  const { portal, collid, config, username, outbox } = useStation();
  const rows = useSessionRows('imaging');
  const view = useOutboxView(outbox);

  // A link's outcome replaces the notice that announced it; a failure is said whenever it comes.
  const announced = useStore(store, (s) => s.notice?.taskId ?? null);
  useDecidedTasks(view.tasks, 'imaging', announced, (task, row) =>
    store
      .getState()
      .linkDecided(task.id, row.state === 'failed' ? 'error' : 'success', [
        told('imaging.notice.decided', { barcode: row.barcode }, { label: row.label }),
        ...rowWords(row),
      ]),
  );

  const search = useCallback(async () => {
    const state = store.getState();
    const query = sheetQueryOf(state);
    if (query.kind === 'stamp' && looksLikeBarcode(query.stamp, config.barcode)) {
      const code = query.stamp.trim();
      const earlier = rows.find((r) => r.barcode !== null && code.includes(r.barcode));
      state.searchRefused([
        earlier
          ? told('imaging.search.barcode-again', { barcode: earlier.barcode }, { label: earlier.label })
          : told('imaging.search.barcode-not-stamp'),
      ]);
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
      state.searchRefused([read.problem]);
      if (read.suggestion !== undefined && query.kind === 'stamp') state.queryTyped('stamp', read.suggestion);
      return;
    }
    state.searchStarted();
    try {
      state.searchFinished(await findRecords(portal, collid, query, read.value, rules));
    } catch (error) {
      store.getState().searchFailed([told('imaging.search.failed'), ...explained(error)]);
    }
  }, [store, portal, collid, config, rows]);

  /**
   * The scan passed the station's own checks: the link is a task, and the Find field is ready at once; the
   * portal's barcode check and the save follow in the background (docs/decisions/006).
   */
  const scan = useCallback(
    (candidate: Candidate, raw: string): Told | null => {
      const checked = readScan(raw, config.barcode, rows);
      if (!checked.ok) return checked.problem;
      const step = store.getState().step;
      const searched = step.kind === 'scan' ? step.search : null;
      const barcode = checked.value;
      const id = outbox.submit(linkTask(collid, candidate, searched, barcode, config.linkedStatus));
      store
        .getState()
        .linkSubmitted(
          id,
          told('imaging.notice.saving', { barcode }, { label: specimenLabel(candidate.record, searched) }),
        );
      return null;
    },
    [store, outbox, collid, config.barcode, config.linkedStatus, rows],
  );

  /** The escalation is written before the form closes: its record must exist for the supervisor. */
  const escalate = useCallback(
    async (
      search: SearchOutcome,
      candidates: Candidate[],
      input: EscalationInput,
    ): Promise<Told[] | null> => {
      const checked = readScan(input.barcode, config.barcode, rows);
      if (!checked.ok) return [checked.problem];
      const barcode = checked.value;
      const context = searchContext(search);
      const id = outbox.submit(
        escalationTask(
          collid,
          username,
          {
            barcode,
            context,
            escalation: {
              reason: input.reason,
              note: input.note,
              candidates: escalationCandidates(candidates),
            },
          },
          config.escalationComments,
          search.accession?.value ?? null,
        ),
      );
      const task = await outbox.whenDecided(id);
      const row = taskRow(task);
      if (row.state === 'failed') {
        outbox.forget(id);
        return [told('imaging.escalate.nothing'), ...rowWords(row)];
      }
      store
        .getState()
        .escalated(
          [told('imaging.escalate.done', { barcode }), ...rowWords(row)],
          row.problemAfter ? 'warning' : 'success',
        );
      return null;
    },
    [store, outbox, collid, username, config.barcode, config.escalationComments, rows],
  );

  const reopen = useCallback(
    (id: string) => {
      const task = outbox.view().tasks.find((t) => t.id === id);
      const saved = task?.reopen as LinkReopen | null | undefined;
      if (!task || !saved || task.decision.kind !== 'link') return;
      outbox.forget(id);
      store
        .getState()
        .linkReopened(
          saved,
          told(
            'imaging.notice.reopened',
            { barcode: task.decision.barcode },
            { label: specimenLabel(saved.candidate.record, saved.search) },
          ),
        );
    },
    [store, outbox],
  );

  return { search, scan, escalate, reopen, rows };
}
