import { describe, expect, it } from 'vitest';
import { FakeSymbiota } from '../../src/portal/fake-symbiota/fake-portal';

/** The fake's database effects, checked against the SQL taken around each recorded exchange. */
const techPortal = () => {
  const fake = new FakeSymbiota({ clock: () => new Date('2026-11-23T18:56:35Z') });
  fake.login('tech', 'demo');
  return fake;
};

describe('W1 saves (09a–09e sql)', () => {
  it('writes the barcode and logs one catalognumber edit, leaving the accession alone (09a)', () => {
    const fake = techPortal();
    fake.save({ occid: 1, editedFields: ['catalognumber'], posted: [['catalognumber', 'DEMO0009001']] });
    expect(fake.record(1)?.fields).toMatchObject({
      catalogNumber: 'DEMO0009001',
      otherCatalogNumbers: '1499',
    });
    expect(fake.identifiersOf(1).map((i) => i.value)).toEqual(['1499']);
    expect(fake.editsOf(1)).toEqual([
      expect.objectContaining({
        ocedid: 2,
        fieldName: 'catalognumber',
        oldValue: '',
        newValue: 'DEMO0009001',
        uid: 2,
        appliedStatus: 1,
      }),
    ]);
  });

  it('inserts a new identifier row 31 and logs it, without touching dateLastModified (09b)', () => {
    const fake = techPortal();
    const before = fake.record(36)?.fields['dateLastModified'];
    fake.save({
      occid: 36,
      editedFields: ['idvalue'],
      posted: [
        ['idkey[]', 'newidentifier'],
        ['idname[]', ''],
        ['idvalue[]', '5120'],
      ],
    });
    expect(fake.identifiersOf(36)).toEqual([{ id: 31, occid: 36, name: '', value: '5120', modifiedUid: 2 }]);
    expect(fake.editsOf(36)).toEqual([
      expect.objectContaining({ fieldName: 'omoccuridentifiers', oldValue: '', newValue: '5120' }),
    ]);
    expect(fake.record(36)?.fields['dateLastModified']).toBe(before);
  });

  it('logs the status and the identifier as two edits (09c)', () => {
    const fake = techPortal();
    fake.save({
      occid: 38,
      editedFields: ['idvalue', 'processingstatus'],
      posted: [
        ['idkey[]', 'newidentifier'],
        ['idname[]', ''],
        ['idvalue[]', '4488'],
        ['processingstatus', 'expert required'],
      ],
    });
    expect(fake.record(38)?.fields['processingStatus']).toBe('expert required');
    expect(fake.editsOf(38).map((e) => [e.fieldName, e.oldValue, e.newValue])).toEqual([
      ['processingstatus', 'unprocessed', 'expert required'],
      ['omoccuridentifiers', '', '4488'],
    ]);
  });

  it('changes nothing for a user without rights or for nobody (09d)', () => {
    const fake = new FakeSymbiota();
    fake.login('viewer', 'demo');
    expect(
      fake.save({ occid: 1, editedFields: ['catalognumber'], posted: [['catalognumber', 'DEMO0009002']] }),
    ).toEqual({ kind: 'not-authorized' });
    fake.logout();
    expect(
      fake.save({ occid: 1, editedFields: ['catalognumber'], posted: [['catalognumber', 'DEMO0009002']] }),
    ).toEqual({ kind: 'not-authorized' });
    expect(fake.record(1)?.fields['catalogNumber']).toBeNull();
    expect(fake.state.edits).toEqual([]);
  });

  it('accepts a barcode another record already holds, as the real portal does (09e)', () => {
    const fake = techPortal();
    expect(
      fake.save({ occid: 2, editedFields: ['catalognumber'], posted: [['catalognumber', 'DEMO0001235']] })
        .kind,
    ).toBe('saved');
    expect(fake.catalogNumberHolders('DEMO0001235', 1, 0)).toEqual([2, 41]);
  });

  it('writes a posted field missing from editedfields without a log entry (PROTOCOL §7.1 trap)', () => {
    const fake = techPortal();
    fake.save({
      occid: 1,
      editedFields: ['catalognumber'],
      posted: [
        ['catalognumber', 'DEMO0009001'],
        ['locality', ''],
      ],
    });
    expect(fake.record(1)?.fields['locality']).toBeNull();
    expect(fake.editsOf(1).map((e) => e.fieldName)).toEqual(['catalognumber']);
  });
});

