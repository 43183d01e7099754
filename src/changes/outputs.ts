/**
 * Filter names become output names. Any YAML key is a filter name, as in dorny/paths-filter
 * (`services/api`, read as `steps.changes.outputs['services/api']`), but the runner reads the
 * output file line by line as `NAME<<DELIMITER` (or `NAME=VALUE`): at the first `=` or `<<`,
 * whichever comes first, and a line ends at a line break. So a name holding a line break, an `=`
 * or a `<` (a trailing one, or two in a row, would meet the delimiter's `<<`) would cut the file
 * into other outputs or fail the step. Those characters, and the other control characters, are
 * written as `%XX` (the hex of each UTF-8 byte); every other name is used exactly as written.
 */
const UNSAFE_IN_OUTPUT_NAME = /[\u0000-\u001f\u007f=<]/g;

/** The output name of a filter: its name, with what the runner cannot carry percent-encoded. */
export function outputName(filter: string): string {
  return filter.replace(
    UNSAFE_IN_OUTPUT_NAME,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/**
 * Step outputs are one case-insensitive map on the runner (`outputs.API` is `outputs.api`), so two
 * names that differ only in case are the same output: compared by this key. Each character is
 * upper-cased alone, as the runner's ordinal comparison does (`ß` stays `ß`).
 */
export function outputKey(name: string): string {
  let key = '';
  for (const c of name) {
    const upper = c.toUpperCase();
    key += upper.length === c.length ? upper : c;
  }
  return key;
}
