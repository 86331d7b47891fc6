import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { readAccession } from '../../domain/accession';
import { looksLikeBarcode } from '../../domain/barcode';
import { ESCALATION_REASONS, type EscalationReason } from '../../domain/escalation';
import { previewMerge } from '../../domain/merge-preview';
import type { SpecimenRecord } from '../../domain/occurrence';
import { EXPERT_REQUIRED } from '../../domain/processing-status';
import { keepInJournal, type NewJournalEntry } from '../../journal/station-journal';
import { explain } from '../../portal/errors';
import { RecordCard } from '../../ui/record-card';
import { SessionList } from '../../ui/session-list';
import { SpecimenViewer } from '../../ui/specimen-viewer';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { useStepKeys } from '../../ui/use-step-keys';
import { useUnsavedGuard } from '../../ui/use-unsaved-guard';
import { useLabelHints, useSheetReading } from '../../ui/use-sheet-reading';
import { AccessionEntry, type Proposal } from './accession-entry';
import { CompareStep } from './compare-step';
import { EscalateStep } from './escalate-step';
import { findDuplicates, type Duplicate } from './find-duplicates';
import { candidatesOf, escalateSkeletal, mergeIntoLegacy } from './unprocessed-actions';
import { queuePosition, type UnprocessedStore } from './unprocessed-store';
import { leftTheQueue, useQueue } from './use-queue';

const REASON_FOR: Record<string, EscalationReason> = {
  'duplicate-has-image': 'duplicate-has-image',
  'duplicate-has-barcode': 'duplicate-has-barcode',
  'several-duplicates': 'several-candidates',
};

