import OpenSeadragon from 'openseadragon';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpecimenImage } from '../domain/occurrence';
import { useSay } from '../i18n/use-say';
import { useSayRich } from '../i18n/use-say-rich';

/** A part of the sheet in viewport coordinates (the sheet is 1 wide). */
export interface SheetRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

type ImageState = 'none' | 'held' | 'loading' | 'loaded' | 'failed';

interface Props {
  image: SpecimenImage | null;
  /** The sheet likely to come next: loaded, invisible, into the same viewer so Next shows it at once. */
  nextImage?: SpecimenImage | null;
  /** Accessible name of the sheet, e.g. "Sheet DEMO0001231". */
  label: string;
  /** The viewer's keys (PageUp/PageDown, Ctrl+arrows, F2, F3) work wherever focus is on the page. */
  keys?: boolean;
  /**
   * While set, the sheet is not shown yet and this says why (the station is finishing reading it, so that
   * the sheet and what was read from it appear together).
   */
  heldFor?: string | null;
}

const REGION_KEY = 'specimen-linker.stamp-region.v1';
/** Where stamps usually sit on a sheet until the technician shows the viewer otherwise: the top right. */
const DEFAULT_STAMP_REGION: SheetRegion = { x: 0.55, y: 0.02, width: 0.45, height: 0.25 };
/** Past this zoom the web-size image gets blurry, so the original is laid over it. */
const DEEP_ZOOM = 2.2;

/** Takes every image off the viewer but `keep` (none when null). */
function keepOnly(v: OpenSeadragon.Viewer, keep: OpenSeadragon.TiledImage | null) {
  for (let i = v.world.getItemCount() - 1; i >= 0; i--) {
    const item = v.world.getItemAt(i);
    if (item !== keep) v.world.removeItem(item);
  }
}

function rememberedRegion(): SheetRegion | null {
  try {
    const saved = JSON.parse(localStorage.getItem(REGION_KEY) ?? 'null') as SheetRegion | null;
    return saved && [saved.x, saved.y, saved.width, saved.height].every(Number.isFinite) ? saved : null;
  } catch {
    return null;
  }
}

/**
 * The sheet image, zoomable. The only place that knows OpenSeadragon: created once, destroyed on unmount,
 * each new sheet opened in the same viewer. The region the technician last zoomed to is remembered on this
 * station and reapplied to the next sheet, because a batch has its stamps in the same place.
 */
