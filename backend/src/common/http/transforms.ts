/** class-transformer helpers shared by the DTOs: query strings arrive as text. */
type Value = { value: unknown };

export const trim = ({ value }: Value) => (typeof value === 'string' ? value.trim() : value);

/** A blank string means "no value" (null); other strings are trimmed. */
export const emptyToNull = ({ value }: Value) =>
  typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value;

/** "true"/"false" from a query string; anything else is left for the validator to reject. */
export const toBool = ({ value }: Value) =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;

/** "a,b,c" from a query string as a list. */
export const toList = ({ value }: Value) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

/** The message for a missing optimistic-concurrency version. */
export const VERSION_MESSAGE = { message: 'Versionen mangler' };
