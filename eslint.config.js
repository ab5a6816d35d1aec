import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/.tsbuild/**', 'reports/**', '**/.out/**', 'packages/cli/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'No wall clock: inject time.' },
      ],
    },
  },
  {
    // Plain-JavaScript scripts that run before any build (the bin, the CLI build): Node globals.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['packages/engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'rxjs', importNames: ['delay', 'timer', 'interval', 'bufferTime', 'debounceTime', 'throttleTime', 'auditTime', 'sampleTime', 'timeout', 'asyncScheduler'], message: 'No RxJS time operators: a simulated clock drives the engine.' }] },
      ],
    },
  },
);
