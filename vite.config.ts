import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
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

/**
 * `PORTAL_URL=https://host/portal npm run dev`: the portal's folders are proxied through the dev server so
 * every request stays same-origin (PROTOCOL §2.6), and config.json points the app at the proxied path.
 */
function realPortal(portalUrl: string | undefined): {
  proxy: Record<string, ProxyOptions>;
  plugin: Plugin | null;
} {
  if (!portalUrl) return { proxy: {}, plugin: null };
  const url = new URL(portalUrl);
  const base = url.pathname.replace(/\/+$/, '');
  const proxy: Record<string, ProxyOptions> = {};
  for (const folder of ['profile', 'collections', 'api', 'imglib', 'content']) {
    proxy[`${base}/${folder}`] = {
      target: url.origin,
      changeOrigin: true,
      secure: true,
      cookieDomainRewrite: '',
    };
  }
  const plugin: Plugin = {
    name: 'real-portal-config',
    configureServer(server) {
      server.middlewares.use('/config.json', (_req, res) => {
        const config = JSON.parse(readFileSync('public/config.json', 'utf8')) as Record<string, unknown>;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ ...config, portalBasePath: base }));
      });
    },
  };
  return { proxy, plugin };
}

export default defineConfig(({ mode }) => {
  const portal = realPortal(process.env['PORTAL_URL']);
  return {
    base: './',
    plugins: [react(), stripDemoAssets(mode), ...(portal.plugin ? [portal.plugin] : [])],
    server: { proxy: portal.proxy, port: 5173 },
    build: { chunkSizeWarningLimit: 800 },
    test: {
      environment: 'jsdom',
      setupFiles: ['tests/setup.ts'],
      include: ['tests/{unit,contract,component,reliability}/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      testTimeout: 15000,
    },
  };
});
