// Behaviour of the text helpers that put untrusted text (file names, test names, server messages,
// secrets) into workflow commands, the job summary and logs. Property tests state their invariant in
// the name; fast-check prints the seed and the shrunk counterexample when one fails.
//
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defuseCommands,
  details,
  escapeMarkdown,
  markdownTable,
  maskSecrets,
  oneLine,
  redactDeep,
  secretForms,
  secretFragments,
  secretMasks,
  truncateUtf8,
} from '../../src/runtime/text.js';

const runs = { numRuns: 300 };

/** Text rich in what matters here: colons, whitespace of several kinds, line breaks. */
const commandish = fc.string({
  unit: fc.constantFrom(':', ':', '::', ' ', '\t', '\u00a0', '\ufeff', '\n', '\r', '\r\n', 'a', 'x=y'),
  maxLength: 30,
});

/** Lines as a reader of the log splits them (CR, LF and CRLF all break a line). */
const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

describe('defuseCommands', () => {
  it('no line of defused text starts (after whitespace) with ::', () => {
    fc.assert(
      fc.property(commandish, (text) => {
        for (const line of linesOf(defuseCommands(text)))
          expect(line.trimStart().startsWith('::')).toBe(false);
      }),
      runs,
    );
  });

  it('defusing only inserts zero-width spaces: removing them gives the text back', () => {
    fc.assert(
      fc.property(commandish, (text) => {
        expect(defuseCommands(text).replaceAll('\u200b', '')).toBe(text);
      }),
      runs,
    );
  });

  it('defuses a command after LF, CRLF, CR and leading whitespace', () => {
    expect(defuseCommands('::error::a')).toBe('\u200b::error::a');
    expect(defuseCommands('ok\n::add-mask::x')).toBe('ok\n\u200b::add-mask::x');
    expect(defuseCommands('ok\r\n::set-env name=A::1')).toBe('ok\r\n\u200b::set-env name=A::1');
    expect(defuseCommands('ok\r::warning::w')).toBe('ok\r\u200b::warning::w');
    expect(defuseCommands('ok\n \t::stop-commands::t')).toBe('ok\n \t\u200b::stop-commands::t');
  });

  it('leaves :: inside a line alone', () => {
    expect(defuseCommands('a::b\nc ::d\ntest_x::case')).toBe('a::b\nc ::d\ntest_x::case');
  });
});

describe('oneLine', () => {
  const controlOrText = fc.string({
    unit: fc.oneof(
      fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\u007f', 'a', 'é', ' ', '€'),
    ),
    maxLength: 30,
  });

  /** Undo oneLine's escapes (valid for text that had no backslash of its own). */
  const undoEscapes = (text: string) =>
    text.replace(/\\(n|r|t|x[0-9a-f]{2})/g, (_, e: string) =>
      e === 'n'
        ? '\n'
        : e === 'r'
          ? '\r'
          : e === 't'
            ? '\t'
            : String.fromCharCode(Number.parseInt(e.slice(1), 16)),
    );

  it('the result has no control character and unescapes to the original text', () => {
    fc.assert(
      fc.property(controlOrText, (text) => {
        const line = oneLine(text);
        expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(undoEscapes(line)).toBe(text);
      }),
      runs,
    );
  });

  it('shows CR, LF, tab and other controls as escapes', () => {
    expect(oneLine('a\r\nb\tc\u0000d\u001be\u007f')).toBe('a\\r\\nb\\tc\\x00d\\x1be\\x7f');
  });
});

