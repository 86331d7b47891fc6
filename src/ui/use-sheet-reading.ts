import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SpecimenRecord } from '../domain/occurrence';
import type { LabelHints, SheetTurn } from '../domain/sheet-reading';
import type { StampProfile } from '../domain/stamp-profile';
import { useSay } from '../i18n/use-say';
import { SheetUnreadable, type SheetReading } from '../readers/sheet-reader';
import { readAndConfirm } from './read-and-confirm';
import { useStampProfile } from './stamp-profile-store';
import { useStation } from './station';

/** The full-size image: the stamp's digits are largest there. */
export const imageOf = (record: SpecimenRecord | null) => {
  const image = record?.images[0];
  return image ? (image.originalUrl ?? image.webUrl) : null;
};

/** The query key of a sheet's reading: a new stamp profile reads the sheets again. */
export const readingKey = (
  url: string | null,
  catalogNumber: string | null,
  profile: StampProfile | null,
  withPortal: boolean,
) => ['sheet-reading', url, catalogNumber, profile?.learnedAt ?? null, withPortal] as const;

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
  const readOne = (imageUrl: string, catalogNumber: string | null) =>
    withPortal
      ? readAndConfirm({ sheetReader, portal, collid, config }, imageUrl, catalogNumber, profile)
      : sheetReader!.read(imageUrl, catalogNumber, profile);
  const query = useQuery({
    queryKey: readingKey(url, record?.catalogNumber ?? null, profile, withPortal),
    queryFn: () => readOne(url!, record?.catalogNumber ?? null),
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
      queryKey: readingKey(nextUrl, nextCatalogNumber, profile, withPortal),
      queryFn: () =>
        withPortal
          ? readAndConfirm({ sheetReader, portal, collid, config }, nextUrl, nextCatalogNumber, profile)
          : sheetReader.read(nextUrl, nextCatalogNumber, profile),
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
 * the scan's turn the sheet's reading found, lets a sideways scan's label be read too.
 */
export function useLabelHints(
  record: SpecimenRecord | null,
  wanted: boolean,
  turn: SheetTurn | null = null,
): LabelHints | null {
  const { sheetReader } = useStation();
  const url = imageOf(record);
  // An upright scan is read as one without a barcode: one reading for both.
  const turned = turn === 0 ? null : turn;
  const query = useQuery({
    queryKey: ['label-hints', url, turned],
    queryFn: () => sheetReader!.readLabel(url!, turned),
    enabled: wanted && sheetReader !== null && url !== null,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
  });
  return query.data ?? null;
}
