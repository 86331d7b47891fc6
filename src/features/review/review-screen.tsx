import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { rowWords } from '../../domain/task-rows';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
import { explain } from '../../portal/errors';
import { listboxKey } from '../../ui/listbox-keys';
import { SessionList, useSessionRows } from '../../ui/session-list';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { CaseView } from './case-view';
import { caseQueries } from './queries';
import { postedWhen, reasonOf, type ReviewCase } from './review-cases';
import { ReviewRoleNotice, useReviewRole } from './review-role';
import type { CaseOutcome } from './use-case';

const PAGE = 20;

/** Supervisors: the collection's Expert Required records, each with the reason and note it was sent with. */
export function ReviewScreen() {
  const say = useSay();
  const sayRich = useSayRich();
  const { portal, collid, config } = useStation();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(0);
  const [highlighted, setHighlighted] = useState(0);
  const [open, setOpen] = useState<ReviewCase | null>(null);
  const [resolved, setResolved] = useState<CaseOutcome | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const rows = useSessionRows('review');
  const { mayResolve, role } = useReviewRole();

  const queue = useQuery(caseQueries(portal, collid, config.accession).queue(page, PAGE));
  const cases = queue.data?.cases ?? [];

  useEffect(() => {
    if (open === null) list.current?.focus();
  }, [open, queue.data]);

  if (open) {
    return (
      <div className="screen review">
        <h1 className="screen-title">{say('review.title')}</h1>
        <CaseView
          reviewCase={open}
          onClose={(outcome) => {
            setOpen(null);
            if (outcome) {
              setResolved(outcome);
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
    const choose = (i: number) => mayResolve && cases[i] && setOpen(cases[i]);
    if (listboxKey(event.key, cases.length, highlighted, { highlight: setHighlighted, choose }))
      event.preventDefault();
  };

  const total = queue.data?.total ?? 0;
  return (
    <div className="screen review">
      <h1 className="screen-title">{say('review.title')}</h1>
      <ReviewRoleNotice role={role} />
      {resolved ? (
        <StatusLine tone="success">
          {say('review.resolved', {
            barcode: resolved.barcode,
            occid: resolved.occid,
            what: say(resolved.row.label),
            more: rowWords(resolved.row)
              .map((w) => ` ${say(w)}`)
              .join(''),
          })}
        </StatusLine>
      ) : null}
      {queue.isError ? (
        <StatusLine tone="error">{say('review.queue.failed', { text: explain(queue.error) })}</StatusLine>
      ) : null}
      <section className="step-panel" aria-labelledby="review-heading">
        <h2 id="review-heading">
          {queue.isPending || role.isPending
            ? say('review.queue.reading')
            : say('review.queue.waiting', { count: total })}
        </h2>
        <p className="hint" hidden={!mayResolve}>
          {sayRich('review.queue.hint')}
        </p>
        {queue.isSuccess && cases.length === 0 ? <p className="hint">{say('review.queue.empty')}</p> : null}
        <div
          ref={list}
          hidden={cases.length === 0}
          role="listbox"
          tabIndex={0}
          aria-label={say('review.queue.cases')}
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
              <strong>
                {say('review.queue.name', { barcode: c.summary.catalogNumber, occid: c.summary.occid })}
              </strong>
              {c.unreadable ? (
                <span className="unreadable">
                  {say('review.queue.unreadable', { occid: c.summary.occid })} {say(c.unreadable)}
                </span>
              ) : null}
              <span>{say(reasonOf(c))}</span>
              <span>
                {c.escalation
                  ? say('review.queue.sent', { by: c.escalation.by, when: postedWhen(c.escalation.when) })
                  : '—'}
              </span>
              <span>{c.escalation?.note || say('review.queue.no-note')}</span>
            </div>
          ))}
        </div>
        <div className="step-actions">
          <button type="button" onClick={() => setPage(page - 1)} disabled={page === 0}>
            {say('review.queue.previous')}
          </button>
          <button type="button" onClick={() => setPage(page + 1)} disabled={(page + 1) * PAGE >= total}>
            {say('review.queue.next')}
          </button>
        </div>
      </section>
      <SessionList rows={rows} showThroughput={false} />
    </div>
  );
}