describe('escapeMarkdown', () => {
  const markdownish = fc.string({
    unit: fc.constantFrom(
      ...'\\`*_[]#|<>&;!()-~ a1é\n\r\t\u0000'.split(''),
      '&amp;',
      '&lt;',
      '<script>',
      '**b**',
    ),
    maxLength: 30,
  });

  /** What a Markdown renderer shows for the escaped text: backslash escapes and entities undone. */
  const rendered = (md: string) =>
    md.replace(/\\([\\`*_[\]#|])|&(amp|lt|gt);/g, (_, escaped: string, entity: string) =>
      escaped !== undefined ? escaped : entity === 'amp' ? '&' : entity === 'lt' ? '<' : '>',
    );

  /** Markdown or HTML syntax characters that are not escaped (a backslash escapes the next one). */
  const rawSyntax = (md: string) => {
    const raw: string[] = [];
    for (let i = 0; i < md.length; i++) {
      const c = md[i]!;
      if (c === '\\') i++;
      else if ('`*_[]#|<>'.includes(c)) raw.push(c);
      else if (c === '&' && !/^&(amp|lt|gt);/.test(md.slice(i))) raw.push(c);
    }
    return raw;
  };

  it('no Markdown, table or HTML syntax survives, and the cell is one line', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const md = escapeMarkdown(text);
        expect(rawSyntax(md)).toEqual([]);
        expect(md).not.toMatch(/[\r\n]/);
      }),
      runs,
    );
  });

  it('renders as the one-line form of the original text', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        expect(rendered(escapeMarkdown(text))).toBe(oneLine(text));
      }),
      runs,
    );
  });

  it('escapes a hostile test name', () => {
    expect(escapeMarkdown('a|b <img src=x onerror=alert(1)> & [link](http://x) `c` *d* _e_ #f \\g\nh')).toBe(
      'a\\|b &lt;img src=x onerror=alert(1)&gt; &amp; \\[link\\](http://x) \\`c\\` \\*d\\* \\_e\\_ \\#f \\\\g\\nh',
    );
  });
});

describe('markdownTable and details', () => {
  it('a table is a header, a separator and one line per row, ending in a newline', () => {
    expect(
      markdownTable(
        ['name', 'value'],
        [
          ['a', '1'],
          ['b', '2'],
        ],
      ),
    ).toBe('| name | value |\n| --- | --- |\n| a | 1 |\n| b | 2 |\n');
    expect(markdownTable(['only'], [])).toBe('| only |\n| --- |\n');
  });

  it('a details block keeps a blank line before its body so the body renders as Markdown', () => {
    expect(details('3 files', '- a\n- b')).toBe(
      '<details><summary>3 files</summary>\n\n- a\n- b\n</details>\n',
    );
  });
});

describe('truncateUtf8', () => {
  const bytes = (text: string) => Buffer.byteLength(text);
  const anyText = fc.string({ unit: 'binary', maxLength: 40 });
  const noReplacementChar = anyText.filter((t) => !t.includes('\ufffd'));
  const limit = fc.integer({ min: 0, max: 120 });

  it('the result never exceeds maxBytes, whatever the marker', () => {
    fc.assert(
      fc.property(anyText, limit, anyText, (text, maxBytes, marker) => {
        expect(bytes(truncateUtf8(text, maxBytes, marker))).toBeLessThanOrEqual(maxBytes);
        expect(bytes(truncateUtf8(text, maxBytes))).toBeLessThanOrEqual(maxBytes);
      }),
      runs,
    );
  });

  it('text within maxBytes comes back unchanged, including text of exactly maxBytes', () => {
    fc.assert(
      fc.property(anyText, fc.nat(8), anyText, (text, slack, marker) => {
        expect(truncateUtf8(text, bytes(text) + slack, marker)).toBe(text);
      }),
      runs,
    );
  });

  it('cut text is the longest whole-character prefix that fits beside the marker, then the marker', () => {
    fc.assert(
      fc.property(
        noReplacementChar,
        limit,
        fc.string({ unit: 'binary', maxLength: 8 }),
        (text, maxBytes, marker) => {
          fc.pre(bytes(text) > maxBytes && bytes(marker) <= maxBytes);
          let prefix = '';
          for (const char of text) {
            if (bytes(prefix + char) > maxBytes - bytes(marker)) break;
            prefix += char;
          }
          expect(truncateUtf8(text, maxBytes, marker)).toBe(prefix + marker);
        },
      ),
      runs,
    );
  });

  it('never splits a multi-byte character, with a non-empty marker', () => {
    // 'é' is 2 bytes, '😀' 4: a 9-byte budget beside the 4-byte marker holds '😀', not half of the next.
    expect(truncateUtf8('😀😀😀', 9, ' [.]')).toBe('😀 [.]');
    expect(truncateUtf8('éééé', 7, '…')).toBe('éé…');
  });

  it('a marker longer than maxBytes is itself cut to fit', () => {
    expect(truncateUtf8('a'.repeat(100), 5, '[truncated]')).toBe('[trun');
    expect(truncateUtf8('a'.repeat(100), 0, '[truncated]')).toBe('');
  });

  it('a marker of exactly maxBytes is shown whole, even one ending in U+FFFD', () => {
    // Cutting a string drops a U+FFFD at its end (the half of a split character): a marker that fits
    // is not cut, so its own last character stays.
    expect(truncateUtf8('longer than four bytes', 4, 'x\ufffd')).toBe('x\ufffd');
    expect(truncateUtf8('longer than four bytes', 5, 'x\ufffd')).toBe('lx\ufffd');
  });

  it('by default says the text was truncated to fit the summary', () => {
    const cut = truncateUtf8('x'.repeat(5000), 1000);
    expect(bytes(cut)).toBeLessThanOrEqual(1000);
    expect(cut).toMatch(/^x+\n\n_…truncated to fit the summary limit\._\n$/);
  });
});

