import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/.tsbuild/**', 'reports/**', '**/.out/**'] },
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
    files: ['packages/engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'rxjs', importNames: ['delay', 'timer', 'interval', 'bufferTime', 'debounceTime', 'throttleTime', 'auditTime', 'sampleTime', 'timeout', 'asyncScheduler'], message: 'No RxJS time operators: a simulated clock drives the engine.' }] },
      ],
    },
  },
);
