import { accessionSearchVariants, readAccession } from '../domain/accession';
import {
  confirmByLegacyRecord,
  gatheringOf,
  numbersToConfirm,
  onlyRecordOfGathering,
} from '../domain/stamp-confirmation';
import type { StampProfile } from '../domain/stamp-profile';
import type { SheetReading } from '../readers/sheet-reader';
import type { Station } from './station';

/**
 * A sheet read as Option 2 shows it: the readers' reading, and where it withheld a number, the portal asked
 * whether one of the numbers read is the accession number of this label's gathering's only legacy record
 * (src/domain/stamp-confirmation.ts). One exact search per number read (at most three), as the duplicate
 * check makes anyway, then one search for the gathering; the label is read only when there are numbers to
 * ask about. Whatever the portal cannot answer leaves the reading as it was: the portal's witness can only
 * add a proposal, never hold a sheet's reading up with an error.
 */
export async function readAndConfirm(
  station: Pick<Station, 'sheetReader' | 'portal' | 'collid' | 'config'>,
  url: string,
  catalogNumber: string | null,
  profile: StampProfile | null,
  today = new Date().toISOString().slice(0, 10),
): Promise<SheetReading> {
  const { sheetReader, portal, collid, config } = station;
  const reading = await sheetReader!.read(url, catalogNumber, profile);
  const numbers = numbersToConfirm(reading.stamp);
  if (numbers.length === 0) return reading;
  const dates = { order: config.labelDateOrder, today };
  try {
    const hints = await sheetReader!.readLabel(url, reading.turn ?? null);
    const gathering = gatheringOf(hints, dates);
    if (!gathering) return reading;
    const holders = await Promise.all(
      numbers.map(async (value) => {
        const accession = readAccession(value, config.accession);
        if (!accession.ok) return { value, records: [] };
        const found = await portal.findByAccession(
          collid,
          accessionSearchVariants(accession.value, config.accession.variantWidth),
        );
        return { value, records: found.records };
      }),
    );
    const confirmed = confirmByLegacyRecord(holders, hints, dates, { catalogNumber });
    if (!confirmed) return reading;
    const sameGathering = await portal.findByCollector(collid, {
      recordedBy: gathering.portalTerm,
      recordNumber: gathering.number,
      eventDate: gathering.date.date,
    });
    if (!onlyRecordOfGathering(sameGathering, confirmed.record.occid)) return reading;
    return {
      ...reading,
      stamp: {
        kind: 'proposal',
        proposal: { value: confirmed.value, confidence: 0, confirmedBy: confirmed.confirmedBy },
      },
    };
  } catch {
    return reading;
  }
}
