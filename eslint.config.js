import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries from DESIGN.md: lib/ is pure and isomorphic; UI code never reaches the database;
// workers never reach into the web app.
const PRISMA = ['@prisma/*', '**/generated/prisma/**', '@/server/generated/**'];
const NEXT = ['next', 'next/*', 'next-auth', 'next-auth/*'];
const NODE_IO = ['node:fs', 'node:fs/*', 'fs', 'node:child_process'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'data/', 'server/generated/', 'test-results/', 'playwright-report/', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.tsx', 'components/**/*.ts', 'app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: restrict(
      [...PRISMA, ...NEXT, ...NODE_IO, '@/server/*', '@/server/**', '../server/*', '../../server/*'],
      'lib/ is pure and isomorphic: no server/, prisma, next or node:fs',
    ),
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: restrict(PRISMA, 'app/ and components/ go through server/ domain functions, never prisma directly'),
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: restrict([...PRISMA, '@/server/db', '@/server/db.ts'], 'components/ render data; they do not query'),
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict(['next', 'next/*', '@/app/*', '@/components/*'], 'server/ is shared with workers: no next/* or UI imports'),
  },
  {
    files: ['workers/**/*.ts'],
    rules: restrict(
      ['next', 'next/*', '@/app/*', '@/app/**', '@/components/*', '@/components/**'],
      'workers/ use server/, never the web app',
    ),
  },
);
