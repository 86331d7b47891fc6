import { demoState, type Columns, type FakeState } from '../../src/portal/fake-symbiota/state';

/** A legacy record as older imports left it. */
interface Legacy {
  occid: number;
  legacy?: string | null;
  identifiers?: string[];
  catalogNumber?: string | null;
  recordedBy: string;
  recordNumber: string;
  eventDate: string;
  sciname: string;
  recordSecurity?: '0' | '1' | '5';
}

/** Records that real collections have and the demo herbarium does not: what Option 1 must cope with. */
export const MESSY: Legacy[] = [
  // Several identifiers in one legacy string: the portal's exact search misses both (PROTOCOL §1.2).
  {
    occid: 101,
    legacy: '7001; Acc. 12',
    recordedBy: 'P. Ortega',
    recordNumber: '55',
    eventDate: '1970-04-02',
    sciname: 'Salvia dorrii',
  },
  {
    occid: 102,
    legacy: 'Herb. 7002 | 77',
    recordedBy: 'P. Ortega',
    recordNumber: '56',
    eventDate: '1970-04-03',
    sciname: 'Salvia columbariae',
  },
  // Contain 7003 only as part of a longer number: never a hit for 7003.
  {
    occid: 103,
    legacy: '17003',
    recordedBy: 'P. Ortega',
    recordNumber: '57',
    eventDate: '1970-04-04',
    sciname: 'Salvia apiana',
  },
  {
    occid: 104,
    legacy: 'Acc. 70031',
    recordedBy: 'P. Ortega',
    recordNumber: '58',
    eventDate: '1970-04-05',
    sciname: 'Salvia mellifera',
  },
  // One accession number reused by two series.
  {
    occid: 105,
    identifiers: ['8800'],
    recordedBy: 'L. Chen',
    recordNumber: '4',
    eventDate: '1931-05-01',
    sciname: 'Carex geyeri',
  },
  {
    occid: 106,
    identifiers: ['8800'],
    recordedBy: 'F. Baker',
    recordNumber: '902',
    eventDate: '1899-06-11',
    sciname: 'Poa fendleriana',
  },
  // A multi-sheet specimen: the first sheet's barcode is already on the record.
  {
    occid: 107,
    identifiers: ['8900'],
    catalogNumber: 'DEMO0008901',
    recordedBy: 'L. Chen',
    recordNumber: '77',
    eventDate: '1932-08-19',
    sciname: 'Agave parryi',
  },
  // Hidden from the public (recordSecurity 5); editors still find and link it.
  {
    occid: 108,
    identifiers: ['9100'],
    recordedBy: 'L. Chen',
    recordNumber: '101',
    eventDate: '1933-07-07',
    sciname: 'Echinocereus triglochidiatus',
    recordSecurity: '5',
  },
];

export function messyHerbarium(): FakeState {
  const state = demoState();
  for (const r of MESSY) {
    const fields: Columns = {
      catalogNumber: r.catalogNumber ?? null,
      otherCatalogNumbers: r.legacy ?? null,
      recordedBy: r.recordedBy,
      recordNumber: r.recordNumber,
      eventDate: r.eventDate,
      sciname: r.sciname,
      family: null,
      country: 'United States',
      stateProvince: 'Arizona',
      county: 'Pima',
      locality: 'Santa Catalina Mountains',
      basisOfRecord: 'PreservedSpecimen',
      processingStatus: null,
      recordSecurity: r.recordSecurity ?? '0',
      dateEntered: '2026-11-23 18:45:40',
      dateLastModified: '2026-11-23 18:45:40',
    };
    state.records.push({ occid: r.occid, collid: 1, fields });
    for (const value of r.identifiers ?? [])
      state.identifiers.push({
        id: state.next.identifier++,
        occid: r.occid,
        name: '',
        value,
        modifiedUid: 1,
      });
  }
  return state;
}
