import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src/app/app';
import { DEFAULT_READING, type StationConfig } from '../../../src/domain/station';
import type { PortalProfile } from '../../../src/portal/fake-symbiota/profiles';
import type { SheetReader } from '../../../src/readers/sheet-reader';
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
  // Component tests read no sheets unless they ask to (the readers are tested in Node and end to end).
  reading: { ...DEFAULT_READING, enabled: false },
  ...overrides,
});

export interface OpenOptions {
  state?: FakeState;
  /** The kind of portal the fake plays (default: the recorded one). */
  profile?: PortalProfile;
  config?: Partial<StationConfig>;
  as?: string;
  /** Reads the sheets (default: no reading). */
  sheetReader?: SheetReader;
}

/** A station on a fake portal, logged in through the form, on one screen (`#/imaging`, `#/unprocessed`). */
export async function openStation(screenHash: string, heading: string, options: OpenOptions = {}) {
  const portal = startFakePortal({
    rootPath: '/portal',
    ...(options.state ? { state: options.state } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  });
  window.location.hash = screenHash;
  const user = userEvent.setup();
  render(
    <App
      config={stationConfig(options.config)}
      portal={portal.portal}
      {...(options.sheetReader ? { sheetReader: options.sheetReader } : {})}
    />,
  );
  await user.type(await screen.findByLabelText('User name'), options.as ?? 'tech');
  await user.type(screen.getByLabelText('Password'), 'demo');
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  await screen.findByRole('heading', { name: heading });
  return { portal, user };
}