describe('maskSecrets', () => {
  it('with secrets abc and abcdef, no part of abcdef shows, in either order', () => {
    expect(maskSecrets('key=abcdef', ['abc', 'abcdef'])).toBe('key=***');
    expect(maskSecrets('key=abcdef', ['abcdef', 'abc'])).toBe('key=***');
    expect(maskSecrets('abc abcdef', new Set(['abc', 'abcdef']))).toBe('*** ***');
  });

  it('an empty secret masks nothing', () => {
    expect(maskSecrets('abc', [''])).toBe('abc');
    expect(maskSecrets('abc', ['', 'b'])).toBe('a***c');
  });

  // Secrets over a small alphabet so they often contain one another; '*' left out because a secret
  // made of asterisks would be found in the mask itself.
  const secret = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 6 });

  it('each whole secret in a text becomes exactly *** even when secrets contain each other', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(secret, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        (secrets, picks) => {
          const words = picks.map((i) => secrets[i % secrets.length]!);
          expect(maskSecrets(words.join(' '), secrets)).toBe(words.map(() => '***').join(' '));
        },
      ),
      runs,
    );
  });

  it('no secret survives in the masked text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 40 }),
        fc.array(secret, { maxLength: 5 }),
        (text, secrets) => {
          const masked = maskSecrets(text, secrets);
          for (const s of secrets) expect(masked).not.toContain(s);
        },
      ),
      runs,
    );
  });

  it('text without a secret is unchanged', () => {
    expect(maskSecrets('nothing to hide', ['s3cr3t'])).toBe('nothing to hide');
  });
});

describe('secretFragments, secretForms and secretMasks', () => {
  it('an empty value has no fragment and no form to mask (a mask of nothing would garble every line)', () => {
    expect(secretFragments('')).toEqual([]);
    expect(secretForms('')).toEqual([]);
    expect(secretMasks('')).toEqual([]);
  });

  it('each line of a multi-line value is a fragment of its own, trimmed, blank lines left out', () => {
    expect(secretFragments('  first \r\n\n \t\rsecond\nthird  ')).toEqual([
      '  first \r\n\n \t\rsecond\nthird  ',
      'first',
      'second',
      'third',
    ]);
    expect(secretFragments('one line')).toEqual(['one line']);
  });

  it('a value with non-ASCII characters is also masked with them written as \\u escapes, as Python writes JSON', () => {
    const forms = secretForms('pässwörd€');
    expect(forms).toContain('pässwörd€');
    expect(forms).toContain('p\\u00e4ssw\\u00f6rd\\u20ac');
    expect(secretMasks('ä\nb')).toContain('\\u00e4');
  });
});

describe('redactDeep', () => {
  const redact = (text: string) => text.replaceAll('s3cret', '***');

  it('redacts every string at any depth, in arrays and objects, and leaves keys and other values as they are', () => {
    const value = {
      token: 's3cret',
      count: 3,
      ok: true,
      none: null,
      list: ['a s3cret b', 7, false, null, ['s3cret'], { deep: 's3cret!' }],
      nested: { inner: { s3cret: 'x s3cret' } },
    };
    expect(redactDeep(value, redact)).toEqual({
      token: '***',
      count: 3,
      ok: true,
      none: null,
      list: ['a *** b', 7, false, null, ['***'], { deep: '***!' }],
      nested: { inner: { s3cret: 'x ***' } },
    });
    expect(Array.isArray(redactDeep(value, redact).list)).toBe(true);
    expect(value.token).toBe('s3cret');
  });

  it('a top-level string is redacted; a number, a boolean, null and undefined come back as they are', () => {
    expect(redactDeep('s3cret', redact)).toBe('***');
    expect(redactDeep(42, redact)).toBe(42);
    expect(redactDeep(0, redact)).toBe(0);
    expect(redactDeep(true, redact)).toBe(true);
    expect(redactDeep(null, redact)).toBeNull();
    expect(redactDeep(undefined, redact)).toBeUndefined();
  });
});
