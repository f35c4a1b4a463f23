// The ESLint plugins the root eslint.config.js uses, installed here as an npm workspace.
//
// Why a workspace: the project's `typescript` is 7 (the native compiler, `tsc` in `npm run
// typecheck`), which has no JavaScript API. typescript-eslint parses with TypeScript's JavaScript
// API and accepts only `typescript` >=4.8.4 <6.1.0. A workspace is its own resolution scope: the
// root `overrides` entry gives everything below @edgestack/lint `typescript` 6.0.3, so npm nests
// 6.0.3 (with typescript-eslint and ts-api-utils) in tools/lint/node_modules, while the root keeps 7.
// No install script is involved; a plain `npm install` or `npm ci` lays it out.
import { createRequire } from 'node:module';
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Fail with a sentence, not a stack trace from deep inside the parser, if a change to the
// dependency tree ever lets typescript-eslint reach the root TypeScript 7.
const resolveFrom = (file, name) => createRequire(file).resolve(name);
const estree = resolveFrom(resolveFrom(import.meta.url, 'typescript-eslint'), '@typescript-eslint/typescript-estree');
for (const consumer of [estree, resolveFrom(estree, 'ts-api-utils')]) {
  const { version } = createRequire(consumer)('typescript');
  if (!version.startsWith('6.')) {
    throw new Error(
      `${consumer} loads typescript ${version}; typescript-eslint needs the classic TypeScript 6 that ` +
        'tools/lint pins. Check the "overrides" entry for @edgestack/lint in package.json, then run npm install.',
    );
  }
}

export { globals, js, nextPlugin, reactHooks, tseslint };