/** Option 2: page through the image records without an accession number, read the stamp, resolve duplicates. */
export function LinkUnprocessed({ store }: { store: UnprocessedStore }) {
  const { portal, collid, config, username, journal } = useStation();
  const step = useStore(store, (s) => s.step);
  const notice = useStore(store, (s) => s.notice);
  const accession = useStore(store, (s) => s.accession);
  const entries = useStore(store, (s) => s.entries);
  const loading = useStore(store, (s) => s.loading);
  const fetched = useStore(store, (s) => s.fetched);
  const totalLeft = useStore(store, (s) => s.totalLeft);
  const buffered = useStore(store, (s) => s.buffer);
  const position = queuePosition({ fetched, totalLeft, buffer: buffered });
  const events = store.getState();
  const { current, record, nextRecord, leave, retry: retryQueue } = useQueue(store);
  const queueError = useStore(store, (s) => s.queueError);
  useUnsavedGuard(entries.some((e) => e.state === 'saving'));
  const skeletal = record.data ?? null;
  const barcode = current?.catalogNumber ?? `record ${current?.occid ?? ''}`;

  // The station reads the sheet (stamp, barcode) while the technician looks at it, the next one meanwhile.
  const sheet = useSheetReading(skeletal, nextRecord ?? null);
  const stamp = sheet.reading?.stamp ?? null;
  const proposal: Proposal | null =
    stamp?.kind === 'proposal' ? { ...stamp.proposal, crop: sheet.reading?.stampCrop ?? null } : null;
  const imageBarcode = sheet.reading?.barcode ?? null;
  const mismatch = imageBarcode?.kind === 'mismatch' ? imageBarcode.shown : null;
  const readingNote =
    sheet.status === 'reading'
      ? 'Reading the stamp…'
      : sheet.problem
        ? sheet.problem
        : stamp?.kind === 'unread'
          ? `The stamp could not be read (${stamp.why}): type it.`
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
  const labelHints = useLabelHints(skeletal, step.kind === 'compare' || step.kind === 'merging');
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
        { tone: 'warning', text: `${barcode} was changed in the portal meanwhile (${why}); skipped.` },
        true,
      );
  }, [current, record.data, record.isFetched, record.isFetching, barcode, leave, store]);

  const journalEntry = (
    action: NewJournalEntry['action'],
    occid: number,
    rest: Partial<NewJournalEntry>,
  ) => ({
    at: new Date().toISOString(),
    user: username,
    collid,
    action,
    occid,
    barcode: current?.catalogNumber ?? null,
    before: {},
    after: {},
    outcome: 'done' as const,
    message: '',
    ...rest,
  });
  const journalFailed = (text: string) => events.noticeShown({ tone: 'warning', text });

  /** Starts a write for the record on screen and shows the next record at once (docs/decisions/006). */
  const inBackground = (
    label: string,
    write: () => Promise<string>,
    entry: (message: string, outcome: 'done' | 'failed') => NewJournalEntry,
    doneState: 'linked' | 'escalated',
  ) => {
    if (!current) return;
    const id = events.workStarted({
      barcode: current.catalogNumber ?? '',
      occid: current.occid,
      label,
      state: 'saving',
      message: null,
      reopenable: false,
      at: Date.now(),
    });
    const job = async () => {
      try {
        const message = await write();
        store.getState().workSettled(id, doneState, message);
        await keepInJournal(journal, entry(message, 'done'), journalFailed);
      } catch (error) {
        const message = `${current.catalogNumber ?? current.occid} (${label}) was not saved. ${explain(error)}`;
        store.getState().workSettled(id, 'failed', message);
        await keepInJournal(journal, entry(message, 'failed'), journalFailed);
      }
    };
    store.getState().jobs.set(id, job);
    leave({ tone: 'info', text: `Saving ${barcode}: ${label}…` }, false);
    void job();
  };

  const retry = (id: number) => {
    const job = store.getState().jobs.get(id);
    if (!job) return;
    store.getState().workSettled(id, 'saving', 'Trying again…');
    void job();
  };

  const escalate = (
    sheet: SpecimenRecord,
    reason: EscalationReason,
    value: string | null,
    duplicates: Duplicate[],
    note: string,
  ) =>
    inBackground(
      `Expert Required: ${ESCALATION_REASONS[reason]}${value ? `, accession ${value}` : ''}`,
      () =>
        escalateSkeletal(
          portal,
          collid,
          sheet,
          value,
          {
            reason,
            note: [value ? `stamp ${value}` : null, note.trim() || null].filter(Boolean).join('; '),
            candidates: candidatesOf(duplicates),
          },
          config.escalationComments,
        ),
      (message, outcome) =>
        journalEntry('escalation', sheet.occid, {
          before: {
            processingstatus: sheet.processingStatus,
            ...(value ? { othercatalognumbers: null } : {}),
          },
          after: { processingstatus: EXPERT_REQUIRED, ...(value ? { othercatalognumbers: value } : {}) },
          outcome,
          message,
        }),
      'escalated',
    );

  const submit = async () => {
    if (!skeletal || !current) return;
    if (mismatch && mismatchConfirmed.current !== skeletal.occid) {
      mismatchConfirmed.current = skeletal.occid;
      events.noticeShown({
        tone: 'warning',
        text: `Not linked yet: the image shows barcode ${mismatch.join(', ')}, but this record's Catalog Number is ${skeletal.catalogNumber ?? 'empty'}, so the image may belong to another record. F7 sends it to a supervisor (the image shows barcode ${mismatch.join(', ')}); Enter again links it anyway.`,
      });
      return;
    }
    if (looksLikeBarcode(accession, config.barcode)) {
      events.accessionTyped('');
      events.noticeShown({
        tone: 'warning',
        text: `That is a barcode, not the stamped number. Type the accession number stamped on the sheet.`,
      });
      return;
    }
    const read = readAccession(accession, config.accession);
    if (!read.ok) {
      events.noticeShown({ tone: 'warning', text: read.message });
      if (read.suggestion !== undefined) events.accessionTyped(read.suggestion);
      return;
    }
    events.checkStarted();
    try {
      const check = await findDuplicates(portal, collid, read.value, skeletal.occid, config.accession);
      const decision = check.decision;
      events.noticeShown({ tone: 'info', text: check.description });
      if (decision.action === 'save-accession') {
        events.checkFinished();
        const value = read.value.value;
        inBackground(
          `accession ${value}`,
          async () => {
            const saved = await portal.addAccession(
              collid,
              skeletal.occid,
              value,
              config.linkedStatus ?? undefined,
            );
            return `${saved.catalogNumber ?? barcode} → accession ${value}. Saved in the portal (record ${saved.occid}).`;
          },
          (message, outcome) =>
            journalEntry('accession', skeletal.occid, {
              before: {
                othercatalognumbers: null,
                ...(config.linkedStatus ? { processingstatus: skeletal.processingStatus } : {}),
              },
              after: {
                othercatalognumbers: value,
                ...(config.linkedStatus ? { processingstatus: config.linkedStatus } : {}),
              },
              outcome,
              message,
            }),
          'linked',
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
      events.noticeShown({ tone: 'error', text: `The duplicate check did not finish. ${explain(error)}` });
    }
  };

  const merge = async () => {
    const s = store.getState().step;
    if (s.kind !== 'compare' || !skeletal) return;
    events.stepChanged({ ...s, kind: 'merging' });
    try {
      const result = await mergeIntoLegacy(
        portal,
        collid,
        skeletal,
        s.legacy.record,
        config.linkedStatus,
        username,
      );
      await keepInJournal(journal, result.journal, journalFailed);
      events.workStarted({
        barcode: skeletal.catalogNumber ?? '',
        occid: result.merged.occid,
        label: `merged into record ${result.merged.occid} (accession ${s.check.accession.value})`,
        state: 'merged',
        message: result.statusNote,
        reopenable: false,
        at: Date.now(),
      });
      events.stepChanged({ kind: 'merged', merged: result.merged, statusNote: result.statusNote });
      events.noticeShown({
        tone: 'success',
        text: `Merged: ${skeletal.catalogNumber ?? ''} and its image are now on record ${result.merged.occid}. ${result.statusNote}`,
      });
    } catch (error) {
      events.stepChanged(s);
      events.noticeShown({ tone: 'error', text: `Not merged. ${explain(error)}` });
    }
  };

  useStepKeys({ Enter: () => leave(null, false) }, { active: step.kind === 'merged' });

  if (!current) {
    return (
      <div className="screen unprocessed">
        <h1 className="screen-title">Link unprocessed records</h1>
        {notice ? <StatusLine tone={notice.tone}>{notice.text}</StatusLine> : null}
        {queueError ? (
          <div className="panel">
            <button type="button" onClick={retryQueue}>
              Read the queue again
            </button>
          </div>
        ) : loading || fetched === null ? (
          <p className="panel">Reading the queue from the portal…</p>
        ) : (
          <div className="panel">
            <h2>Nothing left in the queue</h2>
            <p>
              No unprocessed record without an accession number comes after{' '}
              {store.getState().cursor ?? 'the start'}.
            </p>
            <button type="button" onClick={events.queueRestarted}>
              Start again from the first record
            </button>
          </div>
        )}
        <SessionList links={entries} onRetry={retry} onReopen={() => undefined} />
      </div>
    );
  }

  const image = skeletal?.images[0] ?? null;
  return (
    <div className="screen unprocessed">
      <h1 className="screen-title">Link unprocessed records</h1>
      <div className="unprocessed-layout">
        <SpecimenViewer image={image} nextImage={nextRecord?.images[0] ?? null} label={`Sheet ${barcode}`} />
        <div
          className="unprocessed-panel"
          data-sheet-reading={sheet.status}
          data-read-ms={sheet.reading ? Math.round(sheet.reading.ms) : undefined}
          data-image-barcode={imageBarcode?.kind}
        >
          <p className="queue-position" aria-live="polite">
            <strong>{barcode}</strong>{' '}
            {position
              ? `· ${position.position.toLocaleString('en')} of ${position.left.toLocaleString('en')} left`
              : null}
          </p>
          {notice ? <StatusLine tone={notice.tone}>{notice.text}</StatusLine> : null}
          {mismatch && skeletal ? (
            <StatusLine tone="warning">
              The image shows barcode {mismatch.join(', ')}, but this record&apos;s Catalog Number is{' '}
              {skeletal.catalogNumber ?? 'empty'}: check before linking. <kbd>F7</kbd> Expert Required.
            </StatusLine>
          ) : imageBarcode?.kind === 'unreadable' ? (
            <p className="hint">No barcode could be read in the image.</p>
          ) : null}
          {record.isError ? <StatusLine tone="error">{explain(record.error)}</StatusLine> : null}
          {step.kind === 'enter' || step.kind === 'checking' ? (
            <AccessionEntry
              value={accession}
              proposal={proposal}
              readingNote={readingNote}
              busy={step.kind === 'checking' || !skeletal}
              onType={events.accessionTyped}
              onSubmit={() => void submit()}
              onNoStamp={() => skeletal && escalate(skeletal, 'no-stamp', null, [], '')}
              onEscalate={() => {
                const read = readAccession(accession, config.accession);
                events.stepChanged({
                  kind: 'escalate',
                  reason: mismatch ? 'image-barcode' : 'stamp-illegible',
                  accession: read.ok ? read.value.value : null,
                  duplicates: [],
                  back: { kind: 'enter' },
                  ...(mismatch ? { note: `image shows barcode ${mismatch.join(', ')}` } : {}),
                });
              }}
              onSkip={() =>
                leave({ tone: 'info', text: `${barcode} left for later: it stays in the queue.` }, true)
              }
            />
          ) : null}
          {step.kind === 'compare' || step.kind === 'merging' ? (
            <CompareStep
              step={step}
              linkedStatus={config.linkedStatus}
              labelHints={labelHints}
              dateOrder={config.labelDateOrder}
              today={new Date().toISOString().slice(0, 10)}
              onMerge={() => void merge()}
              onEscalate={() =>
                step.kind === 'compare' &&
                events.stepChanged({
                  kind: 'escalate',
                  reason: 'data-mismatch',
                  accession: step.check.accession.value,
                  duplicates: [step.legacy],
                  back: step,
                })
              }
              onBack={() => events.stepChanged({ kind: 'enter' })}
            />
          ) : null}
          {step.kind === 'escalate' && skeletal ? (
            <EscalateStep
              reason={step.reason}
              accession={step.accession}
              duplicates={step.duplicates}
              commentsOn={config.escalationComments}
              initialNote={step.note}
              onSubmit={(reason, note) => escalate(skeletal, reason, step.accession, step.duplicates, note)}
              onBack={() => events.stepChanged(step.back)}
            />
          ) : null}
          {step.kind === 'merged' ? (
            <section className="step-panel" aria-labelledby="merged-heading">
              <h2 id="merged-heading">Merged into record {step.merged.occid}</h2>
              <RecordCard record={step.merged} title="Merged record" />
              <p>{step.statusNote}</p>
              <button type="button" onClick={() => leave(null, false)} aria-keyshortcuts="Enter">
                Next record <kbd>Enter</kbd>
              </button>
            </section>
          ) : null}
        </div>
      </div>
      <SessionList links={entries} onRetry={retry} onReopen={() => undefined} />
    </div>
  );
}
