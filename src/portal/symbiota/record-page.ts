/**
 * The public record page `collections/individual/index.php?occid=N`, which takes no edit lock (rec. 20d)
 * and is the same page in every language but for its labels. It shows the record's other catalog numbers
 * in `.assoccatnum-div`: its identifier rows, or the old Other Catalog Numbers column when it has none
 * (`OccurrenceIndividual::setAdditionalIdentifiers`, 3.0–3.4; rec. 25d, 25q). Each value follows its label
 * (`<label>Secondary Catalog #:</label> 612`; on 3.0 `<label>…: </label>612`), so the label is dropped.
 */

const text = (node: Node | null | undefined) =>
  (node?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Does the page show record `occid`? Its tabs link to it, and the comment form carries it (rec. 12a). */
function showsRecord(doc: Document, occid: number): boolean {
  const number = new RegExp(`[?&]occid=${occid}(?:&|$)`);
  return (
    doc.querySelector(`input[name="occid"][value="${occid}"]`) !== null ||
    [...doc.querySelectorAll('a[href]')].some((a) => number.test(a.getAttribute('href') ?? ''))
  );
}

/** One value: the element's text without its label. */
function valueOf(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('label').forEach((label) => label.remove());
  return text(copy);
}

/**
 * The other catalog numbers the page shows, joined as the table view joins them (`1499, 77`); null when it
 * shows none; undefined when the page does not show the record at all (then it says nothing about them).
 */
export function recordPageNumbers(doc: Document, occid: number): string | null | undefined {
  if (!showsRecord(doc, occid)) return undefined;
  const values = [...doc.querySelectorAll('.assoccatnum-div')]
    .flatMap((block) => {
      // 3.1–3.4: one inner div per value; 3.0: one block per identifier name.
      const inner = [...block.children].filter((child) => child.tagName === 'DIV');
      return inner.length > 0 ? inner : [block];
    })
    .map(valueOf)
    .filter((value) => value !== '');
  return values.length > 0 ? [...new Set(values)].join(', ') : null;
}
