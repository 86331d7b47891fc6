import { describe, expect, it } from 'vitest';
import { decideDuplicate } from '../../src/domain/duplicates';
import { previewMerge } from '../../src/domain/merge-preview';
import type { SpecimenRecord } from '../../src/domain/occurrence';
import { statusVocabulary } from '../../src/domain/processing-status';

describe('what to do with the duplicates of a typed accession number', () => {
  it('saves the accession when there is no duplicate', () => {
    expect(decideDuplicate([])).toEqual({ action: 'save-accession' });
  });

  it('compares and merges with one duplicate that has neither barcode nor image', () => {
    const only = { occid: 1, catalogNumber: null, imageCount: 0 };
    expect(decideDuplicate([only])).toEqual({ action: 'compare', target: only });
    expect(decideDuplicate([{ ...only, catalogNumber: '  ' }])).toMatchObject({ action: 'compare' });
  });

  it('sends a duplicate that already has an image to an expert', () => {
    expect(decideDuplicate([{ occid: 3, catalogNumber: null, imageCount: 1 }])).toMatchObject({
      action: 'expert-required',
      reason: 'duplicate-has-image',
    });
  });

  it('sends a duplicate that already has a barcode to an expert, because the merge would drop the new one', () => {
    expect(decideDuplicate([{ occid: 6, catalogNumber: 'DEMO0001241', imageCount: 0 }])).toMatchObject({
      action: 'expert-required',
      reason: 'duplicate-has-barcode',
    });
  });

  it('sends several duplicates to an expert with all of them named', () => {
    const candidates = [
      { occid: 1, catalogNumber: null, imageCount: 0 },
      { occid: 9, catalogNumber: null, imageCount: 0 },
    ];
    expect(decideDuplicate(candidates)).toEqual({
      action: 'expert-required',
      reason: 'several-duplicates',
      candidates,
    });
  });
});

const record = (
  occid: number,
  fields: Record<string, string | null>,
  extra: Partial<SpecimenRecord> = {},
): SpecimenRecord => ({
  occid,
  collid: 1,
  catalogNumber: fields['catalogNumber'] ?? null,
  identifiers: [],
  processingStatus: fields['processingStatus'] ?? null,
  recordedBy: fields['recordedBy'] ?? null,
  recordNumber: fields['recordNumber'] ?? null,
  eventDate: fields['eventDate'] ?? null,
  sciname: fields['sciname'] ?? null,
  family: null,
  locality: fields['locality'] ?? null,
  country: null,
  stateProvince: null,
  county: null,
  dateLastModified: null,
  recordSecurity: 0,
  images: [],
  fields: { occid: String(occid), collid: '1', ...fields },
  ...extra,
});

describe('the merge preview (recording 10a)', () => {
  const legacy = record(
    1,
    {
      catalogNumber: null,
      processingStatus: null,
      sciname: 'Penstemon barbatus',
      recordedBy: 'J. Smith',
      recordNumber: '212',
      eventDate: '1961-07-14',
      basisOfRecord: 'PreservedSpecimen',
      recordID: 'legacy-guid',
      dateLastModified: '2026-11-23 18:48:23',
    },
    { identifiers: [{ id: 1, name: '', value: '1499' }] },
  );
  const skeletal = record(
    34,
    {
      catalogNumber: 'DEMO0001234',
      processingStatus: 'unprocessed',
      basisOfRecord: 'PreservedSpecimen',
      recordID: 'skeletal-guid',
      dateLastModified: '2026-11-23 18:45:40',
    },
    {
      images: [{ mediaId: 3, webUrl: 'http://x/med.jpg', originalUrl: 'http://x/o.jpg', thumbnailUrl: null }],
    },
  );
  const preview = previewMerge(legacy, skeletal);

  it('gives the legacy record the skeletal barcode because its own is empty', () => {
    expect(preview.catalogNumber).toBe('DEMO0001234');
    expect(preview.barcodeSurvives).toBe(true);
    expect(preview.fields.find((f) => f.field === 'catalogNumber')).toMatchObject({
      from: 'source',
      result: 'DEMO0001234',
    });
  });

  it('turns an empty legacy status into unprocessed, as the portal does', () => {
    expect(preview.processingStatus).toBe('unprocessed');
  });

  it('keeps every legacy value, flagging values the skeletal record loses', () => {
    expect(preview.fields.find((f) => f.field === 'sciname')).toMatchObject({
      result: 'Penstemon barbatus',
      from: 'target',
      conflict: false,
    });
    expect(preview.fields.find((f) => f.field === 'recordID')).toMatchObject({
      result: 'legacy-guid',
      from: 'target',
      conflict: true,
    });
  });

  it('never touches the fields the merge skips', () => {
    expect(preview.fields.map((f) => f.field)).not.toContain('dateLastModified');
    expect(preview.fields.map((f) => f.field)).not.toContain('occid');
  });

  it('moves the image and keeps the accession identifier', () => {
    expect(preview.images).toEqual([{ image: skeletal.images[0], from: 'source' }]);
    expect(preview.identifiers).toEqual([{ name: '', value: '1499', from: 'target' }]);
  });

  it('says when the barcode would be lost because the legacy record has one', () => {
    const barcoded = record(6, { ...legacy.fields, catalogNumber: 'DEMO0001241' });
    expect(previewMerge(barcoded, skeletal)).toMatchObject({
      catalogNumber: 'DEMO0001241',
      barcodeSurvives: false,
    });
  });

  it('turns a legacy string with no identifier rows into a legacyOtherCatalogNumber identifier (§9.3)', () => {
    const onlyLegacy = record(7, { otherCatalogNumbers: '0452' });
    const skeletalWithId = record(
      37,
      { catalogNumber: 'DEMO0001239' },
      { identifiers: [{ id: 31, name: '', value: '452' }] },
    );
    expect(previewMerge(onlyLegacy, skeletalWithId).identifiers).toEqual([
      { name: 'legacyOtherCatalogNumber', value: '0452', from: 'target' },
      { name: '', value: '452', from: 'source' },
    ]);
  });
});

describe('the processing-status vocabulary', () => {
  it('reads the portal options, skipping All Records, the separator and No Set Status (rec. 02a)', () => {
    expect(
      statusVocabulary(['', '-------------------', 'unprocessed', 'Expert Required', 'reviewed', 'isnull']),
    ).toEqual(['unprocessed', 'expert required', 'reviewed']);
  });
});
