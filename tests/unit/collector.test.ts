import { describe, expect, it } from 'vitest';
import type { Checked } from '../../src/domain/result';
import { say } from '../../src/i18n/intl';
import { readCollector } from '../../src/domain/collector';

/** A refusal as the station words it (English in tests). */
const refusal = (r: Checked<unknown>) => (r.ok ? null : say(r.problem));

describe("reading a collector's last name", () => {
  it.each([
    ['Smith', 'Smith', '%Smith'],
    ['J. Smith', 'Smith', '%Smith'],
    ['Smith, J.', 'Smith', '%Smith'],
    ['J.A. Smith', 'Smith', '%Smith'],
    ['J.A.Smith', 'Smith', '%Smith'],
    ['R. A. Darrow', 'Darrow', '%Darrow'],
    ['John Smith', 'Smith', '%Smith'],
    ['Hernández', 'Hernández', '%Hernández'],
    ['E. L. Hernández Jr.', 'Hernández', '%Hernández'],
    ['van Devender', 'van Devender', '%+van +Devender'],
    ['T. R. van Devender', 'van Devender', '%+van +Devender'],
    ['van Devender, T.', 'van Devender', '%+van +Devender'],
    ['de la Cruz', 'de la Cruz', '%Cruz'],
    ['Smith-Jones', 'Smith-Jones', '%+Smith +Jones'],
    ['Li', 'Li', '%Li'],
    ['Wu, X.', 'Wu', '%Wu'],
    // A Spanish label's second surname as an initial after the name
    ['R. Acevedo T.', 'Acevedo', '%Acevedo'],
    ['E. Montiel S.', 'Montiel', '%Montiel'],
  ])('%j → %s, searched as %s', (typed, lastName, term) => {
    expect(readCollector(typed)).toEqual({ ok: true, value: { lastName, portalTerm: term } });
  });

  it('refuses search operators rather than let them change the search, and names them', () => {
    expect(refusal(readCollector('+Smith*'))).toContain('not part of a name (+ *)');
    expect(readCollector("O'Brien-Smith")).toMatchObject({ ok: true, value: { lastName: "O'Brien-Smith" } });
  });

  it.each([
    ['', /Type the collector/],
    ['212', /digits/],
    ['Smith 212', /digits/],
    ['J.', /no last name|digits/],
  ])('refuses %j', (typed, message) => {
    expect(refusal(readCollector(typed))).toMatch(message);
  });
});
