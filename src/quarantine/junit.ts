import { open, stat } from 'node:fs/promises';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ConfigurationError, errorMessage } from '../runtime/errors.js';
import { boundedPart, normaliseFile, testId } from './identity.js';

/**
 * One streaming reader for every JUnit XML dialect in the wild (see ../shared/reference/junit-xml.md).
 * It never builds a document: memory stays flat whatever the report size, and each <testcase> is
 * handed to the caller as soon as it closes. Memory also stays flat whatever the report's shape:
 * nesting deeper than MAX_DEPTH is refused, and no text, attribute value or comment is kept beyond
 * KEPT_TEXT_LIMIT characters (the rest is dropped as it streams by; messages are truncated).
 */
export type Outcome = 'passed' | 'failed' | 'skipped' | 'flaky';

export interface TestCaseElement {
  id: string;
  file?: string;
  /** The enclosing suites' names (outermost first, `::`-joined), part of the id when `file` is missing. */
  suite: string;
  classname: string;
  name: string;
  /**
   * Where retries can be: the report and the suite path. Repeated <testcase> elements of one test are
   * read as retries only within one group, never across suites or report files.
   */
  group: string;
  line?: number;
  outcome: Outcome;
  /** `failure` (an assertion) or `error` (an unexpected exception), when the case failed. */
  failureKind?: 'failure' | 'error';
  message?: string;
  /** Failed attempts recorded in this element: failure/error, rerun*, flaky*. */
  failedAttempts: number;
  /** The report and the line the <testcase> starts on. */
  report: string;
  reportLine: number;
}

export interface ParseOptions {
  /** Refuse files larger than this (bytes). */
  maxBytes: number;
  /** Relative paths in ids for files inside this directory. */
  workspace?: string;
  /** How the report is named in messages (defaults to its path). */
  displayName?: string;
  onCase: (testCase: TestCaseElement) => void;
}

export interface ParseSummary {
  cases: number;
  bytes: number;
}

const ROOTS = new Set(['testsuites', 'testsuite']);
const SKIPPED_STATUS = new Set(['disabled', 'ignored', 'skipped', 'notrun', 'not_run']);
const MESSAGE_LIMIT = 2000;
/** Deepest element nesting accepted; real reports nest a handful of suites. */
export const MAX_DEPTH = 256;
/** Characters of one text run, attribute value, comment or CDATA section kept while parsing. */
export const KEPT_TEXT_LIMIT = 64 * 1024;
/** Attributes accepted on one element. */
export const MAX_ATTRIBUTES = 1024;
const READ_CHUNK = 256 * 1024;
/**
 * What the XML parser is given at a time. V8 puts a string over 128 KB straight into the old
 * generation (its large-object space): a 256 KB chunk decoded whole became old-space garbage on every
 * read, which only a full collection frees, so the heap (and the peak RSS) grew with the report.
 * At 32 KB (64 KB if every character takes two bytes) the decoded text dies young.
 */
const PARSE_CHUNK = 32 * 1024;
// XML 1.0 forbids these; test output (ANSI colour codes, binary junk) puts them in reports anyway.
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** The parts of saxes' state that hold text; see JUnitReader.bound. */
interface SaxesInternals {
  text: string;
  name: string;
  piTarget: string;
  entity: string;
  attribList: unknown[];
}

interface OpenCase {
  attributes: Record<string, string>;
  line: number;
  file?: string;
  failures: number;
  reruns: number;
  flakes: number;
  skipped: boolean;
  failureKind?: 'failure' | 'error';
  message?: string;
}

/** A report that is not well-formed JUnit XML; the message names the report and the line. */
export class MalformedReportError extends ConfigurationError {
  readonly malformed = true;
}

export function isMalformedReport(error: unknown): error is MalformedReportError {
  return error instanceof MalformedReportError;
}

export async function parseJUnitFile(path: string, options: ParseOptions): Promise<ParseSummary> {
  const shown = options.displayName ?? path;
  const size = (await stat(path)).size;
  if (size > options.maxBytes) {
    throw new ConfigurationError(
      `Report ${shown} is ${size} bytes, over the limit of ${options.maxBytes} set by input 'max-report-size'; raise the input or split the report.`,
    );
  }
  const reader = new JUnitReader(shown, options);
  const decoder = new TextDecoder('utf-8');
  // One buffer, reused for every read: memory stays flat and nothing waits for the GC.
  const buffer = Buffer.allocUnsafe(READ_CHUNK);
  const handle = await open(path, 'r');
  let bytes = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
      if (bytesRead === 0) break;
      bytes += bytesRead;
      if (bytes > options.maxBytes) {
        throw new ConfigurationError(
          `Report ${shown} grew past the limit of ${options.maxBytes} bytes set by input 'max-report-size' while it was read.`,
        );
      }
      for (let start = 0; start < bytesRead; start += PARSE_CHUNK)
        reader.write(
          decoder.decode(buffer.subarray(start, Math.min(start + PARSE_CHUNK, bytesRead)), { stream: true }),
        );
    }
  } finally {
    await handle.close();
  }
  reader.write(decoder.decode());
  return { cases: reader.close(), bytes };
}

