#!/usr/bin/env node
// Generates the varied herbarium-sheet set in tests/sheets/varied/ (JPEGs + manifest.json)
// from the demo herbarium's sheets: the demo's violet stamp is removed, and a new stamp is
// drawn (or none) with a seeded PRNG, so the output is the same on every run with the same
// package versions (@napi-rs/canvas and the font packages are pinned in package.json).
//
//   node scripts/sheets/make-varied-sheets.mjs [BASE_DIR] [--out DIR] [--only 1,7,12]
//
// BASE_DIR defaults to ../shared/demo-herbarium/sheets (relative to the repository root).
// See scripts/sheets/README.md for what the set is and what the manifest fields mean.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage, GlobalFonts } from '@napi-rs/canvas';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const SEED = 4521;
const GENERATOR = 'scripts/sheets/make-varied-sheets.mjs';

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
let baseArg = '../shared/demo-herbarium/sheets';
let outDir = path.join(REPO, 'tests', 'sheets', 'varied');
let only = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--out') outDir = path.resolve(argv[++i]);
  else if (a === '--only') only = new Set(argv[++i].split(',').map(Number));
  else if (a === '--help' || a === '-h') {
    console.log('usage: node scripts/sheets/make-varied-sheets.mjs [BASE_DIR] [--out DIR] [--only 1,2,3]');
    process.exit(0);
  } else baseArg = a;
}
const baseDir = path.resolve(REPO, baseArg);
if (!fs.existsSync(baseDir)) {
  console.error(`base folder not found: ${baseDir}`);
  process.exit(1);
}

// ---------------------------------------------------------------- fonts (npm packages only)
const NM = path.join(REPO, 'node_modules');
const FONT_FILES = {
  sans: ['SLV DejaVu Sans Bold', 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'],
  sansCond: ['SLV DejaVu Sans Condensed Bold', 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf'],
  serif: ['SLV DejaVu Serif Bold', 'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf'],
  serifBook: ['SLV DejaVu Serif', 'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'],
  mono: ['SLV DejaVu Sans Mono Bold', 'dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf'],
  condensed: ['SLV Oswald SemiBold', '@fontsource/oswald/files/oswald-latin-600-normal.woff2'],
  stencil: [
    'SLV Saira Stencil One',
    '@fontsource/saira-stencil-one/files/saira-stencil-one-latin-400-normal.woff2',
  ],
  dotmatrix: ['SLV Doto Black', '@fontsource/doto/files/doto-latin-900-normal.woff2'],
  typewriter: ['SLV Special Elite', '@fontsource/special-elite/files/special-elite-latin-400-normal.woff2'],
  baskerville: [
    'SLV Libre Baskerville Bold',
    '@fontsource/libre-baskerville/files/libre-baskerville-latin-700-normal.woff2',
  ],
};
for (const [key, [family, rel]] of Object.entries(FONT_FILES)) {
  const file = path.join(NM, rel);
  if (!fs.existsSync(file)) {
    console.error(
      `font file missing (${key}): ${file}\nrun: npm install (the font packages are devDependencies)`,
    );
    process.exit(1);
  }
  GlobalFonts.registerFromPath(file, family);
}
const PACKAGES = [
  '@napi-rs/canvas',
  'dejavu-fonts-ttf',
  '@fontsource/oswald',
  '@fontsource/saira-stencil-one',
  '@fontsource/doto',
  '@fontsource/special-elite',
  '@fontsource/libre-baskerville',
];
const packageVersions = Object.fromEntries(
  PACKAGES.map((p) => [p, JSON.parse(fs.readFileSync(path.join(NM, p, 'package.json'), 'utf8')).version]),
);
// Fonts whose digits look like a numbering machine's (fixed pitch, dotted or stencil wheels).
const NUMBERING_MACHINE_FONTS = new Set(['mono', 'dotmatrix', 'stencil']);

// ---------------------------------------------------------------- seeded randomness
function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function makeRng(seed) {
  const next = mulberry32(seed);
  const rng = {
    next,
    range: (a, b) => a + (b - a) * next(),
    int: (a, b) => a + Math.floor(next() * (b - a + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    gauss: () => {
      const u = Math.max(next(), 1e-9);
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    sign: () => (next() < 0.5 ? -1 : 1),
  };
  return rng;
}

// ---------------------------------------------------------------- fields (noise, blur)
const smoothstep = (e0, e1, x) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};
function valueNoise(w, h, cell, rng) {
  cell = Math.max(1, cell);
  const gw = Math.ceil(w / cell) + 2;
  const gh = Math.ceil(h / cell) + 2;
  const g = new Float32Array(gw * gh);
  for (let i = 0; i < g.length; i++) g[i] = rng.next();
  const out = new Float32Array(w * h);
  const tx = new Float32Array(w);
  const ix = new Int32Array(w);
  for (let x = 0; x < w; x++) {
    const f = x / cell;
    ix[x] = Math.floor(f);
    const t = f - ix[x];
    tx[x] = t * t * (3 - 2 * t);
  }
  for (let y = 0; y < h; y++) {
    const fy = y / cell;
    const iy = Math.floor(fy);
    let ty = fy - iy;
    ty = ty * ty * (3 - 2 * ty);
    const r0 = iy * gw;
    const r1 = r0 + gw;
    for (let x = 0; x < w; x++) {
      const i = ix[x];
      const t = tx[x];
      const top = g[r0 + i] + (g[r0 + i + 1] - g[r0 + i]) * t;
      const bot = g[r1 + i] + (g[r1 + i + 1] - g[r1 + i]) * t;
      out[y * w + x] = top + (bot - top) * ty;
    }
  }
  return out;
}
function fbm(w, h, cell, octaves, rng) {
  const out = new Float32Array(w * h);
  let amp = 1;
  let total = 0;
  for (let o = 0; o < octaves; o++) {
    const n = valueNoise(w, h, cell / 2 ** o, rng);
    for (let i = 0; i < out.length; i++) out[i] += n[i] * amp;
    total += amp;
    amp *= 0.5;
  }
  for (let i = 0; i < out.length; i++) out[i] /= total;
  return out;
}
// value below which `q` of the field lies (on a sample)
function quantile(field, q) {
  const step = Math.max(1, Math.floor(field.length / 20000));
  const s = [];
  for (let i = 0; i < field.length; i += step) s.push(field[i]);
  s.sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * s.length)))];
}
function boxPass(src, dst, w, h, r, horizontal) {
  const n = horizontal ? w : h;
  const lines = horizontal ? h : w;
  const stride = horizontal ? 1 : w;
  const norm = 1 / (2 * r + 1);
  for (let l = 0; l < lines; l++) {
    const base = horizontal ? l * w : l;
    let acc = 0;
    for (let k = -r; k <= r; k++) acc += src[base + Math.min(n - 1, Math.max(0, k)) * stride];
    for (let i = 0; i < n; i++) {
      dst[base + i * stride] = acc * norm;
      const add = Math.min(n - 1, i + r + 1);
      const sub = Math.max(0, i - r);
      acc += src[base + add * stride] - src[base + sub * stride];
    }
  }
}
// approximately gaussian blur (three box passes) with box radius r
function blur(src, w, h, r) {
  r = Math.round(r);
  if (r < 1) return Float32Array.from(src);
  let a = Float32Array.from(src);
  let b = new Float32Array(src.length);
  for (let p = 0; p < 3; p++) {
    boxPass(a, b, w, h, r, true);
    boxPass(b, a, w, h, r, false);
  }
  return a;
}

// ---------------------------------------------------------------- fonts: measuring
const scratch = createCanvas(64, 64).getContext('2d');
const capRatioCache = new Map();
function fontSpec(key, size) {
  return `${size.toFixed(2)}px "${FONT_FILES[key][0]}"`;
}
// glyph height of capitals/digits per pixel of font size
function capRatio(key) {
  if (!capRatioCache.has(key)) {
    scratch.font = fontSpec(key, 200);
    const m = scratch.measureText('H0123456789');
    capRatioCache.set(key, m.actualBoundingBoxAscent / 200);
  }
  return capRatioCache.get(key);
}
function measure(key, size, text) {
  scratch.font = fontSpec(key, size);
  return scratch.measureText(text).width;
}

