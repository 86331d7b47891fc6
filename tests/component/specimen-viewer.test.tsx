import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { SpecimenImage } from '../../src/domain/occurrence';
import { SpecimenViewer } from '../../src/ui/specimen-viewer';
import { inStationLanguage } from '../support/intl';

/**
 * The viewer with OpenSeadragon played by the test: which sheets it fetches and shows. The station loads
 * the next sheet while this one is worked, so that Next shows it at once.
 */
const fetched: string[] = [];

vi.mock('openseadragon', () => {
  type Handler = (event: Record<string, unknown>) => void;
  class Item {
    opacity: number;
    constructor(
      readonly url: string,
      opacity = 1,
    ) {
      this.opacity = opacity;
    }
    setOpacity(o: number) {
      this.opacity = o;
    }
    getFullyLoaded() {
      return true;
    }
    addOnceHandler() {}
    getContentSize() {
      return { x: 1000, y: 1400 };
    }
  }
  class Viewer {
    items: Item[] = [];
    handlers = new Map<string, Handler[]>();
    world = {
      getItemCount: () => this.items.length,
      getItemAt: (i: number) => this.items[i],
      getIndexOfItem: (item: Item) => this.items.indexOf(item),
      removeItem: (item: Item) => {
        this.items = this.items.filter((i) => i !== item);
      },
    };
    viewport = {
      fitBounds() {},
      goHome() {},
      getBounds: () => ({ x: 0, y: 0, width: 1, height: 1.4 }),
      getHomeZoom: () => 1,
      getZoom: () => 1,
    };
    addHandler(name: string, handler: Handler) {
      this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
    }
    addOnceHandler(name: string, handler: Handler) {
      const once: Handler = (event) => {
        this.removeHandler(name, once);
        handler(event);
      };
      this.addHandler(name, once);
    }
    removeHandler(name: string, handler: Handler) {
      this.handlers.set(
        name,
        (this.handlers.get(name) ?? []).filter((h) => h !== handler),
      );
    }
    open(source: { url: string }) {
      fetched.push(source.url);
      this.items = [new Item(source.url)];
      for (const h of this.handlers.get('open') ?? []) h({});
    }
    addTiledImage(options: { tileSource: { url: string }; opacity?: number; success?: Handler }) {
      fetched.push(options.tileSource.url);
      const item = new Item(options.tileSource.url, options.opacity ?? 1);
      this.items.push(item);
      options.success?.({ item });
    }
    close() {
      this.items = [];
    }
    destroy() {}
  }
  const OpenSeadragon = Object.assign((_options: unknown) => new Viewer(), {
    Rect: class {
      constructor(
        readonly x: number,
        readonly y: number,
        readonly width: number,
        readonly height: number,
      ) {}
    },
  });
  return { default: OpenSeadragon };
});

const sheet = (n: number): SpecimenImage => ({
  mediaId: n,
  webUrl: `/imglib/DEMO000${n}.jpg`,
  originalUrl: null,
  thumbnailUrl: null,
});

beforeEach(() => {
  fetched.length = 0;
  // OpenSeadragon starts only where the browser can tell its screen (a test DOM cannot by itself).
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
});
afterEach(() => vi.unstubAllGlobals());

it('a sheet held while its reading finishes is the one loaded ahead: shown when the hold ends, not fetched again', () => {
  const view = render(
    <SpecimenViewer image={sheet(1)} nextImage={sheet(2)} label="Sheet 1" />,
    inStationLanguage,
  );
  // Sheet 1 shows; sheet 2 is loaded ahead, invisible.
  expect(fetched).toEqual(['/imglib/DEMO0001.jpg', '/imglib/DEMO0002.jpg']);

  // Next: sheet 2 is held while its reading finishes, then shown.
  view.rerender(
    <SpecimenViewer image={sheet(2)} nextImage={sheet(3)} label="Sheet 2" heldFor="Reading the sheet…" />,
  );
  expect(screen.getByRole('status')).toHaveTextContent('Reading the sheet…');
  view.rerender(<SpecimenViewer image={sheet(2)} nextImage={sheet(3)} label="Sheet 2" />);

  // Sheet 2 came from what was loaded ahead; only sheet 3, the next one, was fetched since.
  expect(fetched).toEqual(['/imglib/DEMO0001.jpg', '/imglib/DEMO0002.jpg', '/imglib/DEMO0003.jpg']);
});

it('a sheet held that was not loaded ahead is opened when the hold ends', () => {
  const view = render(
    <SpecimenViewer image={sheet(1)} nextImage={null} label="Sheet 1" />,
    inStationLanguage,
  );
  view.rerender(
    <SpecimenViewer image={sheet(5)} nextImage={null} label="Sheet 5" heldFor="Reading the sheet…" />,
  );
  view.rerender(<SpecimenViewer image={sheet(5)} nextImage={null} label="Sheet 5" />);
  expect(fetched).toEqual(['/imglib/DEMO0001.jpg', '/imglib/DEMO0005.jpg']);
});
