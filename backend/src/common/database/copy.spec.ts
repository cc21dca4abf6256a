import { copyText } from './copy';

describe('copyText', () => {
  it('writes null as \\N and escapes what would end a field or a line', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyText('\\N')).toBe('\\\\N');
  });

  it('writes booleans, numbers and JSON the way PostgreSQL reads them', () => {
    expect(copyText(true)).toBe('t');
    expect(copyText(false)).toBe('f');
    expect(copyText(-1200.5)).toBe('-1200.5');
    expect(copyText({ note: 'Æble\tø' })).toBe('{"note":"Æble\\\\tø"}');
    expect(copyText([])).toBe('[]');
  });
});
