import { useQuery } from '@tanstack/react-query';
import { useStore } from 'zustand';
import type { Said } from '../../domain/said';
import { told, useTell } from '../../i18n/told';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
import { explained } from '../../portal/errors';
import { RecordCard } from '../../ui/record-card';
import { SessionList } from '../../ui/session-list';
import { SpecimenViewer } from '../../ui/specimen-viewer';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { useHeldWhileReading } from '../../ui/use-held-while-reading';
import { useStepKeys } from '../../ui/use-step-keys';
import { AccessionEntry } from './accession-entry';
import { CompareStep } from './compare-step';
import { EscalateStep } from './escalate-step';
import type { UnprocessedStore } from './unprocessed-store';
import { recordQuery } from './use-queue';
import { useUnprocessed } from './use-unprocessed';

/** The merged record, read again once the merge task is decided. */
function MergedStep({ target, note, onNext }: { target: number; note: Said[]; onNext: () => void }) {
  const { portal } = useStation();
  const say = useSay();
  const sayRich = useSayRich();
  const tell = useTell();
  const merged = useQuery(recordQuery(portal, target));
  useStepKeys({ Enter: onNext });
  return (
    <section className="step-panel" aria-labelledby="merged-heading">
      <h2 id="merged-heading">{say('unprocessed.merged.heading', { occid: String(target) })}</h2>
      {merged.data ? <RecordCard record={merged.data} title={say('unprocessed.merged.card-title')} /> : null}
      <p>{tell(note)}</p>
      <button type="button" onClick={onNext} aria-keyshortcuts="Enter">
        {sayRich('unprocessed.merged.next')}
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
  const say = useSay();
  const sayRich = useSayRich();
  const tell = useTell();
  const title = <h1 className="screen-title">{say('unprocessed.title')}</h1>;
  const held = useHeldWhileReading(
    u.skeletal ? String(u.skeletal.occid) : null,
    u.current !== null && u.sheet.status === 'reading',
  );

  if (!u.current) {
    return (
      <div className="screen unprocessed">
        {title}
        {notice ? <StatusLine tone={notice.tone}>{tell(notice.words)}</StatusLine> : null}
        {queueError ? (
          <div className="panel">
            <button type="button" onClick={u.retryQueue}>
              {say('unprocessed.queue.retry')}
            </button>
          </div>
        ) : u.loading || u.fetched === null ? (
          <p className="panel">{say('unprocessed.queue.reading')}</p>
        ) : (
          <div className="panel">
            <h2>{say('unprocessed.queue.empty')}</h2>
            <p>{say('unprocessed.queue.empty-after', { cursor: store.getState().cursor })}</p>
            <button type="button" onClick={events.queueRestarted}>
              {say('unprocessed.queue.restart')}
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
      {title}
      <div className="unprocessed-layout">
        <SpecimenViewer
          image={skeletal?.images[0] ?? null}
          nextImage={u.nextRecord?.images[0] ?? null}
          label={tell(told('unprocessed.viewer.label', {}, { sheet: u.sheetName }))}
          heldFor={held ? say('viewer.reading') : null}
        />
        <div
          className="unprocessed-panel"
          data-sheet-reading={sheet.status}
          data-read-ms={sheet.reading ? Math.round(sheet.reading.ms) : undefined}
          data-image-barcode={imageBarcode?.kind}
        >
          <p className="queue-position" aria-live="polite">
            <strong>{say(u.sheetName)}</strong>{' '}
            {u.position ? say('unprocessed.queue.position', u.position) : null}
          </p>
          {notice ? <StatusLine tone={notice.tone}>{tell(notice.words)}</StatusLine> : null}
          {mismatch && skeletal ? (
            <StatusLine tone="warning">
              {sayRich('unprocessed.image-barcode', {
                shown: mismatch.join(', '),
                catalogNumber: skeletal.catalogNumber,
              })}
            </StatusLine>
          ) : imageBarcode?.kind === 'unreadable' ? (
            <p className="hint">{say('unprocessed.image-barcode-unreadable')}</p>
          ) : null}
          {u.record.isError ? <StatusLine tone="error">{tell(explained(u.record.error))}</StatusLine> : null}
          {step.kind === 'enter' || step.kind === 'checking' ? (
            <AccessionEntry
              value={accession}
              proposal={u.proposal}
              readingNote={typeof u.readingNote === 'string' ? u.readingNote : tell(u.readingNote)}
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
                  reason: null,
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
