import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src/app/app';
import type { StationConfig } from '../../../src/domain/station';
import type { FakeState } from '../../../src/portal/fake-symbiota/state';
import { startFakePortal } from '../../support/fake-server';
import { stationConfig } from './imaging-station';

/** The Option 2 screen as a technician works it, on a fake portal; reads back what the portal holds. */
export class UnprocessedStation {
  readonly user = userEvent.setup();
  private constructor(readonly portal: ReturnType<typeof startFakePortal>) {}

  static async open(options: { state?: FakeState; config?: Partial<StationConfig> } = {}) {
    const portal = startFakePortal({
      rootPath: '/portal',
      ...(options.state ? { state: options.state } : {}),
    });
    window.location.hash = '#/unprocessed';
    const station = new UnprocessedStation(portal);
    render(<App config={stationConfig(options.config)} portal={portal.portal} />);
    await station.user.type(await screen.findByLabelText('User name'), 'tech');
    await station.user.type(screen.getByLabelText('Password'), 'demo');
    await station.user.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByRole('heading', { name: 'Link unprocessed records' });
    return station;
  }

  get fake() {
    return this.portal.fake;
  }

  close() {
    this.portal.close();
    window.location.hash = '';
  }

  accessionField = () => screen.getByLabelText('Stamped number on the sheet');

  /** Waits for a sheet to be on screen, ready for its stamp. */
  async sheet(barcode: string) {
    await screen.findByRole('figure', { name: `Sheet ${barcode}` });
    const field = await screen.findByLabelText('Stamped number on the sheet');
    await within(document.body).findByText(barcode, { selector: 'strong' });
    return field;
  }

  async enterAccession(stamp: string) {
    await this.user.keyboard(`${stamp}{Enter}`);
  }

  async press(key: string) {
    await this.user.keyboard(key);
  }

  notice = () =>
    [...screen.queryAllByRole('status'), ...screen.queryAllByRole('alert')]
      .map((n) => n.textContent ?? '')
      .join(' | ');

  async sessionRow(barcode: string, state: RegExp) {
    const list = await screen.findByRole('region', { name: /This session/ });
    const row = await within(list).findByRole('row', { name: new RegExp(barcode) });
    await within(row).findByText(state);
    return row;
  }

  record(occid: number) {
    const r = this.fake.record(occid);
    if (!r) return null;
    return {
      catalogNumber: r.fields['catalogNumber'] ?? null,
      status: r.fields['processingStatus'] ?? null,
      accessions: this.fake.identifiersOf(occid).map((i) => i.value),
      comments: this.fake.state.comments.filter((c) => c.occid === occid).map((c) => c.text),
      media: this.fake.mediaOf(occid).map((m) => m.mediaId),
    };
  }
}
