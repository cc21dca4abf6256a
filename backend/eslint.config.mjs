import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Request DTOs: IsOptional lets null through to NOT NULL columns (a 500 once); use Omittable from
    // common/http/fields, which refuses null unless the field says that null clears it.
    files: ['src/features/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: 'Use Omittable() from common/http/fields: it refuses null where the column is NOT NULL.',
            },
          ],
        },
      ],
    },
  },
];
