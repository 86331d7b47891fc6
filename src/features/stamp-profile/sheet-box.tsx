import { useRef, useState } from 'react';
import type { Box } from '../../domain/sheet-reading';

interface Props {
  /** The sheet as the browser shows it. */
  imageUrl: string;
  /** Accessible name, e.g. "Sheet DEMO0001231". */
  label: string;
  /** The box round the stamp, in the image's own pixels; null before one is drawn. */
  box: Box | null;
  onBox: (box: Box) => void;
  onAccept: () => void;
  onSkip: () => void;
}

/** Arrow keys move the box by this share of the sheet, Shift+arrows grow or shrink it. */
const STEP = 0.01;

/**
 * A sheet on which a supervisor draws a box round the stamp: drag with the mouse, or with the keyboard
 * (arrows move it, Shift+arrows resize it, Enter accepts it, N skips the sheet). The box is kept in the
 * image's own pixels, whatever size the sheet is shown at.
 */
export function SheetBox({ imageUrl, label, box, onBox, onAccept, onSkip }: Props) {
  const image = useRef<HTMLImageElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const dragFrom = useRef<{ x: number; y: number } | null>(null);

  const toImage = (clientX: number, clientY: number) => {
    const rect = image.current!.getBoundingClientRect();
    const clamp = (v: number) => Math.max(0, Math.min(1, v));
    return {
      x: clamp((clientX - rect.left) / rect.width) * size!.width,
      y: clamp((clientY - rect.top) / rect.height) * size!.height,
    };
  };
  const spanning = (a: { x: number; y: number }, b: { x: number; y: number }): Box => ({
    x: Math.round(Math.min(a.x, b.x)),
    y: Math.round(Math.min(a.y, b.y)),
    width: Math.round(Math.abs(a.x - b.x)),
    height: Math.round(Math.abs(a.y - b.y)),
  });

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!size) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (box) onAccept();
      return;
    }
    if (event.key === 'n' || event.key === 'N') {
      event.preventDefault();
      onSkip();
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
    const dx = move[0] * STEP * size.width;
    const dy = move[1] * STEP * size.height;
    const current = box ?? {
      x: Math.round(size.width * 0.4),
      y: Math.round(size.height * 0.45),
      width: Math.round(size.width * 0.2),
      height: Math.round(size.height * 0.1),
    };
    const next = event.shiftKey
      ? { ...current, width: Math.max(10, current.width + dx), height: Math.max(10, current.height + dy) }
      : { ...current, x: current.x + dx, y: current.y + dy };
    onBox({
      x: Math.round(Math.max(0, Math.min(size.width - next.width, next.x))),
      y: Math.round(Math.max(0, Math.min(size.height - next.height, next.y))),
      width: Math.round(Math.min(size.width, next.width)),
      height: Math.round(Math.min(size.height, next.height)),
    });
  };

  const share = (v: number, of: number) => `${Math.round((v / of) * 100)} %`;
  const described =
    box && size
      ? `The box runs from ${share(box.x, size.width)} to ${share(box.x + box.width, size.width)} across the sheet and from ${share(box.y, size.height)} to ${share(box.y + box.height, size.height)} down.`
      : 'No box yet.';

  return (
    <div className="sheet-box">
      {/* A two-dimensional keyboard widget: ARIA's role for it is `application`, its keys are described by
          aria-describedby; jsx-a11y counts that role as non-interactive. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        className="sheet-box-area"
        role="application"
        aria-roledescription="box drawing"
        aria-label={`${label}: draw a box round the stamp`}
        aria-describedby="sheet-box-keys sheet-box-now"
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={(event) => {
          if (!size) return;
          event.currentTarget.setPointerCapture?.(event.pointerId);
          dragFrom.current = toImage(event.clientX, event.clientY);
        }}
        onPointerMove={(event) => {
          if (dragFrom.current) onBox(spanning(dragFrom.current, toImage(event.clientX, event.clientY)));
        }}
        onPointerUp={(event) => {
          if (dragFrom.current) onBox(spanning(dragFrom.current, toImage(event.clientX, event.clientY)));
          dragFrom.current = null;
        }}
      >
        <img
          ref={image}
          src={imageUrl}
          alt={label}
          draggable={false}
          onLoad={(event) =>
            setSize({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
          }
        />
        {box && size ? (
          <div
            className="sheet-box-frame"
            data-testid="stamp-box"
            style={{
              left: `${(box.x / size.width) * 100}%`,
              top: `${(box.y / size.height) * 100}%`,
              width: `${(box.width / size.width) * 100}%`,
              height: `${(box.height / size.height) * 100}%`,
            }}
          />
        ) : null}
      </div>
      <p id="sheet-box-keys" className="hint">
        Drag round the stamp with the mouse, or use the keyboard: <kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd>{' '}
        <kbd>↓</kbd> move the box, <kbd>Shift</kbd> with an arrow makes it wider, narrower, taller or shorter,{' '}
        <kbd>Enter</kbd> accepts it, <kbd>N</kbd> skips a sheet whose stamp is not typical.
      </p>
      <p id="sheet-box-now" className="hint" aria-live="polite">
        {described}
      </p>
    </div>
  );
}
