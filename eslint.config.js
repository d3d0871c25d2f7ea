import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * The process boundaries, enforced rather than hoped for (as Signal Desktop does):
 * the renderer never reaches main or Node; shared code runs on both sides, so it may
 * use neither Electron nor Node; only main/electron touches Electron, so every
 * service stays plain Node and is tested without the Electron binary.
 */
const noImports = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...noImports(['**/main/**', 'electron', ...nodeBuiltins], 'The renderer talks to main only through the IPC contract (renderer/ipc/client.ts).'),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: noImports(['**/main/**', '**/renderer/**', 'electron', ...nodeBuiltins], 'shared/ runs in both processes: no Electron, no Node built-ins, no main or renderer code.'),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: noImports(['electron', '**/renderer/**'], 'Only main/electron/ may use Electron: services stay plain Node, testable without the binary.'),
  },
);
