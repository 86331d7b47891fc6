import { createReadStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import react from '@vitejs/plugin-react';
import { catalogPart } from './src/i18n/areas';
import type { Plugin, ProxyOptions } from 'vite';
import { defineConfig } from 'vitest/config';

/** The production build ships no demo portal: no MSW worker, no demo sheets (see docs/decisions/003). */
function stripDemoAssets(mode: string): Plugin {
  let outDir = 'dist';
  return {
    name: 'strip-demo-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      if (mode === 'demo') return;
      rmSync(resolve(outDir, 'demo'), { recursive: true, force: true });
      rmSync(resolve(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * tesseract.js's worker, its WebAssembly cores and its English data, served from the app's own origin under
 * `ocr/` (by the dev server, and emitted into the build; the English LSTM model alone, `4.0.0_best_int`, 3 MB): by default tesseract.js fetches them from a CDN,
 * and a station must not depend on any other origin (issue 11). Only the LSTM cores: the station asks for
 * the LSTM engine, and tesseract.js picks the fastest one the browser can run.
 */
function sheetReaderAssets(): Plugin {
  const core = packageDir('tesseract.js-core');
  const files: Record<string, string> = {
    'ocr/worker.min.js': resolve(packageDir('tesseract.js'), 'dist/worker.min.js'),
    'ocr/lang/eng.traineddata.gz': resolve(
      packageDir('@tesseract.js-data/eng'),
      '4.0.0_best_int/eng.traineddata.gz',
    ),
  };
  for (const variant of ['relaxedsimd-lstm', 'simd-lstm', 'lstm'])
    files[`ocr/core/tesseract-core-${variant}.wasm.js`] = resolve(core, `tesseract-core-${variant}.wasm.js`);
  return {
    name: 'sheet-reader-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        const file = files[path];
        if (!file) return next();
        res.setHeader('Content-Type', path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const [fileName, file] of Object.entries(files))
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
    },
  };
}

/**
 * `PORTAL_URL=https://host/portal npm run dev`: the portal's folders are proxied through the dev server so
 * every request stays same-origin (PROTOCOL §2.6), and config.json points the app at the proxied path. It is
 * the developer's own `config.local.json` (not committed) or else the shipped example, with `portalBasePath`
 * set to the URL's path. Without PORTAL_URL the dev server has no config.json, and the app says that no
 * portal is set and how to set one.
 */
/**
 * The catalogs are compiled when the app is built: each message is shipped parsed (react-intl takes the
 * parsed form), so the message parser stays out of the app (aliased to the package's no-parser build) and a
 * message that does not parse fails the build. The catalog files stay plain ICU messages for translators.
 */
function precompiledCatalogs(): Plugin {
  return {
    name: 'precompiled-catalogs',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/i18n\/locales\/[^/]+\/[^/]+\.json$/.test(id)) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      const compiled = Object.fromEntries(
        Object.entries(messages).map(([key, message]) => [key, parse(message)]),
      );
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}

function realPortal(portalUrl: string | undefined): {
  proxy: Record<string, ProxyOptions>;
  plugin: Plugin;
} {
  const base = portalUrl ? new URL(portalUrl).pathname.replace(/\/+$/, '') : null;
  const plugin: Plugin = {
    name: 'real-portal-config',
    apply: 'serve',
    configureServer(server) {
      if (base === null)
        server.config.logger.warn(
          'No portal is set: start the dev server as PORTAL_URL=https://herbarium.example.org/portal npm run dev, or run npm start for the demo portal.',
        );
      server.middlewares.use('/config.json', (_req, res) => {
        if (base === null) {
          res.statusCode = 404;
          res.end('No PORTAL_URL: start the dev server as PORTAL_URL=https://host/portal npm run dev');
          return;
        }
        const file = existsSync('config.local.json') ? 'config.local.json' : 'public/config.example.json';
        const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ ...config, portalBasePath: base }));
      });
    },
  };
  if (!portalUrl) return { proxy: {}, plugin };
  const url = new URL(portalUrl);
  const proxy: Record<string, ProxyOptions> = {};
  for (const folder of ['profile', 'collections', 'api', 'imglib', 'content']) {
    proxy[`${base}/${folder}`] = {
      target: url.origin,
      changeOrigin: true,
      secure: true,
      cookieDomainRewrite: '',
    };
  }
  return { proxy, plugin };
}

export default defineConfig(({ mode }) => {
  const portal = realPortal(process.env['PORTAL_URL']);
  return {
    base: './',
    plugins: [
      react(),
      precompiledCatalogs(),
      stripDemoAssets(mode),
      sheetReaderAssets(),
      ...(mode === 'demo' ? [] : [portal.plugin]),
    ],
    worker: { format: 'es' as const },
    // The app ships parsed catalogs (precompiledCatalogs): no message parser in the bundle. Tests keep it.
    resolve:
      mode === 'test'
        ? {}
        : {
            alias: [
              {
                find: /^@formatjs\/icu-messageformat-parser$/,
                replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
              },
            ],
          },
    server: { proxy: portal.proxy, port: 5173 },
    build: {
      chunkSizeWarningLimit: 800,
      rollupOptions: {
        output: {
          // One file per language with all its catalog: the station loads the one it speaks, in one request.
          // (the first screen's areas in one, the work screens' in another: src/i18n/areas.ts).
          manualChunks: (id: string) => {
            const locale = /\/src\/i18n\/locales\/([^/]+)\//.exec(id)?.[1];
            if (!locale) return undefined;
            return catalogPart(id) === 'first' ? `i18n-${locale}` : `i18n-${locale}-screens`;
          },
        },
      },
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['tests/setup.ts'],
      include: ['tests/{unit,contract,component,reliability}/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      testTimeout: 15000,
    },
  };
});
