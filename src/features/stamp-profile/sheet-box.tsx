import { useRef, useState } from 'react';
import type { Region } from '../../domain/stamp-profile';
import { useSay } from '../../i18n/use-say';
import { useSayRich } from '../../i18n/use-say-rich';
import type { Action } from '../../ui/actions';

interface Props {
  /** The sheet as the browser shows it. */
  imageUrl: string;
  /** Accessible name, e.g. "Sheet DEMO0001231". */
  label: string;
  /** The box round the stamp, as shares of the sheet; null before one is drawn. */
  box: Region | null;
  onBox: (box: Region) => void;
  /** Accept the box (Enter), skip the sheet (N): the same actions as the buttons under the sheet. */
  actions: Action[];
}

/** Arrow keys move the box by this share of the sheet, Shift+arrows grow or shrink it. */
const STEP = 0.01;

/**
 * A sheet on which a supervisor draws a box round the stamp: drag with the mouse, or with the keyboard
 * (arrows move it, Shift+arrows resize it, Enter accepts it, N skips the sheet). The box is kept as shares
 * of the sheet: the reader reads a larger image than the one shown.
 */
export function SheetBox({ imageUrl, label, box, onBox, actions }: Props) {
  const say = useSay();
  const sayRich = useSayRich();
  const image = useRef<HTMLImageElement>(null);
  const [loaded, setLoaded] = useState(false);
  const dragFrom = useRef<{ x: number; y: number } | null>(null);
  const clamp = (v: number) => Math.max(0, Math.min(1, v));

  const toSheet = (clientX: number, clientY: number) => {
    const rect = image.current!.getBoundingClientRect();
    return { x: clamp((clientX - rect.left) / rect.width), y: clamp((clientY - rect.top) / rect.height) };
  };
  const spanning = (a: { x: number; y: number }, b: { x: number; y: number }): Region => ({
    left: Math.min(a.x, b.x),
    top: Math.min(a.y, b.y),
    right: Math.max(a.x, b.x),
    bottom: Math.max(a.y, b.y),
  });

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!loaded) return;
    const action = actions.find((a) => a.key === event.key || a.key === event.key.toLowerCase());
    if (action) {
      event.preventDefault();
      if (!action.disabled) action.run();
      return;
    }
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const [dx, dy] = [move[0] * STEP, move[1] * STEP];
    const current = box ?? { left: 0.4, top: 0.45, right: 0.6, bottom: 0.55 };
    const width = current.right - current.left;
    const height = current.bottom - current.top;
    if (event.shiftKey) {
      const w = Math.max(STEP, Math.min(1 - current.left, width + dx));
      const h = Math.max(STEP, Math.min(1 - current.top, height + dy));
      onBox({ ...current, right: current.left + w, bottom: current.top + h });
    } else {
      const left = clamp(Math.min(1 - width, current.left + dx));
      const top = clamp(Math.min(1 - height, current.top + dy));
      onBox({ left, top, right: left + width, bottom: top + height });
    }
  };

  const percent = (v: number) => Math.round(v * 100);
  const described = box
    ? say('stamp-profile.box.now', {
        left: percent(box.left),
        right: percent(box.right),
        top: percent(box.top),
        bottom: percent(box.bottom),
      })
    : say('stamp-profile.box.none');

  return (
    <div className="sheet-box">
      {/* A two-dimensional keyboard widget: ARIA's role for it is `application`, its keys are described by
          aria-describedby; jsx-a11y counts that role as non-interactive. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        className="sheet-box-area"
        role="application"
        aria-roledescription="box drawing"
        aria-label={say('stamp-profile.box.area', { sheet: label })}
        aria-describedby="sheet-box-keys sheet-box-now"
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={(event) => {
          if (!loaded) return;
          event.currentTarget.setPointerCapture?.(event.pointerId);
          dragFrom.current = toSheet(event.clientX, event.clientY);
        }}
        onPointerMove={(event) => {
          if (dragFrom.current) onBox(spanning(dragFrom.current, toSheet(event.clientX, event.clientY)));
        }}
        onPointerUp={(event) => {
          if (dragFrom.current) onBox(spanning(dragFrom.current, toSheet(event.clientX, event.clientY)));
          dragFrom.current = null;
        }}
      >
        <img ref={image} src={imageUrl} alt={label} draggable={false} onLoad={() => setLoaded(true)} />
        {box ? (
          <div
            className="sheet-box-frame"
            style={{
              left: `${box.left * 100}%`,
              top: `${box.top * 100}%`,
              width: `${(box.right - box.left) * 100}%`,
              height: `${(box.bottom - box.top) * 100}%`,
            }}
          />
        ) : null}
      </div>
      <p id="sheet-box-keys" className="hint">
        {sayRich('stamp-profile.box.keys')}
      </p>
      <p id="sheet-box-now" className="hint" aria-live="polite">
        {described}
      </p>
    </div>
  );
}
