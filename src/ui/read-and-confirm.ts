import { accessionSearchVariants, readAccession } from '../domain/accession';
import {
  confirmByLegacyRecord,
  confirmByNearNumber,
  gatheringOf,
  numbersToConfirm,
  onlyRecordOfGathering,
  type NumberHolders,
} from '../domain/stamp-confirmation';
import type { LabelLook } from '../domain/sheet-reading';
import type { StampProfile } from '../domain/stamp-profile';
import type { SheetReading } from '../readers/sheet-reader';
import type { Station } from './station';

/** The plain look at the label first; the local one only when the plain one bore no number out. */
const LABEL_LOOKS: LabelLook[] = ['plain', 'local'];

/**
 * A sheet read as Option 2 shows it: the readers' reading, and where it withheld a number, the portal asked
 * whether one of the numbers read is the accession number of this label's gathering's only legacy record,
 * or one a reading came close to (src/domain/stamp-confirmation.ts). One exact search per number read (at
 * most five), as the duplicate check makes anyway, then one search for the gathering per look at the label;
 * the label is read only when there are numbers to ask about, and a second time, locally thresholded, when
 * the first reading bore none out. Whatever the portal cannot answer leaves the reading as it was: the
 * portal's witness can only add a proposal, never hold a sheet's reading up with an error.
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
  // One exact search per number, made once whichever look at the label needs them.
  let held: Promise<NumberHolders[]> | null = null;
  const holders = () =>
    (held ??= Promise.all(
      numbers.map(async (value) => {
        const accession = readAccession(value, config.accession);
        if (!accession.ok) return { value, records: [] };
        const found = await portal.findByAccession(
          collid,
          accessionSearchVariants(accession.value, config.accession.variantWidth),
        );
        return { value, records: found.records };
      }),
    ));
  // The search for a gathering, made once when both looks at the label name the same one.
  const gatherings = new Map<string, ReturnType<typeof portal.findByCollector>>();
  try {
    // The label as it reads plainly; then, when that bears no number out, a second look for a blurred or
    // heavily compressed label. Either look must name the record's gathering in full.
    for (const look of LABEL_LOOKS) {
      const hints = await sheetReader!.readLabel(url, reading.turn ?? null, look);
      const gathering = gatheringOf(hints, dates);
      if (!gathering) continue;
      const witnessed = { holders: await holders(), hints, dates, sheet: { catalogNumber } };
      const exact = confirmByLegacyRecord(witnessed);
      const search = {
        recordedBy: gathering.portalTerm,
        recordNumber: gathering.number,
        eventDate: gathering.date.date,
      };
      const key = JSON.stringify(search);
      if (!gatherings.has(key)) gatherings.set(key, portal.findByCollector(collid, search));
      const sameGathering = await gatherings.get(key)!;
      if (exact && !onlyRecordOfGathering(sameGathering, exact.record.occid)) return reading;
      // No number read is the record's: the gathering's only record may hold one a reading came close to.
      const confirmed = exact ?? confirmByNearNumber(sameGathering, witnessed);
      if (!confirmed) continue;
      return {
        ...reading,
        stamp: {
          kind: 'proposal',
          proposal: { value: confirmed.value, confidence: 0, confirmedBy: confirmed.confirmedBy },
        },
      };
    }
    return reading;
  } catch {
    return reading;
  }
}
