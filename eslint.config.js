import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import direction (house style): contract imports nothing of ours; app and server never meet. */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/**
 * Inside the app, imports follow the flow: features share through components/, lib/ or the
 * contract, never through one another; in the passes feature the api, model, checks and preview
 * folders sit below the editor and never import it. (A rule's options replace earlier ones for
 * the same file, so each zone repeats the app-wide pattern.)
 */
const appNeverServer = { group: ['**/server/**'], message: 'The app never imports the server.' };
const features = readdirSync(new URL('./src/app/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
/**
 * Templates (the New pass gallery) and transfer (export and import) are built on the passes
 * feature's lower layers: they may import passes/api, model, checks and preview, nothing else of it.
 */
const onPassesLayers = ['templates', 'transfer'];
/**
 * Bulk actions save through the editor's save path and show its change review: they may import
 * passes/api, model, checks, preview and review, and the transfer feature's export.
 */
const bulkMayImport = ['passes', 'transfer'];
const notOtherFeatures = (feature) => {
  const others = features.filter(
    (name) =>
      name !== feature &&
      !(onPassesLayers.includes(feature) && name === 'passes') &&
      !(feature === 'bulk' && bulkMayImport.includes(name)),
  );
  const passesAbove = onPassesLayers.includes(feature)
    ? [
        {
          regex: '^(\\.\\./)+passes/(?!(api|model|checks|preview)/)',
          message: `${feature} builds on passes/api, model, checks and preview only.`,
        },
      ]
    : feature === 'bulk'
      ? [
          {
            regex: '^(\\.\\./)+passes/(?!(api|model|checks|preview|review)/)',
            message: 'bulk builds on passes/api, model, checks, preview and review only.',
          },
        ]
      : [];
  return others.length === 0
    ? passesAbove
    : [
        {
          regex: `^(\\.\\./)+(${others.join('|')})(/|$)`,
          message: `Features do not import one another (${feature} → ${others.join(', ')}); share through components/, lib/ or the contract.`,
        },
        ...passesAbove,
      ];
};
const belowTheEditor = {
  regex: '(^|/)editor(/|$)',
  message:
    'passes/api, model, checks and preview sit below the editor and never import it; move what both need to passes/model or lib/.',
};
const importZones = [
  ...features.map((feature) => ({
    files: [`src/app/features/${feature}/**/*.{ts,tsx}`],
    rules: restrict([appNeverServer, ...notOtherFeatures(feature)]),
  })),
  {
    files: ['src/app/features/passes/{api,model,checks,preview}/**/*.{ts,tsx}'],
    rules: restrict([appNeverServer, ...notOtherFeatures('passes'), belowTheEditor]),
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'node_modules',
      'test-results',
      'playwright-report',
      'data',
      'bench/results.json',
      '.tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
    plugins: { ...jsxA11y.flatConfigs.recommended.plugins, 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      ...restrict([appNeverServer]),
    },
  },
  ...importZones,
  {
    files: ['src/server/**/*.ts'],
    rules: restrict([{ group: ['**/app/**'], message: 'The server never imports the app.' }]),
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: restrict([
      { group: ['**/app/**', '**/server/**', '**/testing/**'], message: 'The contract imports nothing of ours.' },
    ]),
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
);
