/**
 * The string with each lone surrogate replaced by U+FFFD: what UTF-8 (Prometheus' text format,
 * protobuf strings) can carry, and what Node's encoder would write anyway, stated once.
 */
export function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
