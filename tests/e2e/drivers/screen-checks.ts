import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { catalogOf, type TestLanguage } from './words';

/** WCAG 2.1 A and AA, as axe-core checks them: no violation. */
export async function expectAccessible(page: Page, state: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = results.violations.map((v) => ({
    rule: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
  expect(found, `axe violations on ${state}`).toEqual([]);
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/\p{L}[\p{L}']+/gu) ?? [];

/**
 * The station's own words on the screen, leaving out what it shows as the portal holds it (record data,
 * statuses, notes: marked `translate="no"`, as they are for a browser's translator too) and key names.
 */
async function stationText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent ?? '');
        return;
      }
      if (!(node instanceof HTMLElement)) return;
      if (node.closest('[translate="no"], kbd, code, script, style, option:not(:checked)')) return;
      if (node.hidden || getComputedStyle(node).display === 'none') return;
      const label = node.getAttribute('aria-label');
      if (label) parts.push(label);
      const placeholder = node.getAttribute('placeholder');
      if (placeholder) parts.push(placeholder);
      for (const child of node.childNodes) walk(child);
    };
    walk(document.body);
    parts.push(document.title);
    return parts.join(' \n ');
  });
}

/**
 * No English left: every word on the screen that the English catalog uses and the language's catalog never
 * does is a sentence that was not translated (or never went through the catalog).
 */
export async function expectNoEnglish(
  page: Page,
  language: Exclude<TestLanguage, 'en' | 'en-XA'>,
  state: string,
) {
  const english = new Set(Object.values(catalogOf('en')).flatMap(wordsOf));
  const translated = new Set(Object.values(catalogOf(language)).flatMap(wordsOf));
  const text = await stationText(page);
  const left = [...new Set(wordsOf(text))].filter((w) => english.has(w) && !translated.has(w));
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => wordsOf(l).some((w) => left.includes(w)));
  expect(lines, `English words (${left.join(', ')}) on ${state} in ${language}`).toEqual([]);
}

/**
 * Nothing overflows at this window size: the page does not scroll sideways, no text is cut off by its box,
 * nothing sticks out of the box it sits in. Places that scroll on purpose (the sheet viewer, long lists)
 * carry `data-scrolls`.
 */
export async function expectNoOverflow(page: Page, state: string) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      found.push(
        `the page scrolls sideways (${document.documentElement.scrollWidth} px in ${window.innerWidth})`,
      );
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('[data-scrolls], [aria-hidden="true"], svg, canvas, .openseadragon-container')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0)
        continue;
      const clipsX = style.overflowX !== 'visible';
      const hasText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
      );
      if (
        clipsX &&
        el.scrollWidth > el.clientWidth + 1 &&
        el.tagName !== 'TEXTAREA' &&
        el.tagName !== 'INPUT'
      )
        found.push(`${name(el)} is cut off or scrolls sideways (${el.scrollWidth} px in ${el.clientWidth})`);
      else if (style.overflowY === 'hidden' && hasText && el.scrollHeight > el.clientHeight + 2)
        found.push(`${name(el)} is cut off at the bottom`);
      if (hasText && el.parentElement) {
        const box = el.getBoundingClientRect();
        const parent = el.parentElement.getBoundingClientRect();
        if (box.right > parent.right + 2 && getComputedStyle(el.parentElement).overflowX === 'visible')
          found.push(`${name(el)} sticks out of its box by ${Math.round(box.right - parent.right)} px`);
      }
    }
    return found;
  });
  expect(problems, `overflow on ${state}`).toEqual([]);
}
