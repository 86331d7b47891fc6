import { expect, type Page } from '@playwright/test';

/** Drives the demo station the way a technician works it, and reads back what the demo portal holds. */
export class DemoStation {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: /Log in to the portal/ })).toBeVisible();
  }

  async logIn(username: string, password = 'demo') {
    await this.page.getByLabel('User name').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
  }

  /** A field of a record in the demo portal's database. */
  async portalRecordField(occid: number, field: string): Promise<string | null | undefined> {
    return this.page.evaluate(([o, f]) => window.__demoPortal?.record(o as number)?.fields[f as string], [
      occid,
      field,
    ] as const);
  }
}
