import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useStampProfile } from '../../ui/stamp-profile-store';
import { useStation } from '../../ui/station';
import { imageOf, sheetReadingQuery } from '../../ui/use-sheet-reading';
import type { UnprocessedStore } from './unprocessed-store';
import { recordQuery } from './use-queue';

/**
 * Right after login, in the background: the OCR engine starts, and the first sheet of Option 2's queue is
 * read, so its proposal is there when the sheet first shows (issue 16). A station that never opens Option 2
 * pays one look at the queue, one record and one reading.
 */
export function useReadAheadFirstSheet(store: UnprocessedStore) {
  const { sheetReader, portal, collid, config } = useStation();
  const profile = useStampProfile(collid);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!sheetReader) return;
    sheetReader.warm();
    let stopped = false;
    void (async () => {
      // The queue's first record as Option 2 will show it (after the saved cursor); the queue itself is left
      // for Option 2 to read when it opens, as it always has.
      const { buffer, cursor } = store.getState();
      const first =
        buffer[0] ??
        (await portal
          .listUnprocessedWithoutAccession(collid, { offset: 0, limit: 1 }, cursor ?? undefined)
          .then((page) => page.records[0])
          .catch(() => undefined));
      if (stopped || !first) return;
      const record = await queryClient.fetchQuery(recordQuery(portal, first.occid)).catch(() => null);
      const url = imageOf(record);
      if (stopped || !record || !url) return;
      await queryClient.prefetchQuery({
        ...sheetReadingQuery(
          { sheetReader, portal, collid, config },
          url,
          record.catalogNumber,
          profile,
          true,
        ),
        staleTime: Infinity,
      });
    })();
    return () => {
      stopped = true;
    };
  }, [sheetReader, store, portal, collid, config, queryClient, profile]);
}
