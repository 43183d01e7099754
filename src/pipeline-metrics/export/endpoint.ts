import { ConfigurationError } from '../../runtime/errors.js';
import { type HttpClient, type HttpResponse, isServiceError, safeUrl } from '../../net/index.js';
import { ExportError } from './errors.js';

/** Where an exporter sends, with the extra headers (credentials) the user gave for it. */
export interface ExportTarget {
  /** The receiver's base URL, http(s), without credentials, query or fragment. */
  url: URL;
  /** Extra request headers; every value is a secret. */
  headers: Record<string, string>;
  /** Every value the adapter must mask (`runtime.setSecret`) before anything can print it. */
  secrets: string[];
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the exporters set themselves; a user's value would break the request. */
const RESERVED = new Set(['content-type', 'content-length', 'content-encoding', 'host', 'transfer-encoding']);

/**
 * Extra headers, one `Name: value` a line (curl's -H form); blank lines and `#` comments are
 * skipped. A wrong line is a ConfigurationError naming the input and the line number, never the
 * value (it is a credential).
 */
export function parseHeaderLines(
  text: string,
  input: string,
): { headers: Record<string, string>; secrets: string[] } {
  const headers: Record<string, string> = {};
  const secrets: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const colon = line.indexOf(':');
    const where = `Input '${input}', line ${index + 1}`;
    if (colon <= 0)
      throw new ConfigurationError(
        `${where}: expected 'Name: value' (the value is not shown: it is a secret).`,
      );
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!TOKEN.test(name))
      throw new ConfigurationError(
        `${where}: ${JSON.stringify(name.slice(0, 40))} is not a header name (letters, digits and !#$%&'*+.^_\`|~-).`,
      );
    if (RESERVED.has(name.toLowerCase()))
      throw new ConfigurationError(`${where}: the exporter sets ${name} itself; remove that line.`);
    if (value === '') throw new ConfigurationError(`${where}: the header ${name} has no value.`);
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value))
      throw new ConfigurationError(`${where}: the value of ${name} has a control character.`);
    // HTTP carries header values as Latin-1: Node refuses anything else when the request is made.
    if (/[^\t\x20-\x7e\x80-\xff]/.test(value))
      throw new ConfigurationError(
        `${where}: the value of ${name} has a character HTTP headers cannot carry.`,
      );
    if (Object.keys(headers).some((known) => known.toLowerCase() === name.toLowerCase()))
      throw new ConfigurationError(`${where}: the header ${name} is given twice.`);
    headers[name] = value;
    secrets.push(value);
  });
  return { headers, secrets };
}

/**
 * The receiver's URL from an input: http or https, no query or fragment (an exporter appends its
 * own path). Credentials in the URL (`https://user:pass@host`) become a Basic Authorization header
 * and secrets; a URL that also has an Authorization header is refused (which one counts?).
 */
export function exportTarget(
  urlText: string,
  urlInput: string,
  headerText: string,
  headersInput: string,
): ExportTarget {
  const { headers, secrets } = parseHeaderLines(headerText, headersInput);
  let url: URL;
  try {
    url = new URL(urlText.trim());
  } catch {
    throw ConfigurationError.forInput(
      urlInput,
      shownUrl(urlText),
      'an http(s) URL such as http://pushgateway:9091',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw ConfigurationError.forInput(urlInput, shownUrl(urlText), 'an http:// or https:// URL');
  if (url.search || url.hash)
    throw ConfigurationError.forInput(
      urlInput,
      safeUrl(url),
      'a URL without a query or fragment (the exporter appends its own path)',
    );
  if (url.username || url.password) {
    if (Object.keys(headers).some((name) => name.toLowerCase() === 'authorization'))
      throw new ConfigurationError(
        `Input '${urlInput}' has credentials and '${headersInput}' has an Authorization header: give one of them.`,
      );
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    const basic = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    headers.Authorization = basic;
    secrets.push(basic);
    if (password) secrets.push(password);
    url.username = '';
    url.password = '';
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return { url, headers, secrets };
}

/** A URL as given, for an error message: credentials and query cut when it parses at all. */
function shownUrl(text: string): string {
  try {
    return safeUrl(text.trim());
  } catch {
    return text.replace(/\/\/[^/@]*@/, '//***@');
  }
}

/** The target's base URL with `path` appended (`path` already escaped). */
export function targetUrl(target: ExportTarget, path: string): URL {
  const url = new URL(target.url.toString());
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  return url;
}

/** `text` with every secret replaced by ***: for a receiver's error body, which may echo a header. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 3) out = out.split(secret).join('***');
  return out;
}

/**
 * Send one request to the receiver through src/net; a network failure becomes an ExportError
 * naming the input. Returns the response, whatever its status.
 */
export async function sendToReceiver(
  http: HttpClient,
  target: ExportTarget,
  input: string,
  what: string,
  request: {
    url: URL;
    method: string;
    headers: Record<string, string>;
    body: Uint8Array;
    retrySafe: boolean;
  },
): Promise<HttpResponse> {
  try {
    return await http.request({
      url: request.url,
      method: request.method,
      headers: { ...target.headers, ...request.headers },
      body: request.body,
      retrySafe: request.retrySafe,
      sensitive: { headers: Object.keys(target.headers) },
      redirect: 'same-origin',
    });
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    // src/net's messages start with the URL, which this one already names.
    const message = raw.startsWith(`${safeUrl(request.url)}: `)
      ? raw.slice(safeUrl(request.url).length + 2)
      : raw;
    throw new ExportError(
      `Input '${input}': could not reach ${what} at ${safeUrl(request.url)}: ${redact(message, target.secrets)}`,
      input,
      isServiceError(error) ? error.transient : true,
      true,
    );
  }
}

/** The start of an error body, one line, secrets cut: enough for a person to see why. */
export async function errorExcerpt(
  response: HttpResponse,
  secrets: readonly string[],
  decode?: (bytes: Uint8Array) => string | undefined,
): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await response.bytes(64 * 1024);
  } catch {
    return '';
  }
  const text = decode?.(bytes) ?? Buffer.from(bytes).toString('utf8');
  const line = redact(text, secrets).replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
