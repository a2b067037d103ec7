import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'lambda/dist/', 'coverage/', '.ask/', 'bench/fixtures/**/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-console': 'error',
    },
  },
  {
    // Command-line tools talk to a person on stdout/stderr; the skill itself logs through its logger.
    files: ['tools/**', 'bench/**', 'test/**', '*.js', '*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
