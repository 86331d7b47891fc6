import { expect, type Page } from '@playwright/test';
import { wordsIn, type TestLanguage, type Words } from './words';

/** Drives the demo station the way a technician works it, and reads back what the demo portal holds. */
export class DemoStation {
  /** The station's words in the language it runs in (tests/e2e/drivers/words.ts). */
  readonly w: Words;

  /** `language`: the station's language, chosen as a technician would in the header's switcher. */
  constructor(
    readonly page: Page,
    readonly language: TestLanguage = 'en',
  ) {
    this.w = wordsIn(language);
  }

  /** `profile`: the kind of portal the demo plays (`?portal=NAME`, src/portal/fake-symbiota/profiles.ts). */
  async open(profile?: string) {
    if (this.language !== 'en')
      await this.page.addInitScript(
        (l) => localStorage.setItem('specimen-linker.language', l),
        this.language,
      );
    await this.page.goto(profile ? `/?portal=${profile}` : '/');
    await expect(
      this.page.getByRole('heading', { name: this.w('session.login.heading', { collection: null }) }),
    ).toBeVisible();
  }

  /**
   * Another station on the same portal: another browser (its own cookies and sessions) whose demo portal
   * starts from this one's data, as two stations share one real portal. Opened at the login form.
   */
  async atAnotherStation(): Promise<DemoStation> {
    const { key, profile, data, chosen } = await this.page.evaluate(() => {
      const portal = window.__demoPortal!;
      // Another browser has no PHP session of its own yet.
      const state = { ...portal.state, session: null, editorSession: null };
      return {
        key: `specimen-linker.demo-portal.v2.${portal.profile.name}`,
        profile: portal.profile.name,
        data: JSON.stringify(state),
        // The other station speaks the language chosen on this one (its technician chose it too).
        chosen: localStorage.getItem('specimen-linker.language'),
      };
    });
    const context = await this.page
      .context()
      .browser()!
      .newContext({ baseURL: new URL(this.page.url()).origin });
    await context.addInitScript(
      ([k, v, language]) => {
        if (language) localStorage.setItem('specimen-linker.language', language);
        if (sessionStorage.getItem('seeded') !== null) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(k!, v!);
      },
      [key, data, chosen],
    );
    const other = new DemoStation(await context.newPage(), this.language);
    await other.open(profile);
    return other;
  }

  async logIn(username: string, password = 'demo') {
    await this.page.getByLabel(this.w('session.login.user-name')).fill(username);
    await this.page.getByLabel(this.w('session.login.password')).fill(password);
    await this.page.getByRole('button', { name: this.w('session.login.submit'), exact: true }).click();
  }

  /** Opens the demo, logs in as the technician and goes to Option 1 with the keyboard. */
  async startImaging(profile?: string) {
    await this.open(profile);
    await this.logIn('tech');
    await this.expectLoggedIn();
    await this.page.keyboard.press('Alt+1');
    await expect(this.stampField()).toBeFocused();
  }

  /** Opens the demo, logs in as the technician and goes to Option 2 with the keyboard. */
  async startUnprocessed(profile?: string) {
    await this.open(profile);
    await this.logIn('tech');
    await this.expectLoggedIn();
    await this.page.keyboard.press('Alt+2');
    await expect(this.accessionField()).toBeFocused();
  }

  /** The header says who is logged in. */
  async expectLoggedIn() {
    const [before] = this.w('shell.logged-in-as', { user: '\u0000' }).split('\u0000');
    await expect(this.page.getByText(before!.trim())).toBeVisible();
  }

  accessionField = () => this.page.getByLabel(this.w('unprocessed.entry.stamp'));

  /** The sheet on screen in Option 2, once its image is loaded. */
  async expectSheet(barcode: string) {
    await expect(
      this.page.getByRole('figure', { name: this.w('unprocessed.viewer.label', { sheet: barcode }) }),
    ).toHaveAttribute('data-image-state', 'loaded');
    await expect(this.accessionField()).toBeFocused();
  }

