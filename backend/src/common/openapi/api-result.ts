import { applyDecorators } from '@nestjs/common';
import { ApiNoContentResponse, ApiResponse } from '@nestjs/swagger';

import generated from './result-schemas.generated.json';

/** JSON Schemas by type text, written by tools/openapi.mjs from the `@ApiResult('<type>')` uses. */
const results = generated.results as Record<string, object>;

/** The schema of one `@ApiResult` type (a contract type from @bofast/contracts, `Page<T>`, `T[]`, …). */
export function resultSchema(type: string): object {
  const schema = results[type];
  if (!schema) throw new Error(`No schema for @ApiResult('${type}'): run node tools/openapi.mjs`);
  return schema;
}

/**
 * The success answer of an operation: `type` is its TypeScript type as written in the controller's return type
 * (`'CaseDetail'`, `'Page<CaseSummary>'`, `'Task[]'`); tools/openapi.mjs turns it into a JSON Schema. `status` is
 * the answer's status (201 for a POST without `@HttpCode`); `files` are other media types the same status may carry.
 */
export function ApiResult(type: string, options: { status?: number; files?: string[] } = {}): MethodDecorator {
  const file = { schema: { type: 'string', format: 'binary' } };
  return ApiResponse({
    status: options.status ?? 200,
    description: type,
    content: {
      'application/json': { schema: resultSchema(type) },
      ...Object.fromEntries((options.files ?? []).map((m) => [m, file])),
    },
  });
}

/** A download: the answer is a file of one of `mediaTypes`. */
export function ApiFile(...mediaTypes: string[]): MethodDecorator {
  const file = { schema: { type: 'string', format: 'binary' } };
  return ApiResponse({
    status: 200,
    description: 'Fil',
    content: Object.fromEntries(mediaTypes.map((m) => [m, file])),
  });
}

/** 204: the answer has no body. */
export function ApiNoContent(): MethodDecorator {
  return applyDecorators(ApiNoContentResponse({ description: 'Intet indhold' }));
}