// ---------------------------------------------------------------- the stamp
// st: { design, name, prefix, numberText, date, numberFont, nameFont, prefixFont, dateFont,
//       numberCm, q: { density, faint, patchy, brokenFirst, blurred, overInked } }
// Returns the stamp's ink coverage (alpha 0..1) on its own unrotated canvas, plus its geometry.
function renderStamp(st, pxPerCm, rng) {
  const digitH = st.numberCm * pxPerCm;
  const s = digitH / 150; // 1 at the demo stamp's size
  const seg = (text, font, cap) => {
    const size = cap / capRatio(font);
    return { text, font, cap, size, width: measure(font, size, text) };
  };
  const nameCap0 = digitH * st.nameRatio;
  const lines = [];
  if (st.name) lines.push({ kind: 'name', segs: [seg(st.name, st.nameFont, nameCap0)] });
  const numSegs = [];
  if (st.prefix) numSegs.push(seg(st.prefix, st.prefixFont, digitH * st.prefixRatio));
  numSegs.push(seg(st.numberText, st.numberFont, digitH));
  lines.push({ kind: 'number', segs: numSegs });
  if (st.date) lines.push({ kind: 'date', segs: [seg(st.date, st.dateFont, digitH * st.dateRatio)] });
  const segGap = 0.22 * digitH;
  for (const l of lines) {
    l.width = l.segs.reduce((a, g) => a + g.width, 0) + segGap * (l.segs.length - 1);
    l.cap = Math.max(...l.segs.map((g) => g.cap));
  }
  const sw = Math.min(16, Math.max(3, st.strokeRatio * digitH)); // border stroke width
  const margin = Math.ceil(sw + 0.35 * digitH + 6);

  // layout of the straight lines (all designs but circle, whose name runs round the rim)
  const straight = st.design === 'circle' ? lines.filter((l) => l.kind !== 'name') : lines;
  const lineGap = 0.3 * digitH;
  let ch = 0;
  straight.forEach((l, i) => {
    l.top = ch;
    ch += l.cap + (i < straight.length - 1 ? lineGap : 0);
  });
  const cw = Math.max(...straight.map((l) => l.width));

  let boxW;
  let boxH;
  let circle = null;
  if (st.design === 'circle') {
    const nameLine = lines.find((l) => l.kind === 'name');
    const ri = Math.hypot(cw / 2, ch / 2) + 0.12 * digitH;
    let nameCap = nameLine ? nameLine.cap : 0;
    let R = ri + (nameLine ? nameCap * 2.0 + sw : 0.25 * digitH);
    if (nameLine) {
      // the name must fit on at most ~0.95 of a half circle
      for (let k = 0; k < 40; k++) {
        const g = nameLine.segs[0];
        const rb = R - sw - 0.35 * nameCap - nameCap;
        if (g.width <= 0.95 * Math.PI * rb) break;
        if (R < 1.45 * (ri + nameCap * 2.0 + sw)) R *= 1.04;
        else {
          nameCap *= 0.95;
          Object.assign(g, seg(g.text, g.font, nameCap));
        }
      }
    }
    boxW = boxH = 2 * R;
    circle = { R, nameCap, nameLine };
  } else if (st.design === 'oval') {
    boxW = (cw / 2 + 0.1 * digitH) * 1.27 * 2;
    boxH = (ch / 2 + 0.1 * digitH) * 1.62 * 2;
  } else if (st.design === 'none') {
    boxW = cw + 0.1 * digitH;
    boxH = ch + 0.1 * digitH;
  } else {
    const inset = st.design === 'double' ? 2.6 * sw : 0;
    boxW = cw + 2 * (0.3 * digitH + inset);
    boxH = ch + 2 * (0.26 * digitH + inset);
  }
  const W = Math.ceil(boxW + 2 * margin);
  const H = Math.ceil(boxH + 2 * margin);
  const cx = W / 2;
  const cy = H / 2;
  const c = createCanvas(W, H);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.strokeStyle = '#fff';
  g.lineJoin = 'round';

  // border
  const bx = cx - boxW / 2;
  const by = cy - boxH / 2;
  const roundRect = (x, y, w, h, r) => {
    g.beginPath();
    g.moveTo(x + r, y);
    g.arcTo(x + w, y, x + w, y + h, r);
    g.arcTo(x + w, y + h, x, y + h, r);
    g.arcTo(x, y + h, x, y, r);
    g.arcTo(x, y, x + w, y, r);
    g.closePath();
    g.stroke();
  };
  if (st.design === 'rounded-rect') {
    g.lineWidth = sw;
    roundRect(bx, by, boxW, boxH, Math.min(boxW, boxH) * 0.16);
  } else if (st.design === 'rect') {
    g.lineWidth = sw;
    roundRect(bx, by, boxW, boxH, sw * 0.6);
  } else if (st.design === 'double') {
    const r = st.doubleRound ? Math.min(boxW, boxH) * 0.12 : sw * 0.6;
    g.lineWidth = sw;
    roundRect(bx, by, boxW, boxH, r);
    g.lineWidth = Math.max(2, sw * 0.5);
    const ins = 1.9 * sw;
    roundRect(bx + ins, by + ins, boxW - 2 * ins, boxH - 2 * ins, Math.max(sw * 0.4, r - ins));
  } else if (st.design === 'oval') {
    g.lineWidth = sw;
    g.beginPath();
    g.ellipse(cx, cy, boxW / 2, boxH / 2, 0, 0, Math.PI * 2);
    g.stroke();
  } else if (st.design === 'circle') {
    g.lineWidth = sw;
    g.beginPath();
    g.arc(cx, cy, circle.R - sw / 2, 0, Math.PI * 2);
    g.stroke();
    if (circle.nameLine) {
      const rb = circle.R - sw - 0.35 * circle.nameCap - circle.nameCap; // baseline radius
      g.lineWidth = Math.max(2, sw * 0.55);
      g.beginPath();
      g.arc(cx, cy, rb - 0.4 * circle.nameCap, 0, Math.PI * 2);
      g.stroke();
      const ns = circle.nameLine.segs[0];
      g.font = fontSpec(ns.font, ns.size);
      g.textAlign = 'center';
      const total = ns.width / rb;
      let acc = 0;
      for (const ch1 of ns.text) {
        const wch = g.measureText(ch1).width;
        const ang = -Math.PI / 2 - total / 2 + (acc + wch / 2) / rb;
        g.save();
        g.translate(cx + rb * Math.cos(ang), cy + rb * Math.sin(ang));
        g.rotate(ang + Math.PI / 2);
        g.fillText(ch1, 0, 0);
        g.restore();
        acc += wch;
      }
      g.textAlign = 'left';
    }
  }

  // straight text lines, centred
  const top0 = cy - ch / 2;
  let numberRect = null;
  const digitRects = [];
  for (const l of straight) {
    const baseline = top0 + l.top + l.cap;
    let x = cx - l.width / 2;
    for (const sg of l.segs) {
      g.font = fontSpec(sg.font, sg.size);
      g.fillText(sg.text, x, baseline);
      if (l.kind === 'number' && sg === l.segs[l.segs.length - 1]) {
        numberRect = { x, y: baseline - sg.cap, width: sg.width, height: sg.cap };
        let acc = 0;
        for (let k = 0; k < sg.text.length; k++) {
          const wNext = g.measureText(sg.text.slice(0, k + 1)).width;
          digitRects.push({ x: x + acc, y: baseline - sg.cap, width: wNext - acc, height: sg.cap });
          acc = wNext;
        }
      }
      x += sg.width + segGap;
    }
  }

  // coverage mask
  const img = g.getImageData(0, 0, W, H).data;
  const N = W * H;
  const M = new Float32Array(N);
  for (let i = 0; i < N; i++) M[i] = img[i * 4 + 3] / 255;

  const q = st.q;
  // 1. ragged, slightly swollen edges (rubber + ink spread)
  const B = blur(M, W, H, q.overInked ? Math.max(2, 2.6 * s) : Math.max(1, 1.0 * s));
  const e1 = valueNoise(W, H, Math.max(2, 3.2 * s), rng);
  const e2 = valueNoise(W, H, Math.max(4, 10 * s), rng);
  const thr = q.overInked ? 0.2 : 0.47;
  const A = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    const v = B[i] + 0.3 * (0.6 * (e1[i] - 0.5) + 0.4 * (e2[i] - 0.5));
    A[i] = smoothstep(thr - 0.09, thr + 0.09, v);
  }
  // 2. ink density: uneven inking, pressure falling off to one side, paper grain
  const low = fbm(W, H, Math.max(12, 34 * s), 2, rng);
  const grain = valueNoise(W, H, Math.max(1.2, 1.6 * s), rng);
  const mott = valueNoise(W, H, Math.max(1.5, 3 * s), rng);
  const grainThr = quantile(grain, q.faint ? 0.62 : q.overInked ? 0.97 : 0.88);
  const pAng = rng.range(0, Math.PI * 2);
  const pAmt = q.overInked ? rng.range(0.02, 0.1) : rng.range(0.08, 0.32);
  const pc = Math.cos(pAng);
  const ps = Math.sin(pAng);
  const half = Math.hypot(W, H) / 2;
  const D = new Float32Array(N);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      let d = q.density * Math.min(1.12, 0.6 + 0.8 * low[i]);
      const t = ((x - cx) * pc + (y - cy) * ps) / half; // -1..1
      d *= 1 - (pAmt * (t + 1)) / 2;
      if (grain[i] > grainThr) d *= q.faint ? 0.2 : 0.45;
      d *= 0.86 + 0.28 * mott[i];
      D[i] = d;
    }
  }
  let alpha = new Float32Array(N);
  for (let i = 0; i < N; i++) alpha[i] = A[i] * D[i];

  // 3. over-inked: ink squeezed out round the strokes, a few blots
  if (q.overInked) {
    const halo = blur(M, W, H, Math.max(3, 5 * s));
    for (let i = 0; i < N; i++)
      alpha[i] = Math.max(alpha[i], q.density * 0.3 * smoothstep(0.06, 0.35, halo[i]));
    const blots = createCanvas(W, H);
    const bg = blots.getContext('2d');
    bg.fillStyle = '#fff';
    for (let k = 0; k < 10; k++) {
      for (let tries = 0; tries < 60; tries++) {
        const x = rng.range(0, W);
        const y = rng.range(0, H);
        if (A[Math.floor(y) * W + Math.floor(x)] > 0.5) {
          bg.beginPath();
          bg.ellipse(x, y, rng.range(3, 9) * s, rng.range(3, 9) * s, rng.range(0, 3), 0, Math.PI * 2);
          bg.fill();
          break;
        }
      }
    }
    const bd = bg.getImageData(0, 0, W, H).data;
    for (let i = 0; i < N; i++)
      if (bd[i * 4 + 3]) alpha[i] = Math.max(alpha[i], (q.density * bd[i * 4 + 3]) / 255);
  }

  // 4. patchy: gaps where the rubber did not take ink, broken strokes
  const eraser = createCanvas(W, H);
  const eg = eraser.getContext('2d');
  eg.fillStyle = '#fff';
  eg.strokeStyle = '#fff';
  let erased = false;
  if (q.patchy) {
    const gaps = fbm(W, H, Math.max(6, 13 * s), 2, rng);
    const gt = quantile(gaps, 1 - rng.range(0.16, 0.24));
    for (let i = 0; i < N; i++) alpha[i] *= 1 - 0.92 * smoothstep(gt, gt + 0.025, gaps[i]);
    const nLines = rng.int(3, 6);
    for (let k = 0; k < nLines; k++) {
      const x0 = rng.range(0, W);
      const y0 = rng.range(H * 0.2, H * 0.8);
      const ang = rng.range(-0.5, 0.5) + (rng.chance(0.3) ? Math.PI / 2 : 0);
      const len = rng.range(0.15, 0.45) * W;
      eg.lineWidth = rng.range(0.025, 0.06) * digitH;
      eg.beginPath();
      eg.moveTo(x0, y0);
      eg.lineTo(x0 + len * Math.cos(ang), y0 + len * Math.sin(ang));
      eg.stroke();
    }
    erased = true;
  }
  // 5. the first digit badly broken (most of its ink missing, the rest of the number fine)
  let firstDigitRemaining = null;
  if (q.brokenFirst) {
    const r = digitRects[st.numberText.search(/[1-9]/)];
    const inkIn = (arr) => {
      let t = 0;
      for (let y = Math.floor(r.y); y < r.y + r.height; y++)
        for (let x = Math.floor(r.x); x < r.x + r.width; x++) t += arr[y * W + x];
      return t;
    };
    const before = inkIn(alpha);
    const target = rng.range(0.22, 0.34);
    const ed = () => eg.getImageData(0, 0, W, H).data;
    // a clean cut through the middle, then blobs until little is left
    eg.lineWidth = 0.16 * digitH;
    eg.beginPath();
    eg.moveTo(r.x - 4, r.y + r.height * rng.range(0.35, 0.6));
    eg.lineTo(r.x + r.width + 4, r.y + r.height * rng.range(0.35, 0.6));
    eg.stroke();
    for (let k = 0; k < 40; k++) {
      const e = ed();
      const after = inkIn(alpha.map((v, i) => v * (1 - e[i * 4 + 3] / 255)));
      firstDigitRemaining = after / before;
      if (firstDigitRemaining <= target) break;
      for (let tries = 0; tries < 80; tries++) {
        const x = rng.range(r.x, r.x + r.width);
        const y = rng.range(r.y, r.y + r.height);
        const i = Math.floor(y) * W + Math.floor(x);
        if (alpha[i] > 0.3 && e[i * 4 + 3] < 128) {
          eg.beginPath();
          eg.ellipse(
            x,
            y,
            rng.range(0.08, 0.16) * digitH,
            rng.range(0.06, 0.13) * digitH,
            rng.range(0, 3),
            0,
            Math.PI * 2,
          );
          eg.fill();
          break;
        }
      }
    }
    erased = true;
  }
  if (erased) {
    const e = blur(
      Float32Array.from(
        eg.getImageData(0, 0, W, H).data.filter((_, i) => i % 4 === 3),
        (v) => v / 255,
      ),
      W,
      H,
      Math.max(1, 0.8 * s),
    );
    const en = valueNoise(W, H, Math.max(2, 3 * s), rng);
    for (let i = 0; i < N; i++) alpha[i] *= 1 - smoothstep(0.35, 0.6, e[i] + 0.25 * (en[i] - 0.5));
  }
  // 6. blurred (smudged stamp or out-of-focus scan)
  if (q.blurred) alpha = blur(alpha, W, H, Math.max(2, 3.2 * s));
  let maxA = 0;
  for (let i = 0; i < N; i++) {
    alpha[i] = Math.min(0.97, Math.max(0, alpha[i]));
    if (alpha[i] > maxA) maxA = alpha[i];
  }
  return {
    W,
    H,
    alpha,
    maxA,
    box: { x: cx - boxW / 2, y: cy - boxH / 2, width: boxW, height: boxH },
    numberRect,
    digitRects,
    firstDigitRemaining,
    digitHeightPx: digitH,
  };
}

