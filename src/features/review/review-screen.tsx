import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { say } from '../../i18n/intl';
import { explain } from '../../portal/errors';
import { listboxKey } from '../../ui/listbox-keys';
import { SessionList, useSessionRows } from '../../ui/session-list';
import { useStation } from '../../ui/station';
import { StatusLine, type StatusTone } from '../../ui/status-line';
import { CaseView } from './case-view';
import { caseQueries } from './queries';
import { reasonText, type ReviewCase } from './review-cases';

const PAGE = 20;

/** Supervisors: the collection's Expert Required records, each with the reason and note it was sent with. */
export function ReviewScreen() {
  const { portal, collid, config } = useStation();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(0);
  const [highlighted, setHighlighted] = useState(0);
  const [open, setOpen] = useState<ReviewCase | null>(null);
  const [notice, setNotice] = useState<{ tone: StatusTone; text: string } | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const rows = useSessionRows('review');

  const queue = useQuery(caseQueries(portal, collid, config.accession).queue(page, PAGE));
  const cases = queue.data?.cases ?? [];

  useEffect(() => {
    if (open === null) list.current?.focus();
  }, [open, queue.data]);

  if (open) {
    return (
      <div className="screen review">
        <h1 className="screen-title">Review</h1>
        <CaseView
          reviewCase={open}
          onClose={(outcome) => {
            setOpen(null);
            if (outcome) {
              setNotice({ tone: 'success', text: outcome });
              // The resolved case leaves the list at once, so the next Enter cannot reopen it.
              queryClient.setQueryData<{ cases: ReviewCase[]; total: number }>(
                ['review-queue', collid, page],
                (data) =>
                  data && {
                    cases: data.cases.filter((c) => c.summary.occid !== open.summary.occid),
                    total: data.total - 1,
                  },
              );
              setHighlighted(0);
              void queryClient.invalidateQueries({ queryKey: ['review-queue', collid] });
            }
          }}
        />
      </div>
    );
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    const choose = (i: number) => cases[i] && setOpen(cases[i]);
    if (listboxKey(event.key, cases.length, highlighted, { highlight: setHighlighted, choose }))
      event.preventDefault();
  };

  const total = queue.data?.total ?? 0;
  return (
    <div className="screen review">
      <h1 className="screen-title">Review</h1>
      {notice ? <StatusLine tone={notice.tone}>{notice.text}</StatusLine> : null}
      {queue.isError ? (
        <StatusLine tone="error">The review queue could not be read. {explain(queue.error)}</StatusLine>
      ) : null}
      <section className="step-panel" aria-labelledby="review-heading">
        <h2 id="review-heading">
          {queue.isPending
            ? 'Reading the cases…'
            : `${total} case${total === 1 ? '' : 's'} waiting for a supervisor`}
        </h2>
        <p className="hint">
          <kbd>↑</kbd> <kbd>↓</kbd> then <kbd>Enter</kbd> opens a case. Records set to Expert Required by hand
          in the portal are here too.
        </p>
        {queue.isSuccess && cases.length === 0 ? <p className="hint">No case is waiting.</p> : null}
        <div
          ref={list}
          hidden={cases.length === 0}
          role="listbox"
          tabIndex={0}
          aria-label="Cases"
          aria-activedescendant={cases.length ? `case-${highlighted}` : undefined}
          className="candidate-list"
          onKeyDown={onKeyDown}
        >
          {cases.map((c, i) => (
            <div
              key={c.summary.occid}
              id={`case-${i}`}
              role="option"
              aria-selected={i === highlighted}
              className="candidate"
            >
              <strong>{c.summary.catalogNumber ?? `record ${c.summary.occid}`}</strong>
              {c.unreadable ? (
                <span className="unreadable">
                  {say('review.case-unreadable', { occid: c.summary.occid })} {say(c.unreadable)}
                </span>
              ) : null}
              <span>{reasonText(c)}</span>
              <span>{c.escalation ? `${c.escalation.by}, ${c.escalation.when}` : '—'}</span>
              <span>{c.escalation?.note || 'no note'}</span>
            </div>
          ))}
        </div>
        <div className="step-actions">
          <button type="button" onClick={() => setPage(page - 1)} disabled={page === 0}>
            Previous page
          </button>
          <button type="button" onClick={() => setPage(page + 1)} disabled={(page + 1) * PAGE >= total}>
            Next page
          </button>
        </div>
      </section>
      <SessionList rows={rows} showThroughput={false} />
    </div>
  );
}
