import { describe, expect, it } from 'vitest';
import { escalationComment, parseEscalationComment } from '../../src/domain/escalation';

describe('escalation comments', () => {
  it('writes a parseable comment with reason, candidates and note', () => {
    const text = escalationComment({
      reason: 'duplicate-has-image',
      note: 'stamp  smudged',
      candidates: [{ occid: 3, accession: '2310', catalogNumber: null }],
    });
    expect(text).toBe(
      '[Specimen Linker] Expert required — duplicate already has an image (candidates: 2310, record 3) — stamp smudged',
    );
    expect(parseEscalationComment(text)).toEqual({ reason: 'duplicate-has-image', note: 'stamp smudged' });
  });

  it('leaves out what is empty', () => {
    expect(escalationComment({ reason: 'no-stamp', note: '', candidates: [] })).toBe(
      '[Specimen Linker] Expert required — no stamp on the sheet',
    );
  });

  it('does not claim comments it did not write', () => {
    expect(parseEscalationComment('Linking escalation: test')).toBeNull();
  });
});