  /** Types what the stamp in the image says, and Enter. */
  async enterAccession(stamp: string) {
    await this.page.keyboard.type(stamp);
    await this.page.keyboard.press('Enter');
  }

  /** The station journal kept in this browser's IndexedDB. */
  async journal(): Promise<
    {
      action: string;
      occid: number;
      outcome: string;
      said: { code: string; values?: Record<string, unknown> };
      confirmedByReading?: boolean;
    }[]
  > {
    return this.page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          // Whatever version this station's journal is at.
          const open = indexedDB.open('specimen-linker-journal');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('entries').objectStore('entries').getAll();
            all.onsuccess = () => resolve(all.result);
            all.onerror = () => reject(all.error);
          };
        }),
    );
  }

  /** A record as the demo portal holds it: barcode, status, accession numbers, images, comments, edit log. */
  async portalRecord(occid: number) {
    return this.page.evaluate((o) => {
      const portal = window.__demoPortal!;
      const record = portal.record(o);
      if (!record) return null;
      return {
        catalogNumber: record.fields['catalogNumber'] ?? null,
        status: record.fields['processingStatus'] ?? null,
        accessions: portal.identifiersOf(o).map((i) => i.value),
        media: portal.mediaOf(o).map((m) => m.mediaId),
        comments: portal.state.comments.filter((c) => c.occid === o).map((c) => c.text),
        edits: portal.editsOf(o).map((e) => [e.fieldName, e.oldValue, e.newValue]),
      };
    }, occid);
  }

  stampField = () => this.page.getByLabel(this.w('imaging.find.stamp'), { exact: true });
  notice = () => this.page.locator('.status-line').first();

  async typeStamp(stamp: string) {
    await this.page.keyboard.type(stamp);
    await this.page.keyboard.press('Enter');
  }

  async searchWithoutStamp(collector: string, number: string, date: string) {
    await this.page.keyboard.press('Alt+N');
    await expect(this.page.getByLabel(this.w('imaging.find.collector'))).toBeFocused();
    await this.page.keyboard.type(collector);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(number);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(date);
    await this.page.keyboard.press('Enter');
  }

  async expectRecordCard(occid: number) {
    // Accessible names have their white space collapsed.
    const name = this.w('record.card.name', { occid })
      .replace(/\s+/g, ' ')
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(this.page.getByRole('article', { name: new RegExp(`^${name}\\b`) })).toBeVisible();
  }

  /** A keyboard-wedge scanner: the code's characters with no pause, then Enter. */
  async scan(code: string) {
    await this.page.keyboard.type(code);
    await this.page.keyboard.press('Enter');
  }

  async expectSessionRow(barcode: string, state: string) {
    await expect(this.page.getByRole('table').getByRole('row', { name: new RegExp(barcode) })).toContainText(
      state,
    );
  }

  /** A field of a record in the demo portal's database. */
  async portalRecordField(occid: number, field: string): Promise<string | null | undefined> {
    return this.page.evaluate(([o, f]) => window.__demoPortal?.record(o as number)?.fields[f as string], [
      occid,
      field,
    ] as const);
  }

  /** The portal's edit log for a record: [field, old, new] as the editor wrote it. */
  async portalEditLog(occid: number): Promise<[string, string, string][]> {
    return this.page.evaluate(
      (o) =>
        window
          .__demoPortal!.editsOf(o)
          .map((e) => [e.fieldName, e.oldValue, e.newValue] as [string, string, string]),
      occid,
    );
  }

  /** The record the portal holds for a barcode, with its status and comments. */
  async portalRecordByBarcode(barcode: string) {
    return this.page.evaluate((b) => {
      const portal = window.__demoPortal!;
      const record = portal.state.records.find((r) => r.fields['catalogNumber'] === b);
      if (!record) return null;
      return {
        occid: record.occid,
        status: record.fields['processingStatus'],
        comments: portal.state.comments.filter((c) => c.occid === record.occid).map((c) => c.text),
      };
    }, barcode);
  }
}