/** The same reader over a string (tests, and reports that arrive in memory). */
export function parseJUnitString(
  xml: string,
  options: Omit<ParseOptions, 'maxBytes'> & { displayName: string },
): number {
  const reader = new JUnitReader(options.displayName, options);
  // In the pieces a file is parsed in, so the same bounds hold.
  for (let start = 0; start < xml.length; start += PARSE_CHUNK)
    reader.write(xml.slice(start, start + PARSE_CHUNK));
  return reader.close();
}

/** The reader itself: write text in pieces, then close (exported for the property tests). */
export class JUnitReader {
  private readonly parser = new SaxesParser({ position: true });
  private readonly suites: { name: string; file?: string; path: string[]; group: string }[] = [];
  private depth = 0;
  private current: OpenCase | undefined;
  private captureDepth = 0;
  private captured = '';
  private cases = 0;

  constructor(
    readonly shown: string,
    private readonly options: Pick<ParseOptions, 'workspace' | 'onCase'>,
  ) {
    this.parser.on('doctype', () => {
      throw this.fail(
        'a DOCTYPE is not allowed in a test report (entity expansion and external entities are refused)',
      );
    });
    this.parser.on('opentag', (tag) => this.open(tag as SaxesTagPlain));
    this.parser.on('closetag', (tag) => this.closeTag(tag.name));
    this.parser.on('text', (text) => this.capture(text));
    this.parser.on('cdata', (text) => this.capture(text));
  }

  write(text: string): void {
    ILLEGAL_XML_CHARS.lastIndex = 0;
    const clean = ILLEGAL_XML_CHARS.test(text) ? text.replace(ILLEGAL_XML_CHARS, '\ufffd') : text;
    this.guard(() => this.parser.write(clean));
    this.bound();
  }

  /**
   * saxes gathers every text run, attribute value, comment and CDATA section in one buffer until it
   * ends, and every name the same way: a 200 MB attribute would be held whole (several times over
   * while strings are joined). Between writes (each at most PARSE_CHUNK long) the buffer is cut back
   * to KEPT_TEXT_LIMIT, so what is kept stays bounded whatever the input; a name or an entity
   * reference that long, or an element with too many attributes, is refused.
   */
  private bound(): void {
    const inside = this.parser as unknown as SaxesInternals;
    if (inside.text.length > KEPT_TEXT_LIMIT) inside.text = inside.text.slice(0, KEPT_TEXT_LIMIT);
    if (inside.name.length > KEPT_TEXT_LIMIT || inside.piTarget.length > KEPT_TEXT_LIMIT)
      throw this.fail(`a name is longer than ${KEPT_TEXT_LIMIT} characters`);
    if (inside.entity.length > KEPT_TEXT_LIMIT)
      throw this.fail(`an entity reference is longer than ${KEPT_TEXT_LIMIT} characters`);
    if (inside.attribList.length > MAX_ATTRIBUTES)
      throw this.fail(`an element has more than ${MAX_ATTRIBUTES} attributes`);
  }

  /** Characters the XML parser holds for the text, value or name it is in the middle of. */
  get keptCharacters(): number {
    const inside = this.parser as unknown as SaxesInternals;
    return inside.text.length + inside.name.length + inside.piTarget.length + inside.entity.length;
  }

