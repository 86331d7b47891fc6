import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { readAccession } from '../../domain/accession';
import { looksLikeBarcode } from '../../domain/barcode';
import type { EscalationReason } from '../../domain/escalation';
import { previewMerge } from '../../domain/merge-preview';
import type { SpecimenRecord } from '../../domain/occurrence';
import { said } from '../../domain/said';
import { rowWords, taskRow } from '../../domain/task-rows';
import { told, type Told } from '../../i18n/told';
import { explained } from '../../portal/errors';
import { useOutboxView } from '../../ui/outbox-status';
import { useSessionRows } from '../../ui/session-list';
import { useStation } from '../../ui/station';
import { useDecidedTasks } from '../../ui/use-decided-tasks';
import { useLabelHints, useSheetReading } from '../../ui/use-sheet-reading';
import type { Proposal } from './accession-entry';
import { findDuplicates, type Duplicate } from './find-duplicates';
import { accessionTask, candidatesOf, escalationTask, mergeTask } from './unprocessed-actions';
import { queuePosition, type UnprocessedStore } from './unprocessed-store';
import { leftTheQueue, useQueue } from './use-queue';

const REASON_FOR: Record<string, EscalationReason> = {
  'duplicate-has-image': 'duplicate-has-image',
  'duplicate-has-barcode': 'duplicate-has-barcode',
  'several-duplicates': 'several-candidates',
};

/**
 * The controller of Option 2: the queue, the sheet's reading, the duplicate check and every decision as a
 * task for the outbox. The screen renders what this returns and calls its actions.
 */
