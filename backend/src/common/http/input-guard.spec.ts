import {
  BAD_KEY_MESSAGE,
  BAD_NUMBER_MESSAGE,
  BAD_TEXT_MESSAGE,
  inspectInput,
  isBadNumber,
  isBadText,
  jsonDepthExceeds,
  MAX_JSON_DEPTH,
  verifyJsonDepth,
} from './input-guard';

const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('input guard', () => {
  describe(jsonDepthExceeds.name, () => {
    it('should allow exactly the limit and refuse one more', () => {
      expect(jsonDepthExceeds(nest(MAX_JSON_DEPTH))).toBe(false);
      expect(jsonDepthExceeds(nest(MAX_JSON_DEPTH + 1))).toBe(true);
      expect(jsonDepthExceeds(`{"a":${nest(MAX_JSON_DEPTH)}}`)).toBe(true);
    });

    it('should not count brackets inside strings, escaped quotes included', () => {
      expect(jsonDepthExceeds(JSON.stringify({ a: '[[[['.repeat(100) }))).toBe(false);
      expect(jsonDepthExceeds(JSON.stringify({ a: 'x\\"[[[['.repeat(100) }))).toBe(false);
      expect(jsonDepthExceeds(`{"a":"\\"",${'"b":'.slice(0, 0)}"c":${nest(40)}}`)).toBe(true);
    });

    it('should scan 1,500 levels in bytes without recursion, and throw a typed error from verify', () => {
      expect(jsonDepthExceeds(Buffer.from(nest(1500)))).toBe(true);
      expect(() => verifyJsonDepth(null, null, Buffer.from(nest(1500)))).toThrow(
        expect.objectContaining({ type: 'entity.too.deep', status: 400 }),
      );
      expect(() => verifyJsonDepth(null, null, Buffer.from('{"a":1}'))).not.toThrow();
    });
  });

  describe(isBadText.name, () => {
    it.each(['a\u0000b', '\u0000', 'a\ud800', '\ud800b', '\udc00', 'x\udfffy', '\ud83d'])('should refuse %j', (s) => {
      expect(isBadText(s)).toBe(true);
    });

    it.each(['', 'Søren Ærø', 'emoji 😀 ok', '\ud83d\ude00', 'tab\tand\nnewline'])('should accept %j', (s) => {
      expect(isBadText(s)).toBe(false);
    });
  });

  describe(isBadNumber.name, () => {
    it.each([1e300, -1e300, 2e-323, Number.MAX_SAFE_INTEGER + 2, 1e21, Infinity, NaN])('should refuse %d', (n) => {
      expect(isBadNumber(n)).toBe(true);
    });

    it.each([0, -1, 1.5, 2147483648, 9_999_999.99, 0.01])('should accept %d (the DTO bounds it)', (n) => {
      expect(isBadNumber(n)).toBe(false);
    });
  });

  describe(inspectInput.name, () => {
    it('should answer nothing for clean input', () => {
      expect(inspectInput({ name: 'Ane', tags: ['a', 'b'], rule: { x: [1, 2, { y: 'z' }] } })).toEqual({});
    });

    it('should name the path of bad text, in nested objects and arrays', () => {
      expect(inspectInput({ name: 'a\u0000', rule: { filters: ['ok', 'b\ud800'] } })).toEqual({
        name: [BAD_TEXT_MESSAGE],
        'rule.filters.1': [BAD_TEXT_MESSAGE],
      });
    });

    it('should refuse prototype-named keys anywhere, as own properties from JSON.parse', () => {
      const parsed = JSON.parse(
        '{"__proto__":{"a":1},"aliases":{"constructor":["x"],"toString":["y"]},"rule":{"prototype":1,"hasOwnProperty":2}}',
      );
      const fields = inspectInput(parsed);
      expect(Object.keys(fields).sort()).toEqual(
        ['__proto__', 'aliases.constructor', 'aliases.toString', 'rule.hasOwnProperty', 'rule.prototype'].sort(),
      );
      expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toEqual([BAD_KEY_MESSAGE]);
    });

    it('should refuse numbers no field takes', () => {
      expect(inspectInput({ amount: 1e300, version: 2 })).toEqual({ amount: [BAD_NUMBER_MESSAGE] });
    });

    it('should report bad text in a key, and stop at the depth limit without recursing', () => {
      expect(Object.keys(inspectInput({ 'a\u0000': 1 }))).toEqual(['a?']);
      let deep: unknown = 'x';
      for (let i = 0; i < 5000; i++) deep = [deep];
      expect(inspectInput({ a: deep })).toEqual({
        [`a${'.0'.repeat(MAX_JSON_DEPTH - 1)}`]: [`Højst ${MAX_JSON_DEPTH} niveauer`],
      });
    });

    it('should walk a query object (strings and repeated keys)', () => {
      expect(inspectInput({ q: 'ab\u0000cd', status: ['a', 'b\u0000'] })).toEqual({
        q: [BAD_TEXT_MESSAGE],
        'status.1': [BAD_TEXT_MESSAGE],
      });
    });
  });
});