export function SpecimenViewer({
  image: given,
  nextImage = null,
  label,
  keys = true,
  heldFor = null,
}: Props) {
  const say = useSay();
  const sayRich = useSayRich();
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<OpenSeadragon.Viewer | null>(null);
  // Outcomes are kept per URL, so a new sheet starts as "loading" without resetting state in an effect.
  const [outcome, setOutcome] = useState<{ url: string; state: 'loaded' | 'failed' } | null>(null);
  const held = heldFor !== null && given !== null;
  const image = held ? null : given;
  const url = image?.webUrl ?? image?.originalUrl ?? null;
  const state: ImageState = held
    ? 'held'
    : url === null
      ? 'none'
      : outcome?.url === url
        ? outcome.state
        : 'loading';
  // Without matchMedia (an old browser, a test DOM) OpenSeadragon cannot start: a plain image lets the work go on.
  const [fallback] = useState(() => typeof window.matchMedia !== 'function');
  const deepZoomAdded = useRef(false);
  const userMoved = useRef(false);
  const movedSinceShown = useRef(false);
  const fitAgain = useRef<(() => void) | null>(null);
  const current = useRef(image);
  const preloaded = useRef<{ url: string; item: OpenSeadragon.TiledImage | null } | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!element || fallback) return;
    try {
      const created = OpenSeadragon({
        element,
        showNavigationControl: false,
        gestureSettingsMouse: { clickToZoom: false },
        visibilityRatio: 0.5,
        minZoomImageRatio: 0.8,
        maxZoomPixelRatio: 4,
        animationTime: 0.25,
        crossOriginPolicy: false,
        // Each sheet is one large image; a few in the cache cover going back, hundreds would fill memory.
        maxImageCacheCount: 8,
        // The 2D canvas draws a single sheet fast everywhere; WebGL without a GPU (many station PCs) is slow.
        drawer: 'canvas',
      });
      viewer.current = created;
      const moved = () => {
        userMoved.current = true;
        movedSinceShown.current = true;
      };
      created.addHandler('canvas-drag', moved);
      created.addHandler('canvas-scroll', moved);
      // The viewer's box can still change size after a sheet is shown (the first sheet of a session opens
      // while the screen is laid out): until the technician moves it, the sheet is fitted to the new box
      // again, instead of keeping a zoom that cuts its top and bottom off.
      created.addHandler('resize', () => {
        // After the viewer has kept the old bounds for the new box (its own handling, which follows this event).
        setTimeout(() => {
          if (viewer.current === created && !movedSinceShown.current && created.world.getItemCount() > 0)
            fitAgain.current?.();
        }, 0);
      });
      created.addHandler('zoom', (event) => {
        const source = current.current;
        if (
          !deepZoomAdded.current &&
          event.zoom !== undefined &&
          event.zoom > DEEP_ZOOM &&
          source?.originalUrl &&
          source.originalUrl !== source.webUrl
        ) {
          deepZoomAdded.current = true;
          created.addTiledImage({
            tileSource: { type: 'image', url: source.originalUrl },
            x: 0,
            y: 0,
            width: 1,
          });
        }
      });
      created.addHandler('animation-finish', () => {
        // What part of the sheet is on screen, for assistive checks and the end-to-end tests.
        const shown = created.viewport.getBounds();
        element.parentElement?.setAttribute(
          'data-view',
          [shown.x, shown.y, shown.width, shown.height].map((n) => n.toFixed(3)).join(' '),
        );
        // The sheet's height in the same units (its width is 1), to tell whether all of it is in view.
        const size = created.world.getItemAt(0)?.getContentSize();
        if (size) element.parentElement?.setAttribute('data-sheet-height', (size.y / size.x).toFixed(3));
        if (!userMoved.current) return;
        userMoved.current = false;
        const home = created.viewport.getHomeZoom();
        if (created.viewport.getZoom() < home * 1.3) return;
        const b = created.viewport.getBounds();
        localStorage.setItem(
          REGION_KEY,
          JSON.stringify({ x: b.x, y: b.y, width: b.width, height: b.height }),
        );
      });
      created.addHandler('open-failed', () => {
        const failed = current.current?.webUrl ?? current.current?.originalUrl;
        if (failed) setOutcome({ url: failed, state: 'failed' });
      });
    } catch {
      // Should the viewer fail to start after all, the toolbar stays inert; the record can still be handled.
      viewer.current = null;
    }
    return () => {
      viewer.current?.destroy();
      viewer.current = null;
    };
  }, [fallback]);

  useEffect(() => {
    current.current = image;
    deepZoomAdded.current = false;
    const v = viewer.current;
    if (!v) return;
    if (url === null) {
      if (held && preloaded.current) {
        // The sheet held while its reading finishes is, as a rule, the one loaded while the last was worked:
        // keep it (invisible) for when the hold ends, and take the last sheet off the screen.
        keepOnly(v, preloaded.current.item);
        return;
      }
      preloaded.current = null;
      v.close();
      return;
    }
    const showRegion = () => {
      movedSinceShown.current = false;
      fitAgain.current = showRegion;
      const region = rememberedRegion();
      if (region)
        v.viewport.fitBounds(new OpenSeadragon.Rect(region.x, region.y, region.width, region.height), true);
      else v.viewport.goHome(true);
    };
    const whenLoaded = (item: OpenSeadragon.TiledImage | undefined) => {
      const loaded = () => setOutcome({ url, state: 'loaded' });
      if (!item || item.getFullyLoaded()) loaded();
      else item.addOnceHandler('fully-loaded-change', loaded);
    };
    const ready = preloaded.current;
    preloaded.current = null;
    if (ready?.url === url && ready.item && v.world.getIndexOfItem(ready.item) >= 0) {
      // The sheet was loaded while the previous one was worked: show it, drop everything else.
      keepOnly(v, ready.item);
      ready.item.setOpacity(1);
      showRegion();
      whenLoaded(ready.item);
      return;
    }
    const onOpen = () => {
      showRegion();
      whenLoaded(v.world.getItemAt(0));
    };
    v.addOnceHandler('open', onOpen);
    v.open({ type: 'image', url } as unknown as Parameters<OpenSeadragon.Viewer['open']>[0]);
    return () => v.removeHandler('open', onOpen);
  }, [image, url, held]);

  const nextUrl = nextImage?.webUrl ?? nextImage?.originalUrl ?? null;
  useEffect(() => {
    const v = viewer.current;
    // Only once the sheet on screen is loaded, so the next one never delays it.
    if (!v || nextUrl === null || nextUrl === url || state !== 'loaded') return;
    if (preloaded.current?.url === nextUrl) return;
    if (preloaded.current?.item) v.world.removeItem(preloaded.current.item);
    const entry: { url: string; item: OpenSeadragon.TiledImage | null } = { url: nextUrl, item: null };
    preloaded.current = entry;
    v.addTiledImage({
      tileSource: { type: 'image', url: nextUrl },
      x: 0,
      y: 0,
      width: 1,
      opacity: 0,
      preload: true,
      success: (event) => {
        const item = (event as unknown as { item: OpenSeadragon.TiledImage }).item;
        if (preloaded.current === entry) entry.item = item;
        else v.world.removeItem(item);
      },
    });
  }, [nextUrl, url, state]);

  const act = useCallback((action: 'in' | 'out' | 'stamp' | 'whole' | [number, number]) => {
    const v = viewer.current;
    if (!v) return;
    if (action === 'whole') {
      v.viewport.goHome();
      return;
    }
    userMoved.current = true;
    movedSinceShown.current = true;
    if (action === 'in') v.viewport.zoomBy(1.5);
    else if (action === 'out') v.viewport.zoomBy(1 / 1.5);
    else if (action === 'stamp') {
      const r = rememberedRegion() ?? DEFAULT_STAMP_REGION;
      v.viewport.fitBounds(new OpenSeadragon.Rect(r.x, r.y, r.width, r.height));
    } else {
      const bounds = v.viewport.getBounds();
      v.viewport.panBy(
        new OpenSeadragon.Point(action[0] * bounds.width * 0.2, action[1] * bounds.height * 0.2),
      );
    }
    v.viewport.applyConstraints();
  }, []);

  useEffect(() => {
    if (!keys) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.metaKey) return;
      const arrows: Record<string, [number, number]> = {
        ArrowLeft: [-1, 0],
        ArrowRight: [1, 0],
        ArrowUp: [0, -1],
        ArrowDown: [0, 1],
      };
      let action: Parameters<typeof act>[0] | null = null;
      if (event.ctrlKey) action = arrows[event.key] ?? null;
      else if (event.key === 'PageUp') action = 'in';
      else if (event.key === 'PageDown') action = 'out';
      else if (event.key === 'F2') action = 'stamp';
      else if (event.key === 'F3') action = 'whole';
      if (action === null) return;
      event.preventDefault();
      act(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys, act]);

  return (
    <figure className="specimen-viewer" aria-label={label} data-image-state={state}>
      <div className="viewer-tools" role="toolbar" aria-label={say('viewer.toolbar')}>
        <button type="button" onClick={() => act('in')} aria-keyshortcuts="PageUp">
          {sayRich('viewer.zoom-in')}
        </button>
        <button type="button" onClick={() => act('out')} aria-keyshortcuts="PageDown">
          {sayRich('viewer.zoom-out')}
        </button>
        <button type="button" onClick={() => act('stamp')} aria-keyshortcuts="F2">
          {sayRich('viewer.stamp')}
        </button>
        <button type="button" onClick={() => act('whole')} aria-keyshortcuts="F3">
          {sayRich('viewer.whole')}
        </button>
        <span className="hint">{say('viewer.pan')}</span>
      </div>
      {fallback && url ? (
        <img
          className="viewer-fallback"
          src={url}
          alt={label}
          onLoad={() => setOutcome({ url, state: 'loaded' })}
          onError={() => setOutcome({ url, state: 'failed' })}
        />
      ) : null}
      <div
        ref={host}
        className="viewer-canvas"
        hidden={fallback || state === 'failed' || state === 'none' || state === 'held'}
      />
      {state === 'none' ? <p className="viewer-placeholder">{say('viewer.no-image')}</p> : null}
      {state === 'held' ? (
        <p className="viewer-placeholder" role="status">
          {heldFor}
        </p>
      ) : null}
      {state === 'failed' ? (
        <p className="viewer-placeholder" role="alert">
          {say('viewer.failed', { url })}
        </p>
      ) : null}
    </figure>
  );
}