// ---------------------------------------------------------------- sheet analysis
function removeVioletStamp(data, W, H, rng) {
  let x0 = W;
  let y0 = H;
  let x1 = -1;
  let y1 = -1;
  let count = 0;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      const r = data[i];
      const g = data[i + 1];
      const b = data[i + 2];
      if (b > r + 25 && b > g + 45) {
        count++;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (count < 200) return null;
  const pad = Math.round(W * 0.004);
  x0 = Math.max(0, x0 - pad);
  y0 = Math.max(0, y0 - pad);
  x1 = Math.min(W - 1, x1 + pad);
  y1 = Math.min(H - 1, y1 + pad);
  // paper colour in a ring round the box
  const ring = Math.round(W * 0.012);
  const rs = [[], [], []];
  for (let y = Math.max(0, y0 - ring); y <= Math.min(H - 1, y1 + ring); y += 2) {
    for (let x = Math.max(0, x0 - ring); x <= Math.min(W - 1, x1 + ring); x += 2) {
      if (x >= x0 && x <= x1 && y >= y0 && y <= y1) continue;
      const i = (y * W + x) * 4;
      for (let c = 0; c < 3; c++) rs[c].push(data[i + c]);
    }
  }
  const med = rs.map((a) => a.sort((p, q) => p - q)[a.length >> 1]);
  const sd = rs.map((a, c) => {
    let t = 0;
    let n = 0;
    for (const v of a)
      if (Math.abs(v - med[c]) < 12) {
        t += (v - med[c]) ** 2;
        n++;
      }
    return Math.sqrt(t / Math.max(1, n));
  });
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const lowN = valueNoise(bw, bh, 40, rng);
  const feather = Math.max(8, Math.round(W * 0.01));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = (y * W + x) * 4;
      // the noise fades out towards the box's edges, so the patch has no visible rim
      const f = Math.min(1, Math.min(x - x0, x1 - x, y - y0, y1 - y) / feather);
      const l = (lowN[(y - y0) * bw + (x - x0)] - 0.5) * 1.6 * f;
      const n = rng.gauss() * f;
      for (let c = 0; c < 3; c++) data[i + c] = med[c] + l + n * Math.max(1.0, sd[c]) * 0.9;
    }
  }
  return { box: { x: x0, y: y0, width: bw, height: bh }, paper: med };
}

