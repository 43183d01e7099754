// The differences between the suite's globs and dorny/paths-filter's that actions/changes/README.md
// lists in its differences table, each recognised by the (pattern, path) pair it shows on.

/** The differences the README's table lists, each recognised by the pair it shows on. */
export const DOCUMENTED: { row: string; applies: (pattern: string, path: string) => boolean }[] = [
  {
    // picomatch's `.` stops at a newline, so `**`, `*` and `!` patterns miss such names.
    row: 'names with newlines or control characters',
    applies: (_pattern, path) => path.includes('\n'),
  },
  {
    // picomatch 2.3.1 compiles `[!a]` to the regex class `[!a]` (`!` or `a`); POSIX, bash,
    // minimatch and GitHub's own filters read it as "not a".
    row: '`[!a]`',
    applies: (pattern) => pattern.includes('[!'),
  },
  {
    // picomatch turns `{a,b}+` into the regex `(a|b)+`; braces expand before `+` applies here.
    row: '`{a,b}+`',
    applies: (pattern) => pattern.includes('}+'),
  },
  {
    // Inside a `(…|…)` group picomatch reads `**` as a globstar only at the very start of the
    // pattern (`!(**/*.tsx|…)`, and then `**/` needs one directory), elsewhere as `*`; here `**`
    // is zero or more directories in every alternative.
    row: '`**` inside a `(…\\|…)` group',
    applies: (pattern) => /\([^)]*\*\*/.test(pattern),
  },
  {
    // picomatch's `!(a)` inside a longer pattern rejects every name that merely starts with an
    // alternative (`*/!(a)/*` misses `docs/a.ts/x`) and, after `**/`, also matches the directory
    // itself (`src/**/!(*.md)` matches `src`); here `!(a)` is one segment that is not `a`.
    row: '`!(…)` inside a longer pattern',
    applies: (pattern) => pattern.includes('!(') && !/^!\([^()]*\)$/.test(pattern),
  },
];
