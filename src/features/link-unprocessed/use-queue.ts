import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useStore } from 'zustand';
import type { SpecimenRecord } from '../../domain/occurrence';
import { sameStatus, UNPROCESSED } from '../../domain/processing-status';
import { said, type Said } from '../../domain/said';
import { explained } from '../../portal/errors';
import type { PortalReads } from '../../portal/portal';
import { portalQueries } from '../../portal/queries';
import { useSessionRows } from '../../ui/session-list';
import { useStation } from '../../ui/station';
import type { UnprocessedStore } from './unprocessed-store';

/** The queue is read this many records at a time; never the whole set (PROTOCOL §5.3). */
export const PAGE = 25;
/** Below this many records ahead, the next page is fetched. */
const LOW_WATER = 5;

export const recordQuery = (portal: PortalReads, occid: number) => portalQueries(portal).record(occid);

/** Why a record no longer belongs in this queue, or null when it still does. */
export function leftTheQueue(record: SpecimenRecord | null): Said | null {
  if (record === null) return said('unprocessed.left.gone');
  // The status as the portal holds it: the technician may look it up there.
  if (!sameStatus(record.processingStatus, UNPROCESSED))
    return said('unprocessed.left.status', { status: record.processingStatus });
  // Identifier rows, or the old column (read from the editor form, the table view or a 3.0–3.3 API).
  const held = [...record.identifiers.map((i) => i.value), record.fields['otherCatalogNumbers'] ?? '']
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (held.length > 0) return said('unprocessed.left.accession', { held: held.join(', ') });
  return null;
}

function preloadImage(record: SpecimenRecord | null | undefined) {
  const url = record?.images[0]?.webUrl ?? record?.images[0]?.originalUrl;
  if (url) new Image().src = url;
}

/** Keeps a few records ahead of the technician: the next one and its image are in hand before Next. */
export function useQueue(store: UnprocessedStore) {
  const { portal, collid } = useStation();
  const buffer = useStore(store, (s) => s.buffer);
  const fetched = useStore(store, (s) => s.fetched);
  const loading = useStore(store, (s) => s.loading);
  const current = buffer[0] ?? null;
  const next = buffer[1] ?? null;

  const load = useCallback(
    async (replace: boolean) => {
      const s = store.getState();
      if (s.loading) return;
      store.setState({ loading: true });
      const after = replace ? s.cursor : (s.buffer[s.buffer.length - 1]?.catalogNumber ?? s.cursor);
      try {
        const page = await portal.listUnprocessedWithoutAccession(
          collid,
          { offset: 0, limit: PAGE },
          after ?? undefined,
        );
        store.getState().queueLoaded(page.records, page.total, replace);
      } catch (error) {
        store.getState().queueFailed([said('unprocessed.queue.failed'), ...explained(error)]);
      }
    },
    [store, portal, collid],
  );

  const count = useCallback(async () => {
    try {
      const page = await portal.listUnprocessedWithoutAccession(collid, { offset: 0, limit: 1 });
      store.getState().queueCounted(page.total);
    } catch {
      // The count is a courtesy; the queue itself reports its own failures.
    }
  }, [store, portal, collid]);

  // The first page first; the count follows once it is on screen (the effect below).
  const failed = useStore(store, (s) => s.queueError !== null);
  useEffect(() => {
    if (fetched === null && !loading && !failed) void load(true);
  }, [fetched, loading, failed, load]);

  // Refill before the buffer runs dry, and recount as records leave.
  const ahead = fetched ? fetched.total - fetched.taken - buffer.length : 0;
  useEffect(() => {
    if (!loading && !failed && fetched !== null && buffer.length < LOW_WATER && ahead > 0) void load(false);
  }, [buffer.length, ahead, loading, failed, fetched, load]);
  // Recount as records leave the queue and as their saves land.
  const settled = useSessionRows('unprocessed').filter((r) => r.state !== 'saving').length;
  useEffect(() => {
    if (fetched !== null) void count();
  }, [fetched, settled, count]);

  const record = useQuery({ ...recordQuery(portal, current?.occid ?? 0), enabled: current !== null });

  // The next record is read now, and its image fetched, so that Next shows both at once.
  const nextRecord = useQuery({ ...recordQuery(portal, next?.occid ?? 0), enabled: next !== null });
  useEffect(() => preloadImage(nextRecord.data), [nextRecord.data]);

  /** Leaves the current record; its cached data go once nothing shows it any more (see `gcTime`). */
  const leave = useCallback(
    (note: Parameters<ReturnType<UnprocessedStore['getState']>['recordLeft']>[0], skipped: boolean) =>
      store.getState().recordLeft(note, skipped),
    [store],
  );

  return {
    current,
    record,
    nextRecord: next ? (nextRecord.data ?? null) : null,
    leave,
    /** After a failed read: clears the error, and the queue is read again. */
    retry: () => store.setState({ queueError: null }),
  };
}