describe('W2 merge (10a, 10b, 10f sql)', () => {
  it('fills the legacy record from the skeletal one, moves the image, deletes and archives the source, logs nothing (10a)', () => {
    const fake = techPortal();
    expect(fake.merge(1, 34, 1)).toEqual({ ok: true });
    expect(fake.record(1)?.fields).toMatchObject({
      catalogNumber: 'DEMO0001234',
      processingStatus: 'unprocessed',
      otherCatalogNumbers: '1499',
      sciname: 'Penstemon barbatus',
    });
    expect(fake.mediaOf(1).map((m) => m.mediaId)).toEqual([3]);
    expect(fake.record(34)).toBeUndefined();
    expect(fake.state.archive).toEqual([
      expect.objectContaining({
        occid: 34,
        record: expect.objectContaining({
          catalogNumber: 'DEMO0001234',
          dateDeleted: expect.stringContaining('by Terry'),
        }),
      }),
    ]);
    expect(fake.state.edits).toEqual([]);
  });

  it('does nothing for a user without rights, and says nothing (10b)', () => {
    const fake = new FakeSymbiota();
    fake.login('viewer', 'demo');
    expect(fake.merge(8, 32, 1)).toEqual({ ok: false, error: null });
    expect(fake.record(32)).toBeDefined();
    expect(fake.state.archive).toEqual([]);
  });

  it("deletes the source's edit history and moves its identifier, so 7 holds 0452 and 452 (10e, 10f)", () => {
    const fake = techPortal();
    fake.save({
      occid: 37,
      editedFields: ['idvalue'],
      posted: [
        ['idkey[]', 'newidentifier'],
        ['idname[]', ''],
        ['idvalue[]', '452'],
      ],
    });
    expect(fake.editsOf(37)).toHaveLength(1);
    fake.merge(7, 37, 1);
    expect(fake.identifiersOf(7).map((i) => i.value)).toEqual(['0452', '452']);
    expect(fake.record(7)?.fields).toMatchObject({
      catalogNumber: 'DEMO0001239',
      processingStatus: 'unprocessed',
    });
    expect(fake.state.edits).toEqual([]);
  });

  it('refuses to merge a record into itself', () => {
    expect(techPortal().merge(1, 1, 1)).toEqual({ ok: false, error: 'ERROR: target and source are equal' });
  });
});

describe('new records and comments (12, 13)', () => {
  it('creates record 43 with the posted values and no edit log (13)', () => {
    const fake = techPortal();
    const created = fake.addRecord(1, [
      ['catalognumber', 'DEMO0009101'],
      ['processingstatus', 'expert required'],
      ['recordenteredby', 'tech'],
    ]);
    expect(created).toMatchObject({
      occid: 43,
      fields: expect.objectContaining({
        catalogNumber: 'DEMO0009101',
        processingStatus: 'expert required',
        recordEnteredBy: 'tech',
        basisOfRecord: 'PreservedSpecimen',
      }),
    });
    expect(fake.state.edits).toEqual([]);
  });

  it('publishes a comment at once (12b, 12c)', () => {
    const fake = techPortal();
    fake.addComment(38, 'Linking escalation: test');
    fake.logout();
    expect(fake.visibleComments(38)).toEqual([
      expect.objectContaining({ text: 'Linking escalation: test', reviewStatus: 1, uid: 2 }),
    ]);
  });
});

describe('the editor search semantics (03, 04, PROTOCOL §3.1, §4.1)', () => {
  const fake = techPortal();
  const occids = (q: Parameters<FakeSymbiota['query']>[0]) => fake.query(q).map((r) => r.occid);

  it('matches accession numbers exactly; a zero-led term also finds its stripped form, never the reverse', () => {
    expect(occids({ collid: 1, othercatalognumbers: '145' })).toEqual([]);
    expect(occids({ collid: 1, othercatalognumbers: '0145' })).toEqual([2]);
    expect(occids({ collid: 1, othercatalognumbers: '01499' })).toEqual([1]);
  });

  it('reads %Smith as a word search and a bare name as a prefix', () => {
    expect(occids({ collid: 1, recordedby: '%Smith' })).toEqual([1, 4, 6, 11, 15, 21, 29]);
    expect(occids({ collid: 1, recordedby: 'J. Sm' })).toEqual([1, 4, 6, 11, 15, 21, 29]);
    expect(occids({ collid: 1, recordedby: 'Smith' })).toEqual([]);
  });

  it('compares numeric collector numbers as numbers', () => {
    expect(occids({ collid: 1, recordedby: '%Smith', recordnumber: '0212' })).toEqual([1]);
  });

  it('finds records without an accession number with IS NULL on both places (§5.1)', () => {
    expect(
      occids({ collid: 1, othercatalognumbers: 'IS NULL', processingstatus: 'unprocessed' }),
    ).toHaveLength(10);
  });
});
