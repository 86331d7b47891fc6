import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { said } from '../../src/domain/said';
import type { Region, StampProfile } from '../../src/domain/stamp-profile';
import type { ProfileSample } from '../../src/domain/stamp-profile-learning';
import type { SheetReader, SheetReading } from '../../src/readers/sheet-reader';
import { stampProfileReset } from '../../src/ui/stamp-profile-store';
import { openStation } from './drivers/open-station';

/**
 * The stamp profile screen, keyboard only: a supervisor boxes the stamp on three sheets, keeps what the
 * station learned, exports it, resets it, imports it again; Option 2 then reads with it.
 */

const SHEET_WIDTH = 1800;
const SHEET_HEIGHT = 2400;

/** What the reader answers for a boxed stamp: black ink, the box's place, digits 3.7 % of the sheet tall. */
const sampleFor = (box: Region): ProfileSample => ({
  orientation: 'portrait',
  region: box,
  ink: { colour: [50, 48, 47], paper: [242, 238, 225], neutral: true, hue: -1 },
  digitHeight: 0.037,
});

function reader() {
  const sampled: { url: string; box: Region }[] = [];
  const readWith: (StampProfile | null)[] = [];
  const unread: SheetReading = {
    stamp: { kind: 'unread', why: said('check.stamp.none-found') },
    stampCrop: null,
    barcode: { kind: 'unreadable' },
    ms: 10,
  };
  const sheetReader: SheetReader = {
    warm: () => undefined,
    readLabel: () => Promise.resolve({ collector: null, number: null, date: null }),
    read(_url, _catalogNumber, profile = null) {
      readWith.push(profile);
      return Promise.resolve(unread);
    },
    sampleStamp(url, box) {
      sampled.push({ url, box });
      return Promise.resolve(sampleFor(box));
    },
  };
  return { sheetReader, sampled, readWith };
}

type User = ReturnType<typeof userEvent.setup>;

/** Tabs until the named control has the focus, as a keyboard user gets there. */
async function tabTo(user: User, element: HTMLElement) {
  for (let i = 0; i < 40 && document.activeElement !== element; i++) await user.tab();
  expect(element).toHaveFocus();
}

/** The sheet as the browser would show it: jsdom loads no images, so its size is given and its load fired. */
async function sheetShown(barcode: string) {
  const area = await screen.findByRole('application', {
    name: `Sheet ${barcode}: draw a box round the stamp`,
  });
  const image = within(area).getByRole('img', { name: `Sheet ${barcode}` });
  Object.defineProperty(image, 'naturalWidth', { value: SHEET_WIDTH, configurable: true });
  Object.defineProperty(image, 'naturalHeight', { value: SHEET_HEIGHT, configurable: true });
  fireEvent.load(image);
  return area;
}

let close: (() => void) | null = null;
afterEach(() => {
  stampProfileReset(1);
  close?.();
  close = null;
  vi.restoreAllMocks();
});

async function open() {
  const r = reader();
  const { portal, user } = await openStation('#/stamp-profile', 'Stamp profile', {
    sheetReader: r.sheetReader,
    config: { reading: { enabled: true, stampConfidence: 80, barcodeFormats: ['Code39'] } },
  });
  close = () => {
    portal.close();
    window.location.hash = '';
  };
  return { ...r, user };
}