export function useUnprocessed(store: UnprocessedStore) {
  const { portal, collid, config, outbox } = useStation();
  const step = useStore(store, (s) => s.step);
  const accession = useStore(store, (s) => s.accession);
  const loading = useStore(store, (s) => s.loading);
  const fetched = useStore(store, (s) => s.fetched);
  const totalLeft = useStore(store, (s) => s.totalLeft);
  const buffered = useStore(store, (s) => s.buffer);
  const skipped = useStore(store, (s) => s.skipped);
  const announced = useStore(store, (s) => s.notice?.taskId ?? null);
  const position = queuePosition({ fetched, totalLeft, buffer: buffered });
  const events = store.getState();
  const { current, record, nextRecord, leave, retry: retryQueue } = useQueue(store);
  const rows = useSessionRows('unprocessed');
  const view = useOutboxView(outbox);
  const skeletal = record.data ?? null;
  /** The sheet on screen as the messages name it: its barcode, else its record number. */
  const sheetName = said('unprocessed.sheet', {
    barcode: current?.catalogNumber ?? null,
    occid: String(current?.occid ?? ''),
  });

  // The station reads the sheet (stamp, barcode) while the technician looks at it, the next one meanwhile.
  const sheet = useSheetReading(skeletal, nextRecord ?? null);
  const stamp = sheet.reading?.stamp ?? null;
  const proposal: Proposal | null =
    stamp?.kind === 'proposal' ? { ...stamp.proposal, crop: sheet.reading?.stampCrop ?? null } : null;
  const imageBarcode = sheet.reading?.barcode ?? null;
  const mismatch = imageBarcode?.kind === 'mismatch' ? imageBarcode.shown : null;
  const readingNote: Told | string | null =
    sheet.status === 'reading'
      ? told('unprocessed.reading.busy')
      : sheet.problem
        ? sheet.problem
        : stamp?.kind === 'unread'
          ? told('unprocessed.reading.unread', {}, { why: stamp.why })
          : null;
  // A proposal goes into an empty field once per sheet; what the technician typed is never replaced.
  const proposedFor = useRef<number | null>(null);
  const proposalValue = proposal?.value ?? null;
  const occid = skeletal?.occid ?? null;
  useEffect(() => {
    if (proposalValue === null || occid === null || proposedFor.current === occid) return;
    const state = store.getState();
    if (state.step.kind !== 'enter' || state.accession !== '') return;
    proposedFor.current = occid;
    state.accessionTyped(proposalValue);
  }, [proposalValue, occid, store]);
  const labelHints = useLabelHints(
    skeletal,
    step.kind === 'compare' || step.kind === 'merging',
    sheet.reading?.turn ?? null,
  );
  // A barcode mismatch holds the link until the technician presses Enter a second time on purpose.
  const mismatchConfirmed = useRef<number | null>(null);

  // A record someone else changed meanwhile is not ours to touch: skip it and say why.
  useEffect(() => {
    if (!current || !record.isFetched || record.isFetching || store.getState().step.kind !== 'enter') return;
    if (
      record.data === undefined ||
      (record.data?.occid !== undefined && record.data.occid !== current.occid)
    )
      return;
    const why = leftTheQueue(record.data);
    if (why)
      leave(
        {
          tone: 'warning',
          words: [
            told(
              'unprocessed.notice.changed',
              {},
              {
                sheet: said('unprocessed.sheet', {
                  barcode: current.catalogNumber ?? null,
                  occid: String(current.occid),
                }),
                why,
              },
            ),
          ],
        },
        true,
      );
  }, [current, record.data, record.isFetched, record.isFetching, leave, store]);

  // A task's outcome replaces the notice that announced it; a failure is said whenever it comes.
  useDecidedTasks(view.tasks, 'unprocessed', announced, (task, row) =>
    store
      .getState()
      .taskDecided(task.id, row.state === 'failed' ? 'error' : 'success', [
        told(
          'unprocessed.notice.decided',
          { which: row.barcode ?? String(row.occid ?? '') },
          { label: row.label },
        ),
        ...rowWords(row),
      ]),
  );

  /** A decision on the record on screen: a task for the outbox, and the next record at once (decision 006). */
  const handOver = (id: string, code: string, accession: string | null) =>
    events.recordHandedOver(id, told(code, { accession }, { sheet: sheetName }));

  const escalate = (
    sheetRecord: SpecimenRecord,
    reason: EscalationReason,
    value: string | null,
    duplicates: Duplicate[],
    note: string,
  ) => {
    const id = outbox.submit(
      escalationTask(
        collid,
        sheetRecord,
        value,
        {
          reason,
          note: [value ? `stamp ${value}` : null, note.trim() || null].filter(Boolean).join('; '),
          candidates: candidatesOf(duplicates),
        },
        config.escalationComments,
      ),
    );
    handOver(id, 'unprocessed.notice.saving-escalation', value);
  };

  const submit = async () => {
    if (!skeletal || !current) return;
    if (mismatch && mismatchConfirmed.current !== skeletal.occid) {
      mismatchConfirmed.current = skeletal.occid;
      events.noticeShown({
        tone: 'warning',
        words: [
          told('unprocessed.notice.image-barcode', {
            shown: mismatch.join(', '),
            catalogNumber: skeletal.catalogNumber,
          }),
        ],
      });
      return;
    }
    if (looksLikeBarcode(accession, config.barcode)) {
      events.accessionTyped('');
      events.noticeShown({ tone: 'warning', words: [told('unprocessed.notice.barcode-not-stamp')] });
      return;
    }
    const read = readAccession(accession, config.accession);
    if (!read.ok) {
      events.noticeShown({ tone: 'warning', words: [read.problem] });
      if (read.suggestion !== undefined) events.accessionTyped(read.suggestion);
      return;
    }
    events.checkStarted();
    try {
      const check = await findDuplicates(portal, collid, read.value, skeletal.occid, config.accession);
      const decision = check.decision;
      events.noticeShown({ tone: 'info', words: [check.description] });
      if (decision.action === 'save-accession') {
        events.checkFinished();
        const value = read.value.value;
        handOver(
          outbox.submit(accessionTask(collid, skeletal, value, config.linkedStatus)),
          'unprocessed.notice.saving-accession',
          value,
        );
      } else if (decision.action === 'expert-required') {
        events.checkFinished();
        escalate(skeletal, REASON_FOR[decision.reason] ?? 'other', read.value.value, check.duplicates, '');
      } else {
        const legacy = check.duplicates[0]!;
        events.stepChanged({
          kind: 'compare',
          check,
          legacy,
          preview: previewMerge(legacy.record, skeletal),
        });
      }
    } catch (error) {
      events.checkFinished();
      events.noticeShown({ tone: 'error', words: [told('unprocessed.check.failed'), ...explained(error)] });
    }
  };

  /** The merge waits for its outcome on screen: the technician sees the merged record before going on. */
  const merge = async () => {
    const s = store.getState().step;
    if (s.kind !== 'compare' || !skeletal) return;
    events.stepChanged({ ...s, kind: 'merging' });
    const id = outbox.submit(
      mergeTask(collid, skeletal, s.legacy.record, s.check.accession.value, config.linkedStatus),
    );
    const task = await outbox.whenDecided(id);
    const row = taskRow(task);
    if (row.state === 'failed') {
      outbox.forget(id);
      events.stepChanged(s);
      events.noticeShown({ tone: 'error', words: [told('unprocessed.merge.failed'), ...rowWords(row)] });
      return;
    }
    const note = rowWords(row);
    events.stepChanged({
      kind: 'merged',
      target: s.legacy.record.occid,
      note,
      problem: row.state !== 'merged',
    });
    events.noticeShown({
      tone: row.state === 'merged' ? 'success' : 'warning',
      words: [
        told('unprocessed.merge.done', {
          barcode: skeletal.catalogNumber ?? '',
          occid: String(s.legacy.record.occid),
        }),
        ...note,
      ],
    });
  };

  /**
   * F7 before any check: the number in the field is not saved (it was not checked for duplicates, and a
   * proposal the technician did not accept is the station's reading, not theirs); it goes into the note for
   * the supervisor, who sets the accession with A, checked.
   */
  const openEscalation = () => {
    const typed = accession.trim();
    const seen =
      typed === ''
        ? null
        : typed === proposalValue
          ? `stamp proposed by the station: ${typed}`
          : `stamp typed: ${typed}`;
    const note = [mismatch ? `image shows barcode ${mismatch.join(', ')}` : null, seen]
      .filter(Boolean)
      .join('; ');
    events.stepChanged({
      kind: 'escalate',
      reason: mismatch ? 'image-barcode' : null,
      accession: null,
      duplicates: [],
      back: { kind: 'enter' },
      ...(note ? { note } : {}),
    });
  };

  return {
    current,
    record,
    skeletal,
    nextRecord,
    sheetName,
    position,
    loading,
    fetched,
    rows,
    skipped,
    sheet,
    proposal,
    readingNote,
    imageBarcode,
    mismatch,
    labelHints,
    retryQueue,
    submit,
    merge,
    escalate,
    openEscalation,
    skip: () =>
      leave({ tone: 'info', words: [told('unprocessed.notice.skipped', {}, { sheet: sheetName })] }, true),
    next: () => leave(null, false),
  };
}
