import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { readAccession } from '../../domain/accession';
import { readBarcode } from '../../domain/barcode';
import { hasBarcode } from '../../domain/occurrence';
import { said, type Said, type SaidValue } from '../../domain/said';
import { rowWords, taskRow, type TaskRow } from '../../domain/task-rows';
import { useSay } from '../../i18n/use-say';
import { saidOf } from '../../portal/errors';
import type { Action } from '../../ui/actions';
import { useStation } from '../../ui/station';
import { useLabelHints, useSheetReading } from '../../ui/use-sheet-reading';
import { caseQueries } from './queries';
import type { ReviewCase } from './review-cases';
import { resolutionTask, type Resolution } from './resolutions';

type DecisionKey = 'm' | 'a' | 'b' | 'u' | 'r';

/** A resolved case, for the queue's line: the record and the decision's row (worded where it is shown). */
export interface CaseOutcome {
  barcode: string | null;
  occid: number;
  row: TaskRow;
}

/** Why no merge is possible (`review.no-merge`): the candidate's barcode or image, or no candidate at all. */
type MergeBlocked = Record<string, SaidValue>;

/**
 * The controller of a Review case: the record, its candidates, the stamp read off its sheet, and the
 * resolutions as actions (each a task for the outbox). A key pressed while the case is still being read is
 * kept and applied once it is read; one pressed while a decision is written is answered at once.
 */
