import { useQuery } from '@tanstack/react-query';
import { useStore } from 'zustand';
import { explain } from '../../portal/errors';
import { RecordCard } from '../../ui/record-card';
import { SessionList } from '../../ui/session-list';
import { SpecimenViewer } from '../../ui/specimen-viewer';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { useStepKeys } from '../../ui/use-step-keys';
import { AccessionEntry } from './accession-entry';
import { CompareStep } from './compare-step';
import { EscalateStep } from './escalate-step';
import type { UnprocessedStore } from './unprocessed-store';
import { recordQuery } from './use-queue';
import { useUnprocessed } from './use-unprocessed';

/** The merged record, read again once the merge task is decided. */
function MergedStep({ target, note, onNext }: { target: number; note: string; onNext: () => void }) {
  const { portal } = useStation();
  const merged = useQuery(recordQuery(portal, target));
  useStepKeys({ Enter: onNext });
  return (
    <section className="step-panel" aria-labelledby="merged-heading">
      <h2 id="merged-heading">Merged into record {target}</h2>
      {merged.data ? <RecordCard record={merged.data} title="Merged record" /> : null}
      <p>{note}</p>
      <button type="button" onClick={onNext} aria-keyshortcuts="Enter">
        Next record <kbd>Enter</kbd>
      </button>
    </section>
  );
}

/** Option 2: page through the image records without an accession number, read the stamp, resolve duplicates. */
export function LinkUnprocessed({ store }: { store: UnprocessedStore }) {
  const { config } = useStation();
  const step = useStore(store, (s) => s.step);
  const notice = useStore(store, (s) => s.notice);
  const accession = useStore(store, (s) => s.accession);
  const queueError = useStore(store, (s) => s.queueError);
  const events = store.getState();
  const u = useUnprocessed(store);

  if (!u.current) {
    return (
      <div className="screen unprocessed">
        <h1 className="screen-title">Link unprocessed records</h1>
        {notice ? <StatusLine tone={notice.tone}>{notice.text}</StatusLine> : null}
        {queueError ? (
          <div className="panel">
            <button type="button" onClick={u.retryQueue}>
              Read the queue again
            </button>
          </div>
        ) : u.loading || u.fetched === null ? (
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
        <SessionList rows={u.rows} skipped={u.skipped} />
      </div>
    );
  }

  const { skeletal, sheet, imageBarcode, mismatch } = u;
  return (
    <div className="screen unprocessed">
      <h1 className="screen-title">Link unprocessed records</h1>
      <div className="unprocessed-layout">
        <SpecimenViewer
          image={skeletal?.images[0] ?? null}
          nextImage={u.nextRecord?.images[0] ?? null}
          label={`Sheet ${u.barcode}`}
        />
        <div
          className="unprocessed-panel"
          data-sheet-reading={sheet.status}
          data-read-ms={sheet.reading ? Math.round(sheet.reading.ms) : undefined}
          data-image-barcode={imageBarcode?.kind}
        >
          <p className="queue-position" aria-live="polite">
            <strong>{u.barcode}</strong>{' '}
            {u.position
              ? `· ${u.position.position.toLocaleString('en')} of ${u.position.left.toLocaleString('en')} left`
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
          {u.record.isError ? <StatusLine tone="error">{explain(u.record.error)}</StatusLine> : null}
          {step.kind === 'enter' || step.kind === 'checking' ? (
            <AccessionEntry
              value={accession}
              proposal={u.proposal}
              readingNote={u.readingNote}
              busy={step.kind === 'checking' || !skeletal}
              onType={events.accessionTyped}
              onSubmit={() => void u.submit()}
              onNoStamp={() => skeletal && u.escalate(skeletal, 'no-stamp', null, [], '')}
              onEscalate={u.openEscalation}
              onSkip={u.skip}
            />
          ) : null}
          {step.kind === 'compare' || step.kind === 'merging' ? (
            <CompareStep
              step={step}
              linkedStatus={config.linkedStatus}
              labelHints={u.labelHints}
              dateOrder={config.labelDateOrder}
              today={new Date().toISOString().slice(0, 10)}
              onMerge={() => void u.merge()}
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
              onSubmit={(reason, note) => u.escalate(skeletal, reason, step.accession, step.duplicates, note)}
              onBack={() => events.stepChanged(step.back)}
            />
          ) : null}
          {step.kind === 'merged' ? (
            <MergedStep target={step.target} note={step.note} onNext={u.next} />
          ) : null}
        </div>
      </div>
      <SessionList rows={u.rows} skipped={u.skipped} />
    </div>
  );
}
