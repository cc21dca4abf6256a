import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function collect(errors: ValidationError[], prefix: string, out: Record<string, string[]>): void {
  for (const e of errors) {
    const key = prefix ? `${prefix}.${e.property}` : e.property;
    // A missing value gets one clear message ("Skal udfyldes") instead of every rule it also breaks.
    if (e.constraints)
      out[key] =
        e.constraints['isNotEmpty'] && (e.value === undefined || e.value === null || e.value === '')
          ? [e.constraints['isNotEmpty']]
          : Object.values(e.constraints);
    if (e.children?.length) collect(e.children, key, out);
  }
}

/** Strict global validation; answers 400 with `fields` (Danish messages from the DTOs). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fields: Record<string, string[]> = {};
      collect(errors, '', fields);
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: 'Der er fejl i de indtastede oplysninger.',
        fields,
      });
    },
  });
}
