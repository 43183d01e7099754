import { describe, expect, it } from 'vitest';
import { csv, csvCell } from '../../src/pipeline-metrics/files.js';

describe('CSV cells', () => {
  it.each(['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1'])(
    'a text cell starting like a formula (%j) gets a leading apostrophe',
    (text) => {
      expect(csvCell(text)).toBe(`"'${text}"`);
    },
  );

  it('numbers are written as numbers, negative ones included; other text is quoted with quotes doubled', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('a "b", c\r\nd')).toBe('"a ""b"", c\r\nd"');
    expect(csvCell('build = fast')).toBe('"build = fast"');
  });

  it('rows end with CRLF, header first', () => {
    expect(csv(['a', 'b'], [[1, 'x']])).toBe('"a","b"\r\n1,"x"\r\n');
  });
});
