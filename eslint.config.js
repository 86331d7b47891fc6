import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import { readdirSync } from 'node:fs';

/** Every folder under src/features is a feature: a new one is kept apart from the others without a list to update. */
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** Screens render; controllers (hooks, query-option factories) and the outbox talk to the portal (decision 012). */
const SCREENS_DO_NOT_WRITE = [
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.object.name='portal']",
    message: "A screen does not call the portal: use a query-option factory or the screen's controller hook.",
  },
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.object.property.name='portal']",
    message: "A screen does not call the portal: use a query-option factory or the screen's controller hook.",
  },
  {
    selector:
      "CallExpression[callee.object.name='outbox'][callee.property.name=/^(submit|whenDecided|forget)$/]",
    message: 'A screen does not submit tasks: its controller hook does.',
  },
  {
    selector: "CallExpression[callee.object.name='journal'][callee.property.name='append']",
    message: 'Only the outbox writes journal entries (journalEntriesOf).',
  },
  {
    selector: "Identifier[name='journalEntriesOf']",
    message: 'Only the outbox builds journal entries.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-demo',
      'node_modules',
      'public',
      'test-results',
      'playwright-report',
      'bench/results.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}'], languageOptions: { globals: globals.node } },
  // Benchmarks run Node code that hands functions to the page (page.evaluate), which run in the browser.
  {
    files: ['scripts/bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  // A scanner station is driven without a mouse: the field that expects the next input takes focus itself.
  { files: ['src/**/*.tsx'], rules: { 'jsx-a11y/no-autofocus': 'off' } },
  // The domain stays pure: no framework, no portal, no DOM-bound code (house style).
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'react',
            'react-*',
            'msw',
            'msw/*',
            '@tanstack/*',
            'zustand',
            'zustand/*',
            'openseadragon',
            '../portal/*',
            '../features/*',
            '../ui/*',
            '../app/*',
          ],
        },
      ],
    },
  },
  // Features do not import each other (bulletproof-react); each may use domain, portal and ui.
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...FEATURES.filter((f) => f !== feature).map((f) => ({
              group: [`../${f}/*`, `../../features/${f}/*`],
              message: 'Features do not import each other; move shared code to ui/ or domain/.',
            })),
            { group: ['../../app/*'], message: 'Features do not import the app shell.' },
            { group: ['openseadragon'], message: 'Only src/ui/specimen-viewer.tsx imports OpenSeadragon.' },
            {
              group: ['msw', 'msw/*', '../../portal/fake-symbiota/*'],
              message: 'Features talk to the PortalClient, never to the fake.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/features/**/*.tsx', 'src/ui/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...SCREENS_DO_NOT_WRITE] },
  },
  {
    files: ['tests/component/**/*.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    files: ['tests/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
