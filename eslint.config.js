// ESLint flat config. The plugins come from the tools/lint workspace, which pins the classic
// TypeScript 6 that typescript-eslint needs: the project's own TypeScript 7 (`tsc`) has no
// JavaScript API (see tools/lint/index.js).
import { defineConfig, globalIgnores } from 'eslint/config';
import { globals, js, nextPlugin, reactHooks, tseslint } from '@edgestack/lint';

export default defineConfig(
  globalIgnores(['lib/generated/', '.next/', 'test-results/', 'playwright-report/', 'bench/results/', 'bench/tmp/', 'datasets/', '.data/', '.cache/', 'next-env.d.ts']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The code drops fields with rest destructuring, `const { version: _v, ...rest } = row`;
      // the named sibling exists only to be left out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  reactHooks.configs.flat['recommended-latest'],
  nextPlugin.configs['core-web-vitals'],
  {
    // Scripts and configuration in plain JavaScript: outside tsconfig.json (allowJs is off), so
    // without type information, and run by Node.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
