import { screen, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import type { startFakePortal } from '../../support/fake-server';
import { openStation, type OpenOptions } from './open-station';

/** The Option 2 screen as a technician works it, on a fake portal; reads back what the portal holds. */
export class UnprocessedStation {
  private constructor(
    readonly portal: ReturnType<typeof startFakePortal>,
    readonly user: ReturnType<typeof userEvent.setup>,
  ) {}

  static async open(options: OpenOptions = {}) {
    const { portal, user } = await openStation('#/unprocessed', 'Link unprocessed records', options);
    return new UnprocessedStation(portal, user);
  }

  /** Leaves sheets for later (F4) until the given barcodes have gone by, each checked on screen. */
  async leaveForLater(...barcodes: string[]) {
    for (const next of barcodes) {
      await this.press('{F4}');
      await this.sheet(next);
    }
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

  async sessionRow(barcode: string, state: RegExp, timeout = 1000) {
    const list = await screen.findByRole('region', { name: /This session/ });
    const row = await within(list).findByRole('row', { name: new RegExp(barcode) });
    await within(row).findByText(state, {}, { timeout });
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
