import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      // The contracts are pure TypeScript shared by the API and the UI: no framework or ORM code.
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', '@angular/*', 'typeorm', 'class-validator', 'class-transformer', 'rxjs'] },
      ],
    },
  },
];
