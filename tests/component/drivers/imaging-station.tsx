import { screen, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import type { startFakePortal } from '../../support/fake-server';
import { openStation, type OpenOptions } from './open-station';

/** The Option 1 screen as a technician works it, on a fake portal; reads back what the portal holds. */
export class ImagingStation {
  private constructor(
    readonly portal: ReturnType<typeof startFakePortal>,
    readonly user: ReturnType<typeof userEvent.setup>,
  ) {}

  static async open(options: OpenOptions = {}) {
    const { portal, user } = await openStation('#/imaging', 'Link while imaging', options);
    return new ImagingStation(portal, user);
  }

  get fake() {
    return this.portal.fake;
  }

  close() {
    this.portal.close();
    window.location.hash = '';
  }

  stampField = () => screen.getByLabelText('Stamped number');
  barcodeField = () => screen.getByLabelText(/^Barcode/);
  /** The find form's line: how the input was read, or what went wrong. */
  notice = () =>
    [...screen.queryAllByRole('status'), ...screen.queryAllByRole('alert')]
      .map((n) => n.textContent ?? '')
      .join(' | ');

  /** Types the stamp into the focused field and presses Enter, as a technician does. */
  async typeStamp(stamp: string) {
    await this.user.keyboard(`${stamp}{Enter}`);
  }

  async searchWithoutStamp(collector: string, number: string, date: string) {
    await this.user.keyboard('{Alt>}n{/Alt}');
    await this.user.keyboard(collector);
    if (number) await this.user.type(screen.getByLabelText('Collector number'), number);
    if (date) await this.user.type(screen.getByLabelText('Date'), date);
    await this.user.keyboard('{Enter}');
  }

  async confirmCard() {
    return screen.findByRole('heading', { name: 'Check the record against the sheet' });
  }

  async press(key: string) {
    await this.user.keyboard(key);
  }

  /** A keyboard-wedge scan: the characters and Enter, into whatever has focus. */
  async scan(code: string) {
    await this.user.keyboard(`${code}{Enter}`);
  }

  /** `timeout`: how long to wait, e.g. for the outbox's automatic retry (2 s after a first fault). */
  async waitForSessionRow(barcode: string, state: RegExp, timeout = 4000) {
    const table = await screen.findByRole('table');
    const row = await within(table).findByRole('row', { name: new RegExp(barcode) });
    await within(row).findByText(state, {}, { timeout });
    return row;
  }

  field(occid: number, name: string) {
    return this.fake.record(occid)?.fields[name];
  }
}