// Coarse map of what is on the sheet: paper, plant (green leaves/stems, berries) or print
// (barcode, label, scale bar), with distance maps, so stamps can be placed near things but not on them.
function analyseSheet(data, W, H, paper) {
  const cellPx = Math.max(8, Math.round(W / 150));
  const gw = Math.ceil(W / cellPx);
  const gh = Math.ceil(H / cellPx);
  const plantN = new Uint16Array(gw * gh);
  const otherN = new Uint16Array(gw * gh);
  for (let y = 0; y < H; y += 2) {
    for (let x = 0; x < W; x += 2) {
      const i = (y * W + x) * 4;
      const r = data[i];
      const g = data[i + 1];
      const b = data[i + 2];
      const diff = Math.abs(r - paper[0]) + Math.abs(g - paper[1]) + Math.abs(b - paper[2]);
      if (diff <= 30) continue;
      const c = Math.floor(y / cellPx) * gw + Math.floor(x / cellPx);
      if ((g > r + 12 && g > b + 12) || (r > g + 50 && b > g + 10)) plantN[c]++;
      else otherN[c]++;
    }
  }
  const kind = new Uint8Array(gw * gh); // 0 paper, 1 plant, 2 print
  for (let c = 0; c < kind.length; c++) {
    if (plantN[c] >= 2) kind[c] = 1;
    else if (otherN[c] >= 3) kind[c] = 2;
  }
  // connected print components -> barcode (largest near the top), label (largest lower right)
  const comp = new Int32Array(gw * gh).fill(-1);
  const comps = [];
  for (let c0 = 0; c0 < kind.length; c0++) {
    if (kind[c0] !== 2 || comp[c0] >= 0) continue;
    const id = comps.length;
    const stack = [c0];
    comp[c0] = id;
    let n = 0;
    let sx = 0;
    let sy = 0;
    let bx0 = gw;
    let by0 = gh;
    let bx1 = 0;
    let by1 = 0;
    while (stack.length) {
      const c = stack.pop();
      const cx = c % gw;
      const cy = (c / gw) | 0;
      n++;
      sx += cx;
      sy += cy;
      bx0 = Math.min(bx0, cx);
      by0 = Math.min(by0, cy);
      bx1 = Math.max(bx1, cx);
      by1 = Math.max(by1, cy);
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const nc = ny * gw + nx;
          if (kind[nc] === 2 && comp[nc] < 0) {
            comp[nc] = id;
            stack.push(nc);
          }
        }
    }
    comps.push({ id, n, cx: sx / n, cy: sy / n, box: [bx0, by0, bx1, by1] });
  }
  const big = comps.filter((k) => k.n >= 40);
  const barcode = big.filter((k) => k.cy < gh * 0.3).sort((a, b) => b.n - a.n)[0] || null;
  const label = big.filter((k) => k.cy > gh * 0.6 && k.cx > gw * 0.4).sort((a, b) => b.n - a.n)[0] || null;
  const dist = (pred) => {
    const d = new Float32Array(gw * gh).fill(1e9);
    for (let c = 0; c < d.length; c++) if (pred(c)) d[c] = 0;
    for (let y = 0; y < gh; y++)
      for (let x = 0; x < gw; x++) {
        const c = y * gw + x;
        if (x > 0) d[c] = Math.min(d[c], d[c - 1] + 1);
        if (y > 0) d[c] = Math.min(d[c], d[c - gw] + 1);
        if (x > 0 && y > 0) d[c] = Math.min(d[c], d[c - gw - 1] + Math.SQRT2);
        if (x < gw - 1 && y > 0) d[c] = Math.min(d[c], d[c - gw + 1] + Math.SQRT2);
      }
    for (let y = gh - 1; y >= 0; y--)
      for (let x = gw - 1; x >= 0; x--) {
        const c = y * gw + x;
        if (x < gw - 1) d[c] = Math.min(d[c], d[c + 1] + 1);
        if (y < gh - 1) d[c] = Math.min(d[c], d[c + gw] + 1);
        if (x < gw - 1 && y < gh - 1) d[c] = Math.min(d[c], d[c + gw + 1] + Math.SQRT2);
        if (x > 0 && y < gh - 1) d[c] = Math.min(d[c], d[c + gw - 1] + Math.SQRT2);
      }
    for (let c = 0; c < d.length; c++) d[c] *= cellPx; // in pixels
    return d;
  };
  const toPx = (k) =>
    k && {
      x: k.box[0] * cellPx,
      y: k.box[1] * cellPx,
      width: (k.box[2] - k.box[0] + 1) * cellPx,
      height: (k.box[3] - k.box[1] + 1) * cellPx,
    };
  return {
    cellPx,
    gw,
    gh,
    kind,
    distPlant: dist((c) => kind[c] === 1),
    distPrint: dist((c) => kind[c] === 2),
    distBarcode: barcode ? dist((c) => comp[c] === barcode.id) : null,
    distLabel: label ? dist((c) => comp[c] === label.id) : null,
    barcodeBox: toPx(barcode),
    labelBox: toPx(label),
  };
}

