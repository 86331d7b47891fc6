import { describe, expect, it } from 'vitest';
import {
  ESCALATION_REASONS,
  escalationComment,
  parseEscalationComment,
  type EscalationReason,
} from '../../src/domain/escalation';

describe('escalation comments', () => {
  it('writes a parseable comment with reason, candidates and note', () => {
    const text = escalationComment({
      reason: 'duplicate-has-image',
      note: 'stamp  smudged',
      candidates: [{ occid: 3, accession: '2310', catalogNumber: null }],
    });
    expect(text).toBe(
      '[Specimen Linker] Expert required (duplicate-has-image) — duplicate already has an image (candidates: 2310, record 3) — stamp smudged',
    );
    expect(parseEscalationComment(text)).toEqual({ reason: 'duplicate-has-image', note: 'stamp smudged' });
  });

  it('leaves out what is empty', () => {
    expect(escalationComment({ reason: 'no-stamp', note: '', candidates: [] })).toBe(
      '[Specimen Linker] Expert required (no-stamp) — no stamp on the sheet',
    );
  });

  it('does not claim comments it did not write', () => {
    expect(parseEscalationComment('Linking escalation: test')).toBeNull();
  });
});

describe('escalations read across languages and versions', () => {
  it('reads the reason from its code, whatever words follow it', () => {
    expect(
      parseEscalationComment(
        '[Specimen Linker] Expert required (no-stamp) — sin sello en la hoja — tinta borrosa',
      ),
    ).toEqual({ reason: 'no-stamp', note: 'tinta borrosa' });
  });

  it('still reads comments written before the code was added, by their English reason', () => {
    expect(
      parseEscalationComment(
        '[Specimen Linker] Expert required — several candidates (candidates: 8800, record 105; 8800, record 106) — stamp 8800',
      ),
    ).toEqual({ reason: 'several-candidates', note: 'stamp 8800' });
    expect(parseEscalationComment('[Specimen Linker] Expert required — no stamp on the sheet')).toEqual({
      reason: 'no-stamp',
      note: '',
    });
  });

  it('keeps a note that itself holds a dash whole', () => {
    const text = escalationComment({ reason: 'other', note: 'label torn — ask Ana', candidates: [] });
    expect(parseEscalationComment(text)).toEqual({ reason: 'other', note: 'label torn — ask Ana' });
  });

  it('reads an unknown code from a newer station as no reason recorded, keeping the note', () => {
    expect(
      parseEscalationComment('[Specimen Linker] Expert required (mould) — mould on the sheet — see photo'),
    ).toEqual({
      reason: null,
      note: 'see photo',
    });
  });

  it('writes every reason so that it reads back as itself', () => {
    for (const reason of Object.keys(ESCALATION_REASONS) as EscalationReason[]) {
      const text = escalationComment({ reason, note: 'n', candidates: [{ occid: 1 }] });
      expect(parseEscalationComment(text)).toEqual({ reason, note: 'n' });
    }
  });
});
