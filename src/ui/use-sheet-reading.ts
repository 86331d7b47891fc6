import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SpecimenRecord } from '../domain/occurrence';
import { fieldsKnown, type LabelHints, type SheetTurn } from '../domain/sheet-reading';
import { labelIdentifies } from '../domain/stamp-confirmation';
import type { StampProfile } from '../domain/stamp-profile';
import { useSay } from '../i18n/use-say';
import { SheetUnreadable, type SheetReading } from '../readers/sheet-reader';
import { readAndConfirm } from './read-and-confirm';
import { useStampProfile } from './stamp-profile-store';
import { useStation, type Station } from './station';

/** The full-size image: the stamp's digits are largest there. */
export const imageOf = (record: SpecimenRecord | null) => {
  const image = record?.images[0];
  return image ? (image.originalUrl ?? image.webUrl) : null;
};

/**
 * A sheet's reading as a query, the same for the sheet on screen, the next one and the first one read at
 * login: its key (a new stamp profile reads the sheets again) and how it is read (`withPortal`: a number the
 * readings left open may be settled by the portal's legacy record, src/ui/read-and-confirm.ts).
 */
export const sheetReadingQuery = (
  station: Pick<Station, 'sheetReader' | 'portal' | 'collid' | 'config'>,
  url: string | null,
  catalogNumber: string | null,
  profile: StampProfile | null,
  withPortal: boolean,
) => ({
  queryKey: ['sheet-reading', url, catalogNumber, profile?.learnedAt ?? null, withPortal] as const,
  queryFn: () =>
    withPortal
      ? readAndConfirm(station, url!, catalogNumber, profile)
      : station.sheetReader!.read(url!, catalogNumber, profile),
});

/**
 * What the station read on a record's sheet (stamp proposal, barcode check), read in workers; the next
 * sheet is read once this one's reading is done (the workers take one request at a time: this sheet's label
 * and portal check go first), so its proposal is there when it appears. Never blocks typing: until it is
 * ready, or when it fails, the screen works as without it. `withPortal`: a number the readings left open may
 * be settled by the portal's legacy record (Option 2); Review, which writes an accession straight onto the
 * case's record, proposes only what the readings alone bear out.
 */
export function useSheetReading(
  record: SpecimenRecord | null,
  next: SpecimenRecord | null = null,
  withPortal = true,
): { reading: SheetReading | null; status: 'off' | 'reading' | 'done' | 'failed'; problem: string | null } {
  const say = useSay();
  const { sheetReader, collid, portal, config } = useStation();
  const profile = useStampProfile(collid);
  const queryClient = useQueryClient();
  const url = imageOf(record);
  const query = useQuery({
    ...sheetReadingQuery(
      { sheetReader, portal, collid, config },
      url,
      record?.catalogNumber ?? null,
      profile,
      withPortal,
    ),
    enabled: sheetReader !== null && url !== null,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
  });
  // The engine starts with the screen, while its first record and image are still on their way.
  useEffect(() => sheetReader?.warm(), [sheetReader]);
  const nextUrl = imageOf(next);
  const nextCatalogNumber = next?.catalogNumber ?? null;
  const settled = url === null || query.isSuccess || query.isError;
  useEffect(() => {
    if (!sheetReader || !nextUrl || !settled) return;
    void queryClient.prefetchQuery({
      ...sheetReadingQuery(
        { sheetReader, portal, collid, config },
        nextUrl,
        nextCatalogNumber,
        profile,
        withPortal,
      ),
      staleTime: Infinity,
    });
  }, [
    sheetReader,
    portal,
    collid,
    config,
    queryClient,
    nextUrl,
    nextCatalogNumber,
    profile,
    withPortal,
    settled,
  ]);
  if (sheetReader === null || url === null) return { reading: null, status: 'off', problem: null };
  if (query.isError)
    return {
      reading: null,
      status: 'failed',
      problem: say('viewer.reading.failed', {
        why:
          query.error instanceof SheetUnreadable
            ? say(query.error.said)
            : query.error instanceof Error
              ? query.error.message
              : String(query.error),
      }),
    };
  return { reading: query.data ?? null, status: query.data ? 'done' : 'reading', problem: null };
}

/**
 * The printed label read off a record's sheet (collector, number, date), when a screen compares it; `turn`,
 * the scan's turn the sheet's reading found, lets a sideways scan's label be read too. A label the plain
 * look does not read in full is looked at locally too (a blurred or compressed scan); the look that found
 * more is shown.
 */
export function useLabelHints(
  record: SpecimenRecord | null,
  wanted: boolean,
  turn: SheetTurn | null = null,
): LabelHints | null {
  const { sheetReader } = useStation();
  const url = imageOf(record);
  const query = useQuery({
    queryKey: ['label-hints', url, turn],
    queryFn: async () => {
      const plain = await sheetReader!.readLabel(url!, turn);
      if (labelIdentifies(plain)) return plain;
      const local = await sheetReader!.readLabel(url!, turn, 'local');
      return fieldsKnown(local) > fieldsKnown(plain) ? local : plain;
    },
    enabled: wanted && sheetReader !== null && url !== null,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
  });
  return query.data ?? null;
}