// ---------------------------------------------------------------- placement
const REGIONS = {
  'top-left': [0.04, 0.48, 0.1, 0.48],
  'top-right': [0.52, 0.96, 0.03, 0.48],
  'bottom-left': [0.04, 0.48, 0.52, 0.97],
  'bottom-right': [0.52, 0.96, 0.52, 0.96],
  'left-edge-middle': [0.03, 0.3, 0.43, 0.57],
  'right-edge-middle': [0.7, 0.97, 0.43, 0.57],
};
function rectPoly(cx, cy, w, h, deg) {
  const t = (deg * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  return [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(([x, y]) => [cx + x * c - y * s, cy + x * s + y * c]);
}
function cellsInRotRect(an, cx, cy, w, h, deg) {
  const t = (deg * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const poly = rectPoly(cx, cy, w, h, deg);
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const out = [];
  const k = an.cellPx;
  for (
    let gy = Math.max(0, Math.floor(Math.min(...ys) / k));
    gy <= Math.min(an.gh - 1, Math.floor(Math.max(...ys) / k));
    gy++
  ) {
    for (
      let gx = Math.max(0, Math.floor(Math.min(...xs) / k));
      gx <= Math.min(an.gw - 1, Math.floor(Math.max(...xs) / k));
      gx++
    ) {
      const px = (gx + 0.5) * k - cx;
      const py = (gy + 0.5) * k - cy;
      const lx = px * c + py * s;
      const ly = -px * s + py * c;
      if (Math.abs(lx) <= w / 2 + k / 2 && Math.abs(ly) <= h / 2 + k / 2) out.push(gy * an.gw + gx);
    }
  }
  return { cells: out, poly };
}
// opts: { place, tilt, near: 'plant'|'barcode'|'label'|null, overPlant, ghost: fn(cx,cy,rng)->{cx,cy,w,h,tilt} }
function placeStamp(an, W, H, fw, fh, opts, rng) {
  const cm = W / 30;
  const reg = REGIONS[opts.place];
  const fits = (cx, cy, w, h, deg, mode) => {
    const { cells, poly } = cellsInRotRect(an, cx, cy, w, h, deg);
    const m = 0.35 * cm;
    if (poly.some(([x, y]) => x < m || y < m || x > W - m || y > H - m)) return null;
    // nor may the stamp's upright box (what a supervisor draws) touch the barcode's or the label's box
    const ax0 = Math.min(...poly.map((p) => p[0])) - 0.2 * cm;
    const ax1 = Math.max(...poly.map((p) => p[0])) + 0.2 * cm;
    const ay0 = Math.min(...poly.map((p) => p[1])) - 0.2 * cm;
    const ay1 = Math.max(...poly.map((p) => p[1])) + 0.2 * cm;
    for (const b of [an.barcodeBox, an.labelBox])
      if (b && ax0 < b.x + b.width && ax1 > b.x && ay0 < b.y + b.height && ay1 > b.y) return null;
    let plant = 0;
    let minPlant = 1e9;
    let minBarcode = 1e9;
    let minLabel = 1e9;
    for (const c of cells) {
      if (an.distPrint[c] < 0.6 * cm) return null;
      if (an.kind[c] === 1) plant++;
      if (mode !== 'over' && an.distPlant[c] < 0.3 * cm) return null;
      minPlant = Math.min(minPlant, an.distPlant[c]);
      if (an.distBarcode) minBarcode = Math.min(minBarcode, an.distBarcode[c]);
      if (an.distLabel) minLabel = Math.min(minLabel, an.distLabel[c]);
    }
    return { plantFrac: plant / cells.length, minPlant, minBarcode, minLabel };
  };
  for (let k = 0; k < 20000; k++) {
    const cx = W * rng.range(reg[0], reg[1]);
    const cy = H * rng.range(reg[2], reg[3]);
    const f = fits(cx, cy, fw, fh, opts.tilt, opts.overPlant ? 'over' : 'normal');
    if (!f) continue;
    if (opts.overPlant && (f.plantFrac < 0.12 || f.plantFrac > 0.4)) continue;
    if (opts.near === 'plant' && f.minPlant > 1.5 * cm) continue;
    if (opts.near === 'barcode' && an.distBarcode && f.minBarcode > 2.5 * cm) continue;
    if (opts.near === 'label' && an.distLabel && f.minLabel > 2.5 * cm) continue;
    let ghost = null;
    if (opts.ghost) {
      ghost = opts.ghost(cx, cy, rng);
      if (!fits(ghost.cx, ghost.cy, ghost.w, ghost.h, ghost.tilt, 'normal')) continue;
    }
    return { cx, cy, ghost, plantFrac: f.plantFrac, minPlantPx: f.minPlant };
  }
  throw new Error(`could not place a ${Math.round(fw)}x${Math.round(fh)} stamp at ${opts.place}`);
}

// ---------------------------------------------------------------- compositing
// Multiplies ink into the sheet (ink is translucent: leaves and paper show through).
function compositeStamp(data, W, H, stamp, cx, cy, deg, ink) {
  const t = (deg * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const { W: sw, H: sh, alpha } = stamp;
  const poly = rectPoly(cx, cy, sw, sh, deg);
  const x0 = Math.max(0, Math.floor(Math.min(...poly.map((p) => p[0]))));
  const x1 = Math.min(W - 1, Math.ceil(Math.max(...poly.map((p) => p[0]))));
  const y0 = Math.max(0, Math.floor(Math.min(...poly.map((p) => p[1]))));
  const y1 = Math.min(H - 1, Math.ceil(Math.max(...poly.map((p) => p[1]))));
  const k = ink.map((v) => 1 - v / 255);
  const thr = 0.25 * stamp.maxA;
  let bx0 = W;
  let by0 = H;
  let bx1 = -1;
  let by1 = -1;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const X = x + 0.5 - cx;
      const Y = y + 0.5 - cy;
      const u = X * c + Y * s + sw / 2 - 0.5;
      const v = -X * s + Y * c + sh / 2 - 0.5;
      if (u < 0 || v < 0 || u >= sw - 1 || v >= sh - 1) continue;
      const iu = Math.floor(u);
      const iv = Math.floor(v);
      const fu = u - iu;
      const fv = v - iv;
      const j = iv * sw + iu;
      const a =
        (alpha[j] * (1 - fu) + alpha[j + 1] * fu) * (1 - fv) +
        (alpha[j + sw] * (1 - fu) + alpha[j + sw + 1] * fu) * fv;
      if (a <= 0.002) continue;
      const i = (y * W + x) * 4;
      data[i] *= 1 - a * k[0];
      data[i + 1] *= 1 - a * k[1];
      data[i + 2] *= 1 - a * k[2];
      if (a >= thr) {
        if (x < bx0) bx0 = x;
        if (x > bx1) bx1 = x;
        if (y < by0) by0 = y;
        if (y > by1) by1 = y;
      }
    }
  }
  return { x: bx0, y: by0, width: bx1 - bx0 + 1, height: by1 - by0 + 1 };
}
// a local rect of the stamp canvas -> axis-aligned box on the sheet
function localRectToSheet(stamp, rect, cx, cy, deg) {
  const t = (deg * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const pts = [
    [rect.x, rect.y],
    [rect.x + rect.width, rect.y],
    [rect.x, rect.y + rect.height],
    [rect.x + rect.width, rect.y + rect.height],
  ].map(([x, y]) => {
    const lx = x - stamp.W / 2;
    const ly = y - stamp.H / 2;
    return [cx + lx * c - ly * s, cy + lx * s + ly * c];
  });
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return {
    x: Math.min(...xs),
    y: Math.min(...ys),
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
  };
}
// box on the upright full-size sheet -> box on the final (turned, resized) image
function mapBox(b, W, H, turn, scale) {
  let { x, y, width: w, height: h } = b;
  if (turn === 90) [x, y, w, h] = [H - (y + h), x, h, w];
  else if (turn === 180) [x, y] = [W - (x + w), H - (y + h)];
  else if (turn === 270) [x, y, w, h] = [y, W - (x + w), h, w];
  const fw = (turn % 180 ? H : W) * scale;
  const fh = (turn % 180 ? W : H) * scale;
  const X0 = Math.max(0, Math.floor(x * scale));
  const Y0 = Math.max(0, Math.floor(y * scale));
  const X1 = Math.min(Math.round(fw), Math.ceil((x + w) * scale));
  const Y1 = Math.min(Math.round(fh), Math.ceil((y + h) * scale));
  return { x: X0, y: Y0, width: X1 - X0, height: Y1 - Y0 };
}
function placeName(cx, cy, W, H) {
  const fx = cx / W;
  const fy = cy / H;
  if (fy > 0.4 && fy < 0.6) {
    if (fx < 0.3) return 'left-edge-middle';
    if (fx > 0.7) return 'right-edge-middle';
  }
  if (fx > 0.4 && fx < 0.6) {
    if (fy < 0.25) return 'top-edge-middle';
    if (fy > 0.75) return 'bottom-edge-middle';
  }
  return `${fy < 0.5 ? 'top' : 'bottom'}-${fx < 0.5 ? 'left' : 'right'}`;
}
function turnCanvas(src, turn) {
  if (!turn) return src;
  const W = src.width;
  const H = src.height;
  const c = createCanvas(turn % 180 ? H : W, turn % 180 ? W : H);
  const g = c.getContext('2d');
  g.translate(c.width / 2, c.height / 2);
  g.rotate((turn * Math.PI) / 180);
  g.drawImage(src, -W / 2, -H / 2);
  return c;
}
function resizeCanvas(src, scale) {
  if (scale === 1) return src;
  const c = createCanvas(Math.round(src.width * scale), Math.round(src.height * scale));
  const g = c.getContext('2d');
  g.imageSmoothingEnabled = true;
  g.imageSmoothingQuality = 'high';
  g.drawImage(src, 0, 0, c.width, c.height);
  return c;
}

// ---------------------------------------------------------------- stamp content
const INKS = {
  violet: [88, 58, 150],
  'pale-violet': [150, 118, 200],
  blue: [28, 58, 165],
  black: [32, 32, 38],
  red: [196, 36, 44],
  green: [22, 118, 64],
};
const NAMES = [
  'HERBARIUM UNIVERSITATIS',
  'HERBARIO NACIONAL MEXU',
  'HERBIER DE MONTPELLIER',
  'HERBÁRIO UFRJ',
  'MEXU',
  'MO',
  'NY',
  'K',
  'HUFRJ',
  'HERBARIUM HAUNIENSE',
  'HERB. MUS. PARIS',
  'UNIVERSITÄT WIEN HERBAR',
  'NATURHISTORISKA RIKSMUSEET',
];
const PREFIXES = ['No.', 'N°', 'Nº', '#', 'Acc.', 'Reg. No.'];
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
function makeDate(rng, fmt) {
  const y = rng.int(1950, 1999);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  switch (fmt) {
    case 'iso':
      return `${y}-${mm}-${dd}`;
    case 'roman':
      return `${dd}.${ROMAN[m - 1]}.${y}`;
    case 'us':
      return `${MONTHS[m - 1]} ${dd} ${y}`;
    case 'slash':
      return `${dd}/${mm}/${y}`;
    default:
      return `${dd} ${MONTHS[m - 1]} ${y}`;
  }
}
function makeNumber(rng, digits) {
  let s = String(rng.int(1, 9));
  for (let i = 1; i < digits; i++) s += String(rng.int(0, 9));
  return s;
}

// ---------------------------------------------------------------- the set
// Each entry is one sheet. Fields left out are drawn from the sheet's own seeded PRNG.
// q: ink quality; near: stamp close to 'plant' | 'barcode' | 'label'; overPlant: partly over leaves;
// ghost: an older, faint stamp ('overlap' | 'nearby'); turn: whole-sheet turn (clockwise);
// half: 1500x2000 scan; jpeg: JPEG quality; labelNumbers: no stamp, big numbers printed on the label.
const BLACK_INK = {
  ink: 'black',
  place: 'bottom-left',
  design: 'double',
  doubleRound: false,
  name: 'HERBARIUM PRAGENSE',
  nameFont: 'serif',
  prefix: 'No.',
  prefixFont: 'serif',
  font: 'sans',
  digits: 5,
  numberCm: 1.1,
  nameRatio: 0.34,
  prefixRatio: 0.55,
  strokeRatio: 0.055,
  tiltRange: [-4, 4],
  collection: 'black-ink',
};
const SPECS = [
  // violet
  {
    ink: 'violet',
    place: 'top-right',
    design: 'rounded-rect',
    name: 'HERBARIUM UNIVERSITATIS',
    prefix: null,
    digits: 4,
    font: 'sans',
  },
  {
    ink: 'violet',
    place: 'top-left',
    near: 'barcode',
    design: 'oval',
    name: 'MEXU',
    prefix: 'No.',
    digits: 5,
    font: 'serif',
  },
  {
    ink: 'violet',
    place: 'bottom-left',
    design: 'double',
    name: 'HERBIER DE MONTPELLIER',
    prefix: 'N°',
    digits: 4,
    font: 'condensed',
    date: 'dmy',
  },
  {
    ink: 'violet',
    place: 'right-edge-middle',
    design: 'none',
    name: null,
    prefix: '#',
    digits: 3,
    font: 'mono',
  },
  {
    ink: 'violet',
    place: 'bottom-right',
    near: 'label',
    design: 'rounded-rect',
    name: 'HERBÁRIO UFRJ',
    prefix: 'Nº',
    digits: 4,
    pad: 6,
    font: 'sans',
    turn: 90,
  },
  {
    ink: 'violet',
    place: 'top-left',
    near: 'plant',
    design: 'circle',
    name: 'HERBARIO NACIONAL MEXU',
    prefix: null,
    digits: 4,
    font: 'sans',
    q: { patchy: true, brokenFirst: true },
  },
  {
    ink: 'violet',
    place: 'top-right',
    overPlant: true,
    design: 'rect',
    name: 'K',
    prefix: null,
    digits: 5,
    font: 'serif',
    q: { overInked: true },
  },
  {
    ink: 'violet',
    place: 'top-right',
    design: 'double',
    doubleRound: true,
    name: null,
    prefix: 'No.',
    prefixRatio: 0.4,
    digits: 4,
    size: 'large',
    tiltRange: [7, 10],
    half: true,
  },
  {
    ink: 'pale-violet',
    place: 'top-right',
    design: 'rounded-rect',
    name: 'HERBARIUM UNIVERSITATIS',
    prefix: null,
    digits: 4,
    q: { faint: true },
  },
  {
    ink: 'pale-violet',
    place: 'left-edge-middle',
    design: 'oval',
    name: 'P',
    prefix: 'N°',
    digits: 4,
    numberCm: 1.1,
    jpeg: 18,
  },
  // blue
  {
    ink: 'blue',
    place: 'top-right',
    design: 'rounded-rect',
    name: 'NY',
    prefix: 'Acc.',
    digits: 5,
    turn: 180,
  },
  {
    ink: 'blue',
    place: 'bottom-left',
    design: 'double',
    name: 'HERBARIO NACIONAL MEXU',
    prefix: 'No.',
    digits: 4,
    date: 'iso',
  },
  {
    ink: 'blue',
    place: 'top-left',
    near: 'barcode',
    design: 'none',
    name: null,
    prefix: 'No.',
    digits: 4,
    size: 'small',
    font: 'mono',
  },
  {
    ink: 'blue',
    place: 'bottom-right',
    near: 'label',
    design: 'oval',
    name: 'HERBIER DE MONTPELLIER',
    prefix: null,
    digits: 5,
    numberCm: 1.1,
    nameRatio: 0.3,
    q: { blurred: true },
  },
  {
    ink: 'blue',
    place: 'bottom-left',
    overPlant: true,
    design: 'rounded-rect',
    name: 'MO',
    prefix: '#',
    digits: 4,
  },
  {
    ink: 'blue',
    place: 'top-right',
    design: 'circle',
    name: 'HERBARIUM HAUNIENSE',
    prefix: 'Nº',
    digits: 7,
    numberCm: 1.0,
    font: 'dotmatrix',
    half: true,
  },
  // black
  {
    ink: 'black',
    place: 'top-right',
    design: 'rect',
    name: 'HERBARIUM UNIVERSITATIS',
    prefix: 'No.',
    digits: 5,
    pad: 7,
    font: 'stencil',
  },
  {
    ink: 'black',
    place: 'top-left',
    design: 'rounded-rect',
    name: null,
    prefix: null,
    digits: 3,
    font: 'typewriter',
    q: { patchy: true },
  },
  {
    ink: 'black',
    place: 'bottom-right',
    near: 'label',
    design: 'double',
    name: 'HUFRJ',
    prefix: 'Reg. No.',
    digits: 4,
    date: 'roman',
    turn: 270,
  },
  {
    ink: 'black',
    place: 'right-edge-middle',
    near: 'plant',
    design: 'oval',
    name: 'HERB. MUS. PARIS',
    prefix: 'N°',
    digits: 4,
    numberCm: 1.1,
    q: { faint: true },
    jpeg: 22,
  },
  {
    ink: 'black',
    place: 'top-right',
    design: 'none',
    name: null,
    prefix: 'Acc.',
    digits: 4,
    font: 'sans',
    q: { brokenFirst: true },
  },
  // red
  {
    ink: 'red',
    place: 'top-right',
    design: 'rounded-rect',
    name: 'HERBÁRIO UFRJ',
    prefix: 'Nº',
    digits: 5,
    ghost: { mode: 'overlap', ink: 'violet' },
  },
  {
    ink: 'red',
    place: 'bottom-left',
    design: 'circle',
    name: 'HERBIER DE MONTPELLIER',
    prefix: null,
    digits: 4,
    q: { overInked: true },
  },
  {
    ink: 'red',
    place: 'top-left',
    near: 'barcode',
    design: 'rect',
    name: 'MEXU',
    prefix: '#',
    digits: 5,
    pad: 6,
    size: 'small',
    font: 'dotmatrix',
  },
  {
    ink: 'red',
    place: 'left-edge-middle',
    design: 'double',
    name: 'W',
    prefix: 'No.',
    digits: 4,
    numberCm: 1.1,
    date: 'dmy',
    turn: 90,
    half: true,
  },
  {
    ink: 'red',
    place: 'top-right',
    design: 'none',
    name: null,
    prefix: 'No.',
    digits: 3,
    size: 'large',
    font: 'condensed',
  },
  // green
  {
    ink: 'green',
    place: 'top-right',
    design: 'double',
    name: 'NATURHISTORISKA RIKSMUSEET',
    prefix: 'Reg. No.',
    digits: 5,
    numberCm: 1.3,
  },
  {
    ink: 'green',
    place: 'bottom-left',
    near: 'plant',
    design: 'rounded-rect',
    name: 'S',
    prefix: 'N°',
    digits: 4,
    q: { blurred: true },
    turn: 180,
  },
  {
    ink: 'green',
    place: 'top-left',
    design: 'oval',
    name: 'HUFRJ',
    prefix: null,
    digits: 3,
    q: { faint: true },
    half: true,
    jpeg: 20,
  },
  {
    ink: 'green',
    place: 'bottom-right',
    near: 'label',
    design: 'none',
    name: 'MEXU',
    prefix: '#',
    digits: 5,
    pad: 7,
    font: 'mono',
    q: { patchy: true },
  },
  {
    ink: 'green',
    place: 'right-edge-middle',
    design: 'rect',
    name: 'K',
    prefix: 'Acc.',
    digits: 5,
    size: 'small',
  },
  // ghosts of older stamps beside a clear current stamp
  {
    ink: 'violet',
    place: 'top-right',
    design: 'rounded-rect',
    name: 'HERBARIUM HAUNIENSE',
    prefix: 'No.',
    digits: 4,
    ghost: { mode: 'nearby', ink: 'black' },
  },
  {
    ink: 'blue',
    place: 'bottom-left',
    design: 'rect',
    name: 'NY',
    prefix: null,
    digits: 5,
    ghost: { mode: 'overlap', ink: 'blue', design: 'oval' },
  },
  // more combinations
  {
    ink: 'violet',
    place: 'top-right',
    design: 'rounded-rect',
    name: 'HERBARIO NACIONAL MEXU',
    prefix: 'No.',
    digits: 4,
    tiltRange: [-12, -11.5],
  },
  {
    ink: 'violet',
    place: 'top-right',
    design: 'oval',
    name: 'HERBARIUM HAUNIENSE',
    prefix: null,
    digits: 5,
    date: 'us',
    tiltRange: [10, 12],
  },
  {
    ink: 'violet',
    place: 'top-right',
    overPlant: true,
    design: 'oval',
    name: 'MO',
    prefix: 'Nº',
    digits: 4,
    q: { blurred: true },
    turn: 270,
  },
  {
    ink: 'blue',
    place: 'top-right',
    design: 'double',
    name: null,
    prefix: 'N°',
    digits: 5,
    q: { overInked: true },
    half: true,
  },
  {
    ink: 'red',
    place: 'bottom-left',
    design: 'rounded-rect',
    name: 'HERB. MUS. PARIS',
    prefix: 'No.',
    digits: 3,
    pad: 4,
    font: 'stencil',
  },
  {
    ink: 'green',
    place: 'top-right',
    design: 'circle',
    name: 'HERBÁRIO UFRJ',
    prefix: null,
    digits: 4,
    date: 'iso',
    jpeg: 20,
  },
  {
    ink: 'violet',
    place: 'bottom-left',
    design: 'none',
    name: null,
    prefix: 'Reg. No.',
    digits: 5,
    font: 'typewriter',
    size: 'small',
  },
  {
    ink: 'violet',
    place: 'top-left',
    near: 'barcode',
    design: 'rect',
    name: 'MEXU',
    prefix: 'No.',
    digits: 5,
    numberCm: 1.2,
    turn: 180,
  },
  {
    ink: 'blue',
    place: 'top-right',
    design: 'oval',
    name: 'HERBIER DE MONTPELLIER',
    prefix: 'N°',
    digits: 3,
    pad: 6,
    numberCm: 1.2,
    nameRatio: 0.32,
    font: 'dotmatrix',
  },
  {
    ink: 'black',
    place: 'top-right',
    near: 'plant',
    design: 'circle',
    name: 'NY',
    prefix: '#',
    digits: 4,
    font: 'mono',
  },
  {
    ink: 'pale-violet',
    place: 'bottom-right',
    near: 'label',
    design: 'double',
    name: 'MEXU',
    prefix: 'Acc.',
    digits: 4,
    q: { patchy: true },
    turn: 270,
  },
  {
    ink: 'red',
    place: 'right-edge-middle',
    design: 'rounded-rect',
    name: 'NY',
    prefix: 'Acc.',
    digits: 5,
    numberCm: 1.0,
    q: { faint: true },
    date: 'slash',
  },
  {
    ink: 'green',
    place: 'left-edge-middle',
    design: 'rounded-rect',
    name: 'MEXU',
    prefix: 'No.',
    digits: 4,
    numberCm: 1.1,
    font: 'stencil',
    q: { overInked: true },
    turn: 90,
  },
  {
    ink: 'red',
    place: 'top-right',
    design: 'double',
    name: 'UNIVERSITÄT WIEN HERBAR',
    prefix: 'No.',
    digits: 6,
    date: 'dmy',
  },
  // no stamp at all, but big printed numbers on the label
  { labelNumbers: ['No. 4521'] },
  { labelNumbers: ['1961'] },
  { labelNumbers: ['No. 30877', '1958'], turn: 90 },
  { labelNumbers: ['Nº 7703', '12 MAR 1961'], half: true, jpeg: 20 },
  // one collection: black ink, one design, bottom-left, tilt within ±4° (calibrate on the first 3)
  { ...BLACK_INK, calibration: true },
  { ...BLACK_INK, calibration: true },
  { ...BLACK_INK, calibration: true },
  { ...BLACK_INK, calibration: false },
  { ...BLACK_INK, calibration: false },
  { ...BLACK_INK, calibration: false, q: { faint: true } },
  { ...BLACK_INK, calibration: false, q: { patchy: true } },
  { ...BLACK_INK, calibration: false, jpeg: 22 },
];

// ---------------------------------------------------------------- one sheet
function resolveStamp(spec, rng) {
  const size = spec.size || 'normal';
  const digits = spec.digits ?? rng.int(3, 6);
  const accession = makeNumber(rng, digits);
  const numberText = spec.pad ? accession.padStart(spec.pad, '0') : accession;
  const font = spec.font ?? rng.pick(['sans', 'serif', 'condensed', 'sansCond', 'baskerville']);
  const nameFont = spec.nameFont ?? rng.pick(['sans', 'serif', 'sansCond', 'baskerville']);
  const q = {
    faint: false,
    patchy: false,
    brokenFirst: false,
    blurred: false,
    overInked: false,
    ...(spec.q || {}),
  };
  const ink = spec.ink;
  q.density = q.faint
    ? rng.range(0.3, 0.42)
    : q.overInked
      ? 1.0
      : ink === 'pale-violet'
        ? rng.range(0.62, 0.72)
        : rng.range(0.82, 0.95);
  const numberCm =
    spec.numberCm ??
    (size === 'small' ? rng.range(0.85, 1.0) : size === 'large' ? rng.range(2.2, 2.5) : rng.range(1.2, 1.7));
  const tiltRange = spec.tiltRange ?? [-12, 12];
  const tilt = Math.round(rng.range(tiltRange[0], tiltRange[1]) * 10) / 10;
  const inkRgb = INKS[ink].map((v) => Math.max(0, Math.min(255, Math.round(v + rng.range(-7, 7)))));
  const dateFmt = spec.date;
  const prefix = spec.prefix === undefined ? rng.pick([...PREFIXES, null]) : spec.prefix;
  return {
    accession,
    numberText,
    printed: prefix ? `${prefix} ${numberText}` : numberText,
    st: {
      design: spec.design ?? rng.pick(['rounded-rect', 'oval', 'double', 'none', 'rect', 'circle']),
      doubleRound: spec.doubleRound ?? rng.chance(0.5),
      name: spec.name === undefined ? rng.pick(NAMES) : spec.name,
      prefix,
      numberText,
      date: dateFmt ? makeDate(rng, dateFmt) : null,
      numberFont: font,
      nameFont,
      prefixFont: spec.prefixFont ?? (font === 'typewriter' || font === 'mono' ? font : nameFont),
      dateFont:
        font === 'typewriter' || font === 'mono' || font === 'dotmatrix'
          ? font
          : rng.pick(['sans', 'mono', 'sansCond']),
      numberCm,
      nameRatio:
        spec.nameRatio ??
        (size === 'large'
          ? rng.range(0.22, 0.28)
          : size === 'small'
            ? rng.range(0.42, 0.5)
            : rng.range(0.3, 0.42)),
      prefixRatio: spec.prefixRatio ?? rng.range(0.45, 0.7),
      dateRatio: rng.range(0.34, 0.45),
      strokeRatio: spec.strokeRatio ?? rng.range(0.04, 0.07),
      q,
    },
    tilt,
    inkRgb,
    size,
  };
}

async function makeSheet(index, spec, bases) {
  const rng = makeRng((SEED * 1000003 + index * 7919) >>> 0);
  const id = `varied-${String(index).padStart(3, '0')}`;
  const needsBarcode = spec.near === 'barcode';
  const pool = needsBarcode ? bases.filter((b) => /^DEMO/.test(b)) : bases;
  const baseFile = pool[Math.floor(rng.next() * pool.length)];
  const img = await loadImage(path.join(baseDir, baseFile));
  const W = img.width;
  const H = img.height;
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const imageData = ctx.getImageData(0, 0, W, H);
  const data = imageData.data;
  const removed = removeVioletStamp(data, W, H, rng);
  const paper = removed ? removed.paper : [242, 238, 226];
  const an = analyseSheet(data, W, H, paper);
  const pxPerCm = W / 30;
  const turn = spec.turn ?? 0;
  const scale = spec.half ? 0.5 : 1;
  const jpeg = spec.jpeg ?? 85;
  const tags = [];
  const entry = {
    id,
    file: `${id}.jpg`,
    width: Math.round((turn % 180 ? H : W) * scale),
    height: Math.round((turn % 180 ? W : H) * scale),
    accession: null,
    printed: null,
    ink: null,
    place: null,
    placeInImage: null,
    turn,
    tilt: null,
    stampBox: null,
    numberBox: null,
    tags,
    collection: spec.collection ?? null,
    base: baseFile,
  };

  if (spec.labelNumbers) {
    ctx.putImageData(imageData, 0, 0);
    const lb = an.labelBox;
    if (!lb) throw new Error(`${id}: no label found on ${baseFile}`);
    // longest run of empty rows inside the label (between its text blocks)
    const inset = Math.round(lb.width * 0.04);
    const rows = [];
    for (let y = lb.y + inset; y < lb.y + lb.height - inset; y++) {
      let dark = 0;
      for (let x = lb.x + inset; x < lb.x + lb.width - inset; x += 2) {
        const i = (y * W + x) * 4;
        if (data[i] + data[i + 1] + data[i + 2] < 450) dark++;
      }
      rows.push(dark === 0);
    }
    let best = [0, 0];
    let start = -1;
    rows.forEach((empty, k) => {
      if (empty && start < 0) start = k;
      if ((!empty || k === rows.length - 1) && start >= 0) {
        if (k - start > best[1] - best[0]) best = [start, k];
        start = -1;
      }
    });
    const runTop = lb.y + inset + best[0];
    const run = best[1] - best[0];
    const cap = Math.min(run * 0.55, 1.25 * pxPerCm);
    const size = cap / capRatio('serif');
    ctx.globalCompositeOperation = 'multiply';
    ctx.fillStyle = '#161616';
    ctx.font = fontSpec('serif', size);
    const baseline = runTop + (run + cap) / 2;
    let x = lb.x + lb.width * 0.06;
    const boxes = [];
    for (const t of spec.labelNumbers) {
      const w = ctx.measureText(t).width;
      ctx.fillText(t, x, baseline);
      boxes.push(mapBox({ x, y: baseline - cap, width: w, height: cap }, W, H, turn, scale));
      x += w + 1.2 * pxPerCm;
    }
    ctx.globalCompositeOperation = 'source-over';
    entry.labelNumbers = spec.labelNumbers;
    entry.labelNumberBoxes = boxes;
    tags.push('no-stamp', 'no-stamp-label-numbers');
  } else {
    const R = resolveStamp(spec, rng);
    let stamp = renderStamp(R.st, pxPerCm, rng);
    // an older stamp, faint, with another number
    let ghostR = null;
    let ghostStamp = null;
    if (spec.ghost) {
      ghostR = resolveStamp(
        {
          ink: spec.ghost.ink,
          design: spec.ghost.design ?? R.st.design,
          name: R.st.name,
          prefix: spec.ghost.prefix ?? spec.prefix,
          digits: rng.int(3, 5),
          font: rng.pick(['sans', 'serif', 'mono']),
          q: { faint: true, patchy: rng.chance(0.5) },
        },
        rng,
      );
      ghostR.st.q.density = rng.range(0.2, 0.3);
      ghostR.st.numberCm = R.st.numberCm * rng.range(0.85, 1.05);
      ghostStamp = renderStamp(ghostR.st, pxPerCm, rng);
    }
    const ghostFn = spec.ghost
      ? (cx, cy, r) => {
          const gw = ghostStamp.box.width;
          const gh = ghostStamp.box.height;
          const fw = stamp.box.width;
          const fh = stamp.box.height;
          const gtilt = Math.round(r.range(-12, 12) * 10) / 10;
          let dx;
          let dy;
          if (spec.ghost.mode === 'overlap') {
            dx = (r.sign() * r.range(0.3, 0.55) * (fw + gw)) / 2;
            dy = (r.sign() * r.range(0.2, 0.5) * (fh + gh)) / 2;
          } else if (r.chance(0.5)) {
            dx = r.sign() * ((fw + gw) / 2 + r.range(0.3, 1.2) * pxPerCm);
            dy = r.range(-0.3, 0.3) * fh;
          } else {
            dx = r.range(-0.3, 0.3) * fw;
            dy = r.sign() * ((fh + gh) / 2 + r.range(0.3, 1.2) * pxPerCm);
          }
          return { cx: cx + dx, cy: cy + dy, w: gw, h: gh, tilt: gtilt };
        }
      : null;
    // if the stamp does not fit where it should go (e.g. another base folder), shrink it a little
    let pos = null;
    for (let attempt = 0; !pos; attempt++) {
      try {
        pos = placeStamp(
          an,
          W,
          H,
          stamp.box.width,
          stamp.box.height,
          {
            place: spec.place,
            tilt: R.tilt,
            near: spec.near ?? null,
            overPlant: !!spec.overPlant,
            ghost: ghostFn,
          },
          rng,
        );
      } catch (err) {
        if (attempt >= 4) throw new Error(`${id}: ${err.message}`);
        console.warn(`${id}: ${err.message}; shrinking the stamp by 10%`);
        R.st.numberCm *= 0.9;
        stamp = renderStamp(R.st, pxPerCm, rng);
      }
    }
    if (ghostStamp) {
      const gb = compositeStamp(
        data,
        W,
        H,
        ghostStamp,
        pos.ghost.cx,
        pos.ghost.cy,
        pos.ghost.tilt,
        ghostR.inkRgb,
      );
      entry.ghost = {
        accession: ghostR.accession,
        printed: ghostR.printed,
        ink: spec.ghost.ink,
        mode: spec.ghost.mode,
        stampBox: mapBox(pad(gb, pxPerCm, W, H), W, H, turn, scale),
      };
    }
    const inkBox = compositeStamp(data, W, H, stamp, pos.cx, pos.cy, R.tilt, R.inkRgb);
    ctx.putImageData(imageData, 0, 0);
    const st = R.st;
    entry.accession = String(Number(R.accession));
    entry.printed = R.printed;
    entry.stampText = [st.name, R.printed, st.date].filter(Boolean).join(' / ');
    entry.collectionName = st.name;
    entry.dateLine = st.date;
    entry.ink = spec.ink;
    entry.inkRgb = R.inkRgb;
    entry.place = spec.place;
    entry.tilt = R.tilt;
    entry.design = st.design === 'double' && st.doubleRound ? 'double-rounded' : st.design;
    entry.numberFont = st.numberFont;
    entry.numberHeightPx = Math.round(stamp.digitHeightPx * scale);
    entry.numberHeightCm = Math.round(st.numberCm * 100) / 100;
    const sb = pad(inkBox, pxPerCm, W, H);
    entry.stampBox = mapBox(sb, W, H, turn, scale);
    entry.numberBox = mapBox(
      localRectToSheet(stamp, stamp.numberRect, pos.cx, pos.cy, R.tilt),
      W,
      H,
      turn,
      scale,
    );
    const fb = entry.stampBox;
    entry.placeInImage = placeName(fb.x + fb.width / 2, fb.y + fb.height / 2, entry.width, entry.height);
    if (spec.calibration !== undefined) entry.calibration = spec.calibration;
    // tags
    if (st.prefix) tags.push('prefix');
    if (R.numberText !== R.accession) tags.push('leading-zeros');
    if (st.date) tags.push('date-line');
    tags.push(st.name ? 'collection-name' : 'no-collection-name');
    tags.push(`design-${entry.design.replace('double-rounded', 'double')}`);
    if (R.size !== 'normal') tags.push(R.size);
    if (NUMBERING_MACHINE_FONTS.has(st.numberFont)) tags.push('numbering-machine');
    if (st.numberFont === 'typewriter') tags.push('typewriter');
    if (spec.ink === 'pale-violet') tags.push('pale-ink');
    if (st.q.faint) tags.push('faint');
    if (st.q.patchy) tags.push('patchy');
    if (st.q.brokenFirst) {
      tags.push('patchy', 'broken-first-digit');
      entry.firstDigitInkLeft = Math.round(stamp.firstDigitRemaining * 100) / 100;
    }
    if (st.q.blurred) tags.push('blurred');
    if (st.q.overInked) tags.push('over-inked');
    if (spec.ghost) tags.push('ghost');
    if (spec.overPlant) {
      tags.push('over-plant');
      entry.plantCover = Math.round(pos.plantFrac * 100) / 100;
    }
    if (spec.near === 'plant') tags.push('near-plant');
    if (spec.near === 'barcode') tags.push('near-barcode');
    if (spec.near === 'label') tags.push('near-label');
    if (Math.abs(R.tilt) >= 9) tags.push('strong-tilt');
  }
  if (turn) tags.push('turned', `turn-${turn}`);
  if (spec.half) tags.push('half-resolution');
  if (jpeg <= 30) tags.push('heavy-jpeg');
  entry.jpegQuality = jpeg;
  if (!removed) entry.note = 'base sheet had no stamp to remove';

  const out = resizeCanvas(turnCanvas(canvas, turn), scale);
  if (out.width !== entry.width || out.height !== entry.height) throw new Error(`${id}: size mismatch`);
  const buf = out.toBuffer('image/jpeg', jpeg);
  fs.writeFileSync(path.join(outDir, entry.file), buf);
  return { entry: { ...entry, tags: [...new Set(tags)] }, bytes: buf.length };
}
function pad(b, pxPerCm, W, H) {
  const p = Math.round(0.1 * pxPerCm);
  const x = Math.max(0, b.x - p);
  const y = Math.max(0, b.y - p);
  return { x, y, width: Math.min(W, b.x + b.width + p) - x, height: Math.min(H, b.y + b.height + p) - y };
}

// ---------------------------------------------------------------- main
const bases = fs
  .readdirSync(baseDir)
  .filter((f) => /\.jpe?g$/i.test(f) && !/_(med|tn)\.jpe?g$/i.test(f)) // skip the app's derived sizes
  .sort();
if (!bases.length) {
  console.error(`no JPEGs in ${baseDir}`);
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
const manifestPath = path.join(outDir, 'manifest.json');
const previous =
  only && fs.existsSync(manifestPath) ? JSON.parse(fs.readFileSync(manifestPath, 'utf8')) : null;
const sheets = [];
let total = 0;
for (let k = 0; k < SPECS.length; k++) {
  const index = k + 1;
  if (only && !only.has(index)) {
    const prev = previous?.sheets.find((e) => e.id === `varied-${String(index).padStart(3, '0')}`);
    if (prev) sheets.push(prev);
    continue;
  }
  const t0 = Date.now();
  const { entry, bytes } = await makeSheet(index, SPECS[k], bases);
  total += bytes;
  sheets.push(entry);
  console.log(
    `${entry.file}  ${entry.width}x${entry.height}  ${String(entry.accession ?? '-').padEnd(8)} ${(entry.ink ?? '-').padEnd(11)} ${(entry.place ?? '-').padEnd(17)} ${(bytes / 1024).toFixed(0).padStart(5)} kB  ${Date.now() - t0} ms  [${entry.tags.join(', ')}]`,
  );
}
const manifest = {
  generator: GENERATOR,
  seed: SEED,
  base: `${path.relative(REPO, baseDir) || '.'} (${bases.length} demo-herbarium sheets: ${bases[0]} … ${bases[bases.length - 1]})`,
  packages: packageVersions,
  conventions: {
    accession:
      'the number the station should propose: the stamp number without prefix and without leading zeros; null = no stamp',
    printed: "the stamp's number line exactly as printed (prefix + number); the full text is in stampText",
    place:
      'where the stamp is on the upright sheet (before the turn); placeInImage: the same in the final image',
    turn: 'the whole sheet was turned clockwise by this many degrees before saving (the image dimensions swap for 90 and 270)',
    tilt: "the stamp's own rotation on the upright sheet, degrees, positive = clockwise",
    stampBox: "box round the stamp's ink in the final image's pixels (after turn and resize), padded by 1 mm",
    numberBox: "box round the number's digits (without prefix) in the final image's pixels",
  },
  sheets,
};
// formatted the way the repository's prettier formats JSON
const prettier = await import('prettier');
const prettierOptions = (await prettier.resolveConfig(path.join(REPO, 'package.json'))) ?? {};
fs.writeFileSync(
  manifestPath,
  await prettier.format(JSON.stringify(manifest), { ...prettierOptions, parser: 'json' }),
);
console.log(
  `${sheets.length} sheets in ${path.relative(REPO, outDir)} (${(total / 1048576).toFixed(1)} MB written this run)`,
);
