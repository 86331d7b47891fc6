import { parse } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { englishMessages } from '../../src/i18n/english';
import { pseudoMessage, pseudoMessages } from '../../src/i18n/pseudo';

describe('the pseudo-language the layout tests run in', () => {
  it('accents and lengthens the words, keeping values, plurals and markup working', () => {
    const intl = createIntl({
      locale: 'en',
      messages: {
        m: pseudoMessage(
          'Saving {barcode}: {count, plural, one {# record} other {# records}} <kbd>Enter</kbd>',
        ),
      },
    });
    const text = intl.formatMessage(
      { id: 'm' },
      { barcode: 'DEMO0001231', count: 2, kbd: (c) => `[${String(c)}]` },
    );
    expect(text).toContain('DEMO0001231');
    expect(text).toContain('2 réçörds');
    expect(text).toMatch(/\[Éñtér ~+\]/);
    expect(text.length).toBeGreaterThan('Saving DEMO0001231: 2 records [Enter]'.length * 1.2);
  });

  it('turns every English message into one that still parses', () => {
    const pseudo = pseudoMessages(englishMessages);
    expect(Object.keys(pseudo)).toEqual(Object.keys(englishMessages));
    for (const message of Object.values(pseudo)) expect(() => parse(printAST(message))).not.toThrow();
  });
});