export function useCase(
  reviewCase: ReviewCase,
  onClose: (outcome: CaseOutcome | null) => void,
  /** The screen's entry field and panel: focus follows the step. */
  field: RefObject<HTMLInputElement | null>,
  panel: RefObject<HTMLElement | null>,
) {
  const say = useSay();
  const { portal, collid, config, username, outbox } = useStation();
  const occid = reviewCase.summary.occid;
  const note = reviewCase.escalation?.note ?? '';
  const queries = caseQueries(portal, collid, config.accession);
  const record = useQuery(queries.record(occid));
  const candidates = useQuery({
    ...queries.candidates(occid, record.data ?? null, note),
    enabled: !!record.data,
  });
  const [highlighted, setHighlighted] = useState(0);
  const [entry, setEntry] = useState<'accession' | 'barcode' | null>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<Said[] | null>(null);
  useEffect(() => {
    if (entry) field.current?.focus();
    else panel.current?.focus();
  }, [entry, field, panel]);

  const caseRecord = record.data ?? null;
  const list = candidates.data ?? [];
  const candidate = list[highlighted] ?? null;
  const mergeBlocked: MergeBlocked | null = candidate
    ? hasBarcode(candidate.record)
      ? { reason: 'barcode', occid: candidate.record.occid, barcode: candidate.record.catalogNumber }
      : candidate.record.images.length > 0
        ? { reason: 'image', occid: candidate.record.occid, barcode: null }
        : null
    : { reason: 'no-candidate', occid: null, barcode: null };

  // The stamp read off the case's sheet: proposed when the supervisor sets the accession (A).
  // Only what the readings alone bear out: a number the portal's record confirms is a number another record
  // holds, and Review's A writes it straight onto this record (that case is a merge, not an accession).
  const sheet = useSheetReading(caseRecord, null, false);
  const stamp = sheet.reading?.stamp ?? null;
  const proposal = stamp?.kind === 'proposal' ? stamp.proposal : null;
  const imageBarcode = sheet.reading?.barcode ?? null;
  // After the sheet's reading, which says which way up the scan is.
  const labelHints = useLabelHints(caseRecord, sheet.status !== 'reading', sheet.reading?.turn ?? null);

  /** Shows the field and focuses it before the next key arrives, so a fast typist loses no digit. */
  const openEntry = (kind: 'accession' | 'barcode') => {
    flushSync(() => {
      setEntry(kind);
      if (kind === 'accession' && proposal && value === '') setValue(proposal.value);
    });
    field.current?.focus();
    if (kind === 'accession' && proposal) field.current?.select();
  };

  /** The resolution as a task; the case closes once its decision is in the portal. */
  const resolve = async (resolution: Resolution) => {
    if (!caseRecord || busy) return;
    setProblem(null);
    let id: string;
    try {
      id = outbox.submit(resolutionTask(collid, caseRecord, resolution, username, config.escalationComments));
    } catch (error) {
      setProblem([said('review.not-resolved'), saidOf(error)]);
      return;
    }
    setBusy(id);
    const task = await outbox.whenDecided(id);
    const row = taskRow(task);
    if (row.state === 'failed') {
      outbox.forget(id);
      setBusy(null);
      setProblem([said('review.not-resolved'), ...rowWords(row)]);
      return;
    }
    onClose({ barcode: caseRecord.catalogNumber, occid, row });
  };

  const submitEntry = () => {
    if (entry === 'accession') {
      const read = readAccession(value, config.accession);
      if (!read.ok) return setProblem([read.problem]);
      void resolve({ kind: 'accession', value: read.value.value });
    } else if (entry === 'barcode') {
      const read = readBarcode(value, config.barcode);
      if (!read.ok) return setProblem([read.problem]);
      void resolve({ kind: 'barcode', value: read.value });
    }
  };

  /** The resolutions by key, as the case stands now. */
  const decisions: Record<DecisionKey, () => void> = {
    m: () => {
      if (candidate && mergeBlocked === null) void resolve({ kind: 'merge', into: candidate.record });
      else setProblem([said('review.no-merge', mergeBlocked ?? { reason: 'no-candidate' })]);
    },
    a: () => openEntry('accession'),
    b: () => {
      if (caseRecord && !hasBarcode(caseRecord)) openEntry('barcode');
      else
        setProblem([
          said('review.problem.no-barcode-to-set', { occid, barcode: caseRecord?.catalogNumber ?? null }),
        ]);
    },
    u: () => void resolve({ kind: 'send-back' }),
    r: () => void resolve({ kind: 'reviewed' }),
  };
  const [queued, setQueued] = useState<DecisionKey | null>(null);
  const readyFor = (key: DecisionKey) => (key === 'm' ? candidates.isSuccess : caseRecord !== null);
  const press = (key: DecisionKey) => {
    if (busy) return setProblem([said('review.problem.still-writing', { key: key.toUpperCase() })]);
    if (record.isError) return setProblem([said('review.problem.not-read', { key: key.toUpperCase() })]);
    if (!readyFor(key)) return setQueued(key);
    decisions[key]();
  };
  const latest = useRef({ decisions, readyFor });
  useEffect(() => {
    latest.current = { decisions, readyFor };
  });
  const recordRead = caseRecord !== null;
  useEffect(() => {
    if (queued === null || !latest.current.readyFor(queued)) return;
    // Applied once the render that brought the data has settled, with the case as it now stands.
    queueMicrotask(() => {
      setQueued(null);
      latest.current.decisions[queued]();
    });
  }, [queued, recordRead, candidates.isSuccess]);

  const actions: Action[] = [
    {
      key: 'm',
      label: say('review.action.merge', { occid: candidate?.record.occid ?? null }),
      run: () => press('m'),
      disabled: busy !== null || mergeBlocked !== null,
    },
    { key: 'a', label: say('review.action.accession'), run: () => press('a'), disabled: busy !== null },
    {
      key: 'b',
      label: say('review.action.barcode'),
      run: () => press('b'),
      disabled: busy !== null || !caseRecord || hasBarcode(caseRecord),
    },
    { key: 'u', label: say('review.action.send-back'), run: () => press('u'), disabled: busy !== null },
    { key: 'r', label: say('review.action.reviewed'), run: () => press('r'), disabled: busy !== null },
    {
      key: 'Escape',
      keyLabel: 'Esc',
      label: say('review.action.back'),
      inFields: true,
      run: () => (entry ? setEntry(null) : onClose(null)),
    },
  ];
  const listKeys: Action[] = [
    {
      key: 'ArrowDown',
      label: null,
      run: () => list.length && setHighlighted((highlighted + 1) % list.length),
    },
    {
      key: 'ArrowUp',
      label: null,
      run: () => list.length && setHighlighted((highlighted - 1 + list.length) % list.length),
    },
  ];

  return {
    occid,
    record,
    caseRecord,
    candidates,
    list,
    highlighted,
    candidate,
    mergeBlocked,
    sheet,
    proposal,
    imageBarcode,
    labelHints,
    entry,
    value,
    setValue,
    submitEntry,
    busy,
    queued,
    problem,
    actions,
    listKeys,
  };
}
