import { describe, expect, it } from 'vitest';
import {
  recordFromListing,
  withListedCatalogNumbers,
  type RecordSummary,
  type SpecimenRecord,
} from '../../src/domain/occurrence';

const row: RecordSummary = {
  occid: 1,
  catalogNumber: null,
  otherCatalogNumbers: '1499',
  sciname: 'Penstemon barbatus',
  recordedBy: 'J. Smith',
  recordNumber: '212',
  eventDate: '1961-07-14',
  locality: 'San Francisco Peaks',
  processingStatus: null,
  family: 'Plantaginaceae',
  country: 'USA',
  stateProvince: 'Arizona',
  county: 'Coconino',
  dateLastModified: '2026-11-24 10:58:26',
  recordSecurity: 5,
};

describe('a record card from a search row (no extra request per link)', () => {
  it('carries every field the card shows, the hidden flag, and no images', () => {
    const record = recordFromListing(row, 1);
    expect(record).toMatchObject({
      occid: 1,
      collid: 1,
      recordedBy: 'J. Smith',
      recordNumber: '212',
      eventDate: '1961-07-14',
      family: 'Plantaginaceae',
      county: 'Coconino',
      recordSecurity: 5,
      images: [],
      identifiers: [],
    });
    expect(record.fields['otherCatalogNumbers']).toBe('1499');
  });
});

describe('the legacy column that API v2 hides', () => {
  const apiRecord: SpecimenRecord = { ...recordFromListing(row, 1), fields: { recordedBy: 'J. Smith' } };

  it('is taken from the search row when the record has no identifier rows', () => {
    expect(withListedCatalogNumbers(apiRecord, '1499').fields['otherCatalogNumbers']).toBe('1499');
  });

  it('is left alone when the record has identifier rows (the row then merges both places)', () => {
    const withIds = { ...apiRecord, identifiers: [{ id: 1, name: '', value: '1499' }] };
    expect(withListedCatalogNumbers(withIds, '1499, 77').fields['otherCatalogNumbers']).toBeUndefined();
  });

  it('is left alone when the record was read from the editor pages, which show the column', () => {
    const fromEditor = { ...apiRecord, fields: { otherCatalogNumbers: null } };
    expect(withListedCatalogNumbers(fromEditor, 'x').fields['otherCatalogNumbers']).toBeNull();
  });
});