  close(): number {
    this.guard(() => this.parser.close());
    return this.cases;
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      if (error instanceof ConfigurationError) throw error;
      // saxes prefixes its messages with line:column; ours name the file and the line instead.
      throw this.fail(errorMessage(error).replace(/^\d+:\d+:\s*/, ''));
    }
  }

  private fail(reason: string): ConfigurationError {
    return new MalformedReportError(
      `Report ${this.shown}, line ${this.parser.line}: not valid JUnit XML: ${reason}.`.replace(/\.\.$/, '.'),
    );
  }

  private open(tag: SaxesTagPlain): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw this.fail(`elements are nested deeper than ${MAX_DEPTH} levels`);
    const name = tag.name;
    // bound() keeps the first KEPT_TEXT_LIMIT characters of a long value between writes, and saxes
    // then appends what the last piece holds: cut here too, so the value is the same whatever the
    // pieces the report arrived in.
    // In place: saxes hands each tag its own attributes object, and a copy per element was the
    // parser's largest allocation (a CPU profile of 100,000 testcases: 13% of the time, most of the GC).
    const attributes = tag.attributes as Record<string, string>;
    for (const key in attributes) {
      const value = attributes[key]!;
      if (value.length > KEPT_TEXT_LIMIT) attributes[key] = value.slice(0, KEPT_TEXT_LIMIT);
    }
    if (this.depth === 1) {
      if (!ROOTS.has(name))
        throw this.fail(`the root element is <${name}>, expected <testsuites> or <testsuite>`);
    }
    if (this.captureDepth > 0) return;
    const open = this.current;
    if (open === undefined) {
      if (name === 'testsuite') {
        const parent = this.suites.at(-1);
        const suiteName = boundedPart((attributes.name ?? '').trim());
        const path = suiteName === '' ? (parent?.path ?? []) : [...(parent?.path ?? []), suiteName];
        this.suites.push({
          name: suiteName,
          file: attributes.file ?? parent?.file,
          path,
          group: `${this.shown}\u0000${path.join('\u0000')}`,
        });
      } else if (name === 'testcase') {
        this.current = {
          attributes,
          line: this.parser.line,
          failures: 0,
          reruns: 0,
          flakes: 0,
          skipped: false,
        };
      }
      return;
    }
    switch (name) {
      case 'failure':
      case 'error':
        open.failures += 1;
        if (open.failureKind === undefined) {
          open.failureKind = name;
          this.startCapture(open, attributes);
        }
        break;
      case 'rerunFailure':
      case 'rerunError':
        open.reruns += 1;
        break;
      case 'flakyFailure':
      case 'flakyError':
        open.flakes += 1;
        if (open.message === undefined && open.failureKind === undefined) this.startCapture(open, attributes);
        break;
      case 'skipped':
        open.skipped = true;
        break;
    }
  }

  private startCapture(open: OpenCase, attributes: Record<string, string>): void {
    open.message = attributes.message?.trim().slice(0, MESSAGE_LIMIT) || undefined;
    if (open.message === undefined) {
      this.captureDepth = this.depth;
      this.captured = '';
    }
  }

  private capture(text: string): void {
    if (this.captureDepth > 0 && this.captured.length < MESSAGE_LIMIT)
      this.captured += text.slice(0, MESSAGE_LIMIT - this.captured.length);
  }

  private closeTag(name: string): void {
    if (this.captureDepth === this.depth) {
      this.captureDepth = 0;
      if (this.current) this.current.message = firstLines(this.captured);
    }
    this.depth -= 1;
    if (this.captureDepth > 0) return;
    if (name === 'testsuite' && this.current === undefined) this.suites.pop();
    else if (name === 'testcase' && this.current !== undefined) {
      this.finish(this.current);
      this.current = undefined;
    }
  }

  private finish(open: OpenCase): void {
    const a = open.attributes;
    const suite = this.suites.at(-1);
    // Without a classname, the innermost suite names the group the case belongs to.
    const classname = boundedPart((a.classname ?? a.class ?? '').trim()) || (suite?.name ?? '');
    const identity = {
      file: normaliseFile(a.file ?? a.filepath ?? suite?.file, this.options.workspace),
      // Surefire and TestNG name the suite after the class: saying it twice would tell nothing apart.
      suite: (suite?.path ?? []).filter((part) => part !== classname).join('::'),
      classname,
      name: boundedPart((a.name ?? '').trim()),
    };
    const line = Number.parseInt(a.line ?? '', 10);
    const disabled = SKIPPED_STATUS.has((a.status ?? '').toLowerCase());
    let outcome: Outcome = 'passed';
    if (disabled) outcome = 'skipped';
    else if (open.failures > 0) outcome = 'failed';
    else if (open.skipped) outcome = 'skipped';
    else if (open.flakes > 0) outcome = 'flaky';
    this.cases += 1;
    this.options.onCase({
      id: testId(identity),
      ...identity,
      group: suite?.group ?? `${this.shown}\u0000`,
      line: Number.isSafeInteger(line) && line > 0 ? line : undefined,
      outcome,
      failureKind: outcome === 'failed' ? open.failureKind : undefined,
      message: outcome === 'failed' || outcome === 'flaky' ? open.message : undefined,
      failedAttempts: disabled ? 0 : open.failures + open.reruns + open.flakes,
      report: this.shown,
      reportLine: open.line,
    });
  }
}

function firstLines(text: string): string | undefined {
  const trimmed = text
    .replace(/\ufffd\[[\d;]*[A-Za-z]/g, '')
    .trim()
    .split(/\r?\n/)
    .slice(0, 3)
    .join('\n');
  return trimmed === '' ? undefined : trimmed.slice(0, MESSAGE_LIMIT);
}
