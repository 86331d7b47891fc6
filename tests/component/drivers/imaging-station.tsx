import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src/app/app';
import type { StationConfig } from '../../../src/domain/station';
import type { FakeState } from '../../../src/portal/fake-symbiota/state';
import { startFakePortal } from '../../support/fake-server';

export const stationConfig = (overrides: Partial<StationConfig> = {}): StationConfig => ({
  portalBasePath: '/portal',
  collectionId: 1,
  collectionChoices: [],
  barcode: { pattern: '^DEMO\\d{7}$', scannerPrefix: '', scannerSuffix: '' },
  accession: { prefixPattern: null, maxLength: 10, variantWidth: 6 },
  labelDateOrder: 'MDY',
  escalationComments: true,
  linkedStatus: null,
  ...overrides,
});

/** The Option 1 screen as a technician works it, on a fake portal; reads back what the portal holds. */
export class ImagingStation {
  readonly user = userEvent.setup();
  private constructor(readonly portal: ReturnType<typeof startFakePortal>) {}

  static async open(options: { state?: FakeState; config?: Partial<StationConfig>; as?: string } = {}) {
    const portal = startFakePortal({
      rootPath: '/portal',
      ...(options.state ? { state: options.state } : {}),
    });
    window.location.hash = '#/imaging';
    const station = new ImagingStation(portal);
    render(<App config={stationConfig(options.config)} portal={portal.portal} />);
    await station.user.type(await screen.findByLabelText('User name'), options.as ?? 'tech');
    await station.user.type(screen.getByLabelText('Password'), 'demo');
    await station.user.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByRole('heading', { name: 'Link while imaging' });
    return station;
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

  async waitForSessionRow(barcode: string, state: RegExp) {
    const table = await screen.findByRole('table');
    const row = await within(table).findByRole('row', { name: new RegExp(barcode) });
    await within(row).findByText(state);
    return row;
  }

  field(occid: number, name: string) {
    return this.fake.record(occid)?.fields[name];
  }
}
