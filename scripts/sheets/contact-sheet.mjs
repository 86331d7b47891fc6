#!/usr/bin/env node
// A PNG grid of thumbnails of tests/sheets/varied/ (or another generated set), with each
// sheet's stamp box from the manifest drawn in, so a person can eyeball the set.
//
//   node scripts/sheets/contact-sheet.mjs [--dir tests/sheets/varied] [--out /tmp/varied-contact.png]
//        [--crops /tmp/varied-crops.png] [--no-boxes] [--cols 8]
//
// --crops also writes a grid of the stamps themselves (each manifest stampBox, with a margin).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage, GlobalFonts } from '@napi-rs/canvas';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
let dir = path.join(REPO, 'tests', 'sheets', 'varied');
let out = '/tmp/varied-contact.png';
let crops = null;
let boxes = true;
let cols = 8;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--dir') dir = path.resolve(argv[++i]);
  else if (argv[i] === '--out') out = path.resolve(argv[++i]);
  else if (argv[i] === '--crops') crops = path.resolve(argv[++i]);
  else if (argv[i] === '--no-boxes') boxes = false;
  else if (argv[i] === '--cols') cols = Number(argv[++i]);
}
GlobalFonts.registerFromPath(
  path.join(REPO, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  'SLV Contact Sans',
);
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const sheets = manifest.sheets;

function strokeBox(g, b, s, colour) {
  if (!b) return;
  g.strokeStyle = colour;
  g.strokeRect(b.x * s, b.y * s, b.width * s, b.height * s);
}
function caption(g, lines, x, y, w) {
  g.fillStyle = '#000';
  g.font = '12px "SLV Contact Sans"';
  lines.forEach((t, k) => {
    let s = t;
    while (g.measureText(s).width > w - 4 && s.length > 3) s = s.slice(0, -2);
    g.fillText(s, x + 2, y + 13 + k * 14);
  });
}

// thumbnails
const cell = 230;
const capH = 46;
const rows = Math.ceil(sheets.length / cols);
const sheet = createCanvas(cols * cell, rows * (cell + capH));
const g = sheet.getContext('2d');
g.fillStyle = '#fff';
g.fillRect(0, 0, sheet.width, sheet.height);
for (const [k, e] of sheets.entries()) {
  const img = await loadImage(path.join(dir, e.file));
  const s = Math.min((cell - 8) / img.width, (cell - 8) / img.height);
  const x0 = (k % cols) * cell + (cell - img.width * s) / 2;
  const y0 = Math.floor(k / cols) * (cell + capH) + 4;
  g.save();
  g.translate(x0, y0);
  g.drawImage(img, 0, 0, img.width * s, img.height * s);
  if (boxes) {
    g.lineWidth = 2;
    strokeBox(g, e.stampBox, s, '#00b4ff');
    strokeBox(g, e.ghost?.stampBox, s, '#ff8c00');
    for (const b of e.labelNumberBoxes || []) strokeBox(g, b, s, '#e00000');
  }
  g.restore();
  caption(
    g,
    [
      `${e.id.replace('varied-', '#')} ${e.accession ?? 'no stamp'} ${e.ink ?? ''} t${e.turn}${e.collection ? ' ' + e.collection : ''}`,
      e.tags.filter((t) => !/^(design-|collection-name|no-collection-name|turn-)/.test(t)).join(' '),
      e.printed ?? (e.labelNumbers || []).join(' | '),
    ],
    (k % cols) * cell,
    Math.floor(k / cols) * (cell + capH) + cell - 8,
    cell,
  );
}
fs.writeFileSync(out, sheet.toBuffer('image/png'));
console.log(`wrote ${out} (${sheets.length} sheets)`);

// stamp crops
if (crops) {
  const cw = 300;
  const ch = 220;
  const withStamp = sheets.filter((e) => e.stampBox);
  const rowsC = Math.ceil(withStamp.length / cols);
  const c = createCanvas(cols * cw, rowsC * (ch + 18));
  const cg = c.getContext('2d');
  cg.fillStyle = '#fff';
  cg.fillRect(0, 0, c.width, c.height);
  for (const [k, e] of withStamp.entries()) {
    const img = await loadImage(path.join(dir, e.file));
    const b = e.stampBox;
    const m = Math.round(Math.max(b.width, b.height) * 0.1);
    const sx = Math.max(0, b.x - m);
    const sy = Math.max(0, b.y - m);
    const sw = Math.min(img.width, b.x + b.width + m) - sx;
    const sh = Math.min(img.height, b.y + b.height + m) - sy;
    const s = Math.min((cw - 6) / sw, (ch - 6) / sh);
    const x0 = (k % cols) * cw + 3;
    const y0 = Math.floor(k / cols) * (ch + 18) + 3;
    cg.drawImage(img, sx, sy, sw, sh, x0, y0, sw * s, sh * s);
    caption(cg, [`${e.id.replace('varied-', '#')} ${e.accession} "${e.printed}"`], x0 - 3, y0 + ch - 10, cw);
  }
  fs.writeFileSync(crops, c.toBuffer('image/png'));
  console.log(`wrote ${crops} (${withStamp.length} stamps)`);
}