describe('calibrating the stamp profile with the keyboard', () => {
  it('boxes the stamp on three sheets, learns, keeps the profile, and Option 2 reads with it', async () => {
    const { user, sampled, readWith } = await open();
    expect(
      screen.getByText('No profile: the station searches the whole sheet, in any ink.'),
    ).toBeInTheDocument();
    await tabTo(user, screen.getByRole('button', { name: 'Start calibrating' }));
    await user.keyboard('{Enter}');

    for (const [i, barcode] of ['DEMO0001231', 'DEMO0001232', 'DEMO0001233'].entries()) {
      const area = await sheetShown(barcode);
      expect(screen.getByText(`Sheet ${barcode}: ${i} of 3 boxed.`)).toBeInTheDocument();
      await tabTo(user, area);
      // An arrow puts a box in the middle of the sheet and moves it; Shift with an arrow resizes it.
      await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}{Shift>}{ArrowRight}{ArrowDown}{/Shift}');
      expect(
        screen.getByText(/^The box runs from 42 % to 63 % across the sheet and from 46 % to 57 % down\.$/),
      ).toBeInTheDocument();
      await user.keyboard('{Enter}');
      await waitFor(() => expect(sampled).toHaveLength(i + 1));
    }
    expect(sampled.map((s) => s.url)).toEqual([
      expect.stringContaining('DEMO0001231.jpg'),
      expect.stringContaining('DEMO0001232.jpg'),
      expect.stringContaining('DEMO0001233.jpg'),
    ]);
    const { left, top, right, bottom } = sampled[0]!.box;
    expect([left, top, right, bottom].map((v) => Math.round(v * 100))).toEqual([42, 46, 63, 57]);

    expect(await screen.findByText(/Learned from 3 sheets\./)).toBeInTheDocument();
    await tabTo(user, screen.getByRole('button', { name: 'Keep this profile' }));
    await user.keyboard('{Enter}');
    const kept = JSON.parse(
      localStorage.getItem('specimen-linker.stamp-profile.1') ?? 'null',
    ) as StampProfile;
    expect(kept).toMatchObject({ version: 1, collectionId: 1, sheets: 3, ink: { neutral: true } });
    expect(screen.getByText('black or grey')).toBeInTheDocument();
    expect(screen.getByText(/upright sheets: the middle of the sheet/)).toBeInTheDocument();
    expect(screen.getByText('digits about 0.8–1.4 cm tall')).toBeInTheDocument();

    // Option 2 reads the sheets with the profile kept.
    await user.keyboard('{Alt>}2{/Alt}');
    await screen.findByRole('heading', { name: 'Link unprocessed records' });
    await waitFor(() => expect(readWith.at(-1)).toEqual(kept));
  });

  it('N skips a sheet whose stamp is not typical; a box with no characters in it says so', async () => {
    const { user, sheetReader } = await open();
    vi.spyOn(sheetReader, 'sampleStamp').mockResolvedValueOnce(null);
    await tabTo(user, screen.getByRole('button', { name: 'Start calibrating' }));
    await user.keyboard('{Enter}');
    await tabTo(user, await sheetShown('DEMO0001231'));
    await user.keyboard('n');
    await tabTo(user, await sheetShown('DEMO0001232'));
    await user.keyboard('{ArrowUp}{Enter}');
    expect(
      await screen.findByText(
        'No line of characters was found in this box: draw it round the whole stamp, number included.',
      ),
    ).toBeInTheDocument();
  });
});

describe('sharing and resetting the profile', () => {
  it('exports it as a JSON file, resets it, and imports it again', async () => {
    const { user } = await open();
    // Calibrated once, with the mouse-free path above, and kept.
    await tabTo(user, screen.getByRole('button', { name: 'Start calibrating' }));
    await user.keyboard('{Enter}');
    for (const barcode of ['DEMO0001231', 'DEMO0001232', 'DEMO0001233']) {
      await tabTo(user, await sheetShown(barcode));
      await user.keyboard('{ArrowLeft}{Enter}');
    }
    await tabTo(user, await screen.findByRole('button', { name: 'Keep this profile' }));
    await user.keyboard('{Enter}');
    const kept = localStorage.getItem('specimen-linker.stamp-profile.1')!;

    let exported: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      exported = blob as Blob;
      return 'blob:profile';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await tabTo(user, screen.getByRole('button', { name: 'Export the profile' }));
    await user.keyboard('{Enter}');
    expect(
      screen.getByText(
        "Saved as stamp-profile-collection-1.json: import it on the collection's other stations.",
      ),
    ).toBeInTheDocument();
    const file = await (exported as unknown as Blob).text();
    expect(JSON.parse(file)).toEqual(JSON.parse(kept));

    await tabTo(user, screen.getByRole('button', { name: 'Reset to the defaults' }));
    await user.keyboard('{Enter}');
    expect(
      screen.getByText('No profile: the station searches the whole sheet, in any ink.'),
    ).toBeInTheDocument();
    expect(localStorage.getItem('specimen-linker.stamp-profile.1')).toBeNull();

    await user.upload(
      screen.getByLabelText('Stamp profile file to import'),
      new File([file], 'stamp-profile-collection-1.json', { type: 'application/json' }),
    );
    expect(
      await screen.findByText(
        'Imported stamp-profile-collection-1.json: this station now reads stamps with it.',
      ),
    ).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('specimen-linker.stamp-profile.1')!)).toEqual(JSON.parse(kept));
  });

  it('refuses a file that is not a profile, or another collection’s, and changes nothing', async () => {
    const { user } = await open();
    await user.upload(
      screen.getByLabelText('Stamp profile file to import'),
      new File(['not json'], 'notes.json', { type: 'application/json' }),
    );
    expect(
      await screen.findByText('notes.json is not a stamp profile (it is not JSON). Nothing changed.'),
    ).toBeInTheDocument();
    const other = {
      version: 1,
      collectionId: 7,
      learnedAt: '2026-12-01T09:30:00.000Z',
      sheets: 3,
      ink: { colour: [50, 48, 47], paper: [242, 238, 225], neutral: true, hue: -1 },
      regions: { portrait: { left: 0, top: 0.6, right: 0.5, bottom: 1 } },
      digitHeight: { min: 0.03, max: 0.05 },
    };
    await user.upload(
      screen.getByLabelText('Stamp profile file to import'),
      new File([JSON.stringify(other)], 'prague.json', { type: 'application/json' }),
    );
    expect(
      await screen.findByText(
        'prague.json was learned for collection 7, and this station works on collection 1. Nothing changed.',
      ),
    ).toBeInTheDocument();
    expect(localStorage.getItem('specimen-linker.stamp-profile.1')).toBeNull();
  });
});
