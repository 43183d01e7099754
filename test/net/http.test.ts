import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Readable } from 'node:stream';
import {
  BodyTooLargeError,
  CircuitOpenError,
  type Clock,
  HttpClient,
  HttpTimeoutError,
  NetworkError,
  parseRetryAfter,
  RedirectRefusedError,
  type RequestBody,
} from '../../src/net/index.js';

/** A clock that never waits: it records each requested sleep and moves time forward by it. */
function recordingClock(start = 1_700_000_000_000): Clock & { sleeps: number[]; advance(ms: number): void } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** A real local HTTP server that misbehaves on purpose, one scripted behaviour per request number. */
async function misbehavingServer(
  handler: Handler,
): Promise<{ url: string; hits: () => number; server: Server }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    handler(req, res, hits);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

const client = (clock: Clock, overrides: ConstructorParameters<typeof HttpClient>[0] = {}) =>
  new HttpClient({ clock, random: () => 1, backoffBaseMs: 100, retries: 3, ...overrides });

describe('HttpClient against a misbehaving server', () => {
  it('times out a request whose headers never come, then succeeds on retry', async () => {
    const { url, hits } = await misbehavingServer((_req, res, n) => {
      if (n === 1) return; // never answers
      res.end('ok');
    });
    const clock = recordingClock();
    const http = client(clock, { timeoutMs: 200 });
    const res = await http.request({ url });
    expect(await res.text()).toBe('ok');
    expect(hits()).toBe(2);
    expect(http.stats()).toMatchObject({ requests: 2, retries: 1, exhausted: 0 });
  });

  it('throws HttpTimeoutError naming the URL without its query once retries are spent', async () => {
    const { url } = await misbehavingServer(() => undefined);
    const http = client(recordingClock(), { timeoutMs: 100, retries: 1 });
    const error = await http.request({ url: `${url}/v2/x?token=secret` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpTimeoutError);
    expect((error as Error).message).toContain('/v2/x');
    expect((error as Error).message).not.toContain('secret');
    expect(http.stats().exhausted).toBe(1);
  });

  it('honours Retry-After (seconds) on 429 and HTTP dates on 503', async () => {
    const { url } = await misbehavingServer((_req, res, n) => {
      if (n === 1) return res.writeHead(429, { 'retry-after': '7' }).end();
      if (n === 2)
        return res
          .writeHead(503, { 'retry-after': new Date(1_700_000_000_000 + 7_000 + 20_000).toUTCString() })
          .end();
      res.end('done');
    });
    const clock = recordingClock();
    const res = await client(clock).request({ url });
    expect(res.status).toBe(200);
    expect(clock.sleeps[0]).toBe(7000);
    // the date is 27 s after the start; 7 s have passed; HTTP dates have 1 s resolution
    expect(clock.sleeps[1]).toBeGreaterThanOrEqual(19_000);
    expect(clock.sleeps[1]).toBeLessThanOrEqual(20_000);
  });

  it('backs off exponentially with full jitter, capped', async () => {
    const { url } = await misbehavingServer((_req, res) => res.writeHead(502).end());
    const clock = recordingClock();
    const http = new HttpClient({
      clock,
      random: () => 0.5,
      backoffBaseMs: 100,
      backoffMaxMs: 300,
      retries: 3,
      breakerThreshold: 100,
    });
    const res = await http.request({ url });
    expect(res.status).toBe(502);
    expect(clock.sleeps).toEqual([50, 100, 150]);
  });

  it('returns the last response when retries are exhausted and counts it', async () => {
    const { url, hits } = await misbehavingServer((_req, res) => res.writeHead(503).end('down'));
    const http = client(recordingClock(), { retries: 2, breakerThreshold: 100 });
    const res = await http.request({ url });
    expect(res.status).toBe(503);
    expect(hits()).toBe(3);
    expect(http.stats()).toEqual({ requests: 3, retries: 2, exhausted: 1, breakerTrips: 0 });
  });

  it('gives up at once when Retry-After asks for longer than the cap', async () => {
    const { url, hits } = await misbehavingServer((_req, res) =>
      res.writeHead(429, { 'retry-after': '3600' }).end(),
    );
    const res = await client(recordingClock(), { retryAfterMaxMs: 60_000 }).request({ url });
    expect(res.status).toBe(429);
    expect(hits()).toBe(1);
  });

  it('does not retry a POST unless the caller marks it safe', async () => {
    const first = await misbehavingServer((_req, res) => res.writeHead(503).end());
    const plain = client(recordingClock());
    expect((await plain.request({ url: first.url, method: 'POST', body: 'x' })).status).toBe(503);
    expect(first.hits()).toBe(1);

    const second = await misbehavingServer((_req, res, n) =>
      n < 3 ? res.writeHead(503).end() : res.end('created'),
    );
    const safe = client(recordingClock());
    const res = await safe.request({ url: second.url, method: 'POST', body: 'x', retrySafe: true });
    expect(await res.text()).toBe('created');
    expect(second.hits()).toBe(3);
  });

  it('retries a connection reset mid-body only where a fresh body can be made, and re-sends it', async () => {
    const bodies: string[] = [];
    const { url } = await misbehavingServer((req, res, n) => {
      let data = '';
      req.on('data', (c) => {
        data += c;
      });
      req.on('end', () => {
        bodies.push(data);
        if (n === 1) return req.socket.destroy();
        res.end('stored');
      });
    });
    const http = client(recordingClock());
    const res = await http.request({
      url,
      method: 'PUT',
      body: () =>
        (async function* () {
          yield new TextEncoder().encode('chunk-1,');
          yield new TextEncoder().encode('chunk-2');
        })(),
    });
    expect(await res.text()).toBe('stored');
    expect(bodies).toEqual(['chunk-1,chunk-2', 'chunk-1,chunk-2']);
  });

  it('reports a refused connection as a NetworkError with its code', async () => {
    const { url, server } = await misbehavingServer(() => undefined);
    server.close();
    await once(server, 'close');
    const error = await client(recordingClock(), { retries: 1 })
      .request({ url })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).causeCode).toBe('ECONNREFUSED');
  });

  it('streams response bodies instead of buffering them', async () => {
    const { url } = await misbehavingServer((_req, res) => {
      res.writeHead(200);
      res.write('first ');
      setTimeout(() => res.end('second'), 50);
    });
    const res = await client(recordingClock()).request({ url });
    const reader = res.body[Symbol.asyncIterator]();
    const first = await reader.next();
    expect(new TextDecoder().decode(first.value)).toBe('first ');
    let rest = '';
    for (let r = await reader.next(); !r.done; r = await reader.next())
      rest += new TextDecoder().decode(r.value);
    expect(rest).toBe('second');
  });

  it('reads a body up to a limit, and a body cut off mid-way is a NetworkError naming the URL without its query', async () => {
    const { url } = await misbehavingServer((req, res) => {
      if (req.url?.startsWith('/big')) {
        res.writeHead(200, { 'content-length': '100' });
        res.end('x'.repeat(100));
      } else if (req.url?.startsWith('/chunked')) {
        res.writeHead(200);
        res.write('y'.repeat(60));
        setTimeout(() => res.end('y'.repeat(60)), 10);
      } else {
        res.writeHead(200, { 'content-length': '1000' });
        res.write('partial');
        setTimeout(() => res.socket?.destroy(), 10);
      }
    });
    const http = client(recordingClock());
    await expect((await http.request({ url: `${url}/big` })).bytes(99)).rejects.toThrow(BodyTooLargeError);
    await expect((await http.request({ url: `${url}/chunked` })).bytes(99)).rejects.toThrow(
      BodyTooLargeError,
    );
    expect((await (await http.request({ url: `${url}/big` })).bytes(100)).byteLength).toBe(100);
    const cut = (await http.request({ url: `${url}/cut?token=secret` })).text();
    await expect(cut).rejects.toThrow(NetworkError);
    await expect(cut).rejects.toThrow(/\/cut: /);
    await expect(cut).rejects.not.toThrow(/secret/);
  });

  it('sends Node streams, web streams and async iterables as request bodies', async () => {
    const { url } = await misbehavingServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      res.end(`${req.headers['transfer-encoding'] ?? req.headers['content-length']}:${body}`);
    });
    const http = client(recordingClock());
    const send = async (body: RequestBody) => (await http.request({ url, method: 'PUT', body })).text();
    expect(await send('plain')).toBe('5:plain');
    expect(await send(Readable.from([Buffer.from('no'), Buffer.from('de')]))).toBe('chunked:node');
    expect(await send(new Blob(['web']).stream())).toBe('chunked:web');
    expect(
      await send(
        (async function* () {
          yield new TextEncoder().encode('iter');
        })(),
      ),
    ).toBe('chunked:iter');
  });
});

describe('kept-alive connections', () => {
  it('sends a request again on a fresh connection when the idle one it went out on was closed, even a POST', async () => {
    const served = new WeakMap<object, number>();
    const seen: string[] = [];
    const { url } = await misbehavingServer((req, res) => {
      const socket = req.socket;
      const count = (served.get(socket) ?? 0) + 1;
      served.set(socket, count);
      // What a server closing an idle connection looks like to the client: the reused connection
      // dies before any answer, and the request was never handled.
      if (count > 1) {
        socket.destroy();
        return;
      }
      seen.push(`${req.method} ${req.url}`);
      res.end('ok');
    });
    const http = client(recordingClock());
    expect(await (await http.request({ url: `${url}/one`, method: 'POST', body: 'a' })).text()).toBe('ok');
    expect(await (await http.request({ url: `${url}/two`, method: 'POST', body: 'b' })).text()).toBe('ok');
    expect(seen).toEqual(['POST /one', 'POST /two']);
    expect(http.stats()).toMatchObject({ retries: 0, exhausted: 0 });
  });
});

describe('redirects', () => {
  it('follows a redirect to another origin without the Authorization header, as a blob redirect to storage needs', async () => {
    const storage = await misbehavingServer((req, res) => {
      res.end(`storage saw authorization=${req.headers.authorization ?? 'none'}`);
    });
    const registry = await misbehavingServer((req, res) => {
      if (req.url === '/v2/app/blobs/sha256:1') {
        res.writeHead(307, { location: `${storage.url}/object?signature=abc` });
        res.end();
      } else if (req.url === '/v2/app/blobs/same') {
        res.writeHead(302, { location: '/v2/app/blobs/landed' });
        res.end();
      } else res.end(`registry saw authorization=${req.headers.authorization ?? 'none'}`);
    });
    const http = client(recordingClock());
    const headers = { authorization: 'Bearer registry-token' };
    const away = await http.request({ url: `${registry.url}/v2/app/blobs/sha256:1`, headers });
    expect(await away.text()).toBe('storage saw authorization=none');
    const same = await http.request({ url: `${registry.url}/v2/app/blobs/same`, headers });
    expect(await same.text()).toBe('registry saw authorization=Bearer registry-token');
  });

  it('turns 303 into GET, returns redirects as they are with manual, refuses them with error, and stops a loop', async () => {
    const { url } = await misbehavingServer((req, res) => {
      if (req.url === '/see-other') {
        res.writeHead(303, { location: '/result' });
        res.end();
      } else if (req.url === '/loop') {
        res.writeHead(302, { location: '/loop' });
        res.end();
      } else res.end(`${req.method} ${req.url}`);
    });
    const http = client(recordingClock());
    const posted = await http.request({
      url: `${url}/see-other`,
      method: 'POST',
      body: 'x',
      retrySafe: true,
    });
    expect(await posted.text()).toBe('GET /result');
    const manual = await http.request({ url: `${url}/see-other`, redirect: 'manual' });
    expect(manual.status).toBe(303);
    manual.discard();
    await expect(http.request({ url: `${url}/see-other`, redirect: 'error' })).rejects.toThrow(
      /redirect not allowed here/,
    );
    await expect(http.request({ url: `${url}/loop` })).rejects.toThrow(/after 20 hops/);
  });
});

describe('redirects: what is followed, resent and dropped', () => {
  /** A server that answers every request with what it received: method, path, headers and body. */
  async function echo(prefix = '') {
    const seen: {
      method: string;
      url: string;
      headers: IncomingMessage['headers'];
      body: string;
      port: number;
    }[] = [];
    const server = await misbehavingServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({
          method: req.method!,
          url: req.url!,
          headers: req.headers,
          body,
          port: req.socket.remotePort!,
        });
        res.setHeader('x-seen', `${req.method} ${req.url}`);
        res.end(`${prefix}${req.method} ${req.url} ${body}`);
      });
    });
    return { ...server, seen };
  }

  it('returns a Location without a redirect status (201 Created), and a redirect status without a Location, as they are', async () => {
    const target = await echo();
    const { url } = await misbehavingServer((req, res) => {
      if (req.url === '/created') res.writeHead(201, { location: `${target.url}/upload/1` });
      else res.writeHead(302);
      res.end('as is');
    });
    const http = client(recordingClock());
    const created = await http.request({ url: `${url}/created`, method: 'POST', body: 'x' });
    expect([created.status, created.headers.get('location'), await created.text()]).toEqual([
      201,
      `${target.url}/upload/1`,
      'as is',
    ]);
    const bare = await http.request({ url: `${url}/bare` });
    expect([bare.status, await bare.text()]).toEqual([302, 'as is']);
    expect(target.seen).toEqual([]);
  });

  it('follows at most 20 redirects: the server sees the request and 20 hops, no more', async () => {
    const { url, hits } = await misbehavingServer((_req, res) => {
      res.writeHead(307, { location: '/again' });
      res.end();
    });
    await expect(client(recordingClock()).request({ url: `${url}/loop` })).rejects.toThrow(/after 20 hops/);
    expect(hits()).toBe(21);
  });

  it('frees the connection of each redirect it follows: a chain of same-origin hops reuses kept-alive connections', async () => {
    const ports: number[] = [];
    const { url } = await misbehavingServer((req, res) => {
      ports.push(req.socket.remotePort!);
      const n = Number(req.url!.slice(1));
      if (n < 10) res.writeHead(302, { location: `/${n + 1}`, 'content-length': '5' }).end('moved');
      else res.end('landed');
    });
    expect(await (await client(recordingClock()).request({ url: `${url}/1` })).text()).toBe('landed');
    expect(ports).toHaveLength(10);
    // A redirect's unread body would hold its connection: then every hop would need a new one.
    expect(new Set(ports).size).toBeLessThan(10);
  });

  it('a 303 makes a GET without the body or its Content-* headers, keeping the rest; a HEAD stays a HEAD', async () => {
    const target = await echo();
    const { url } = await misbehavingServer((req, res) => {
      res.writeHead(req.url === '/see-other' ? 303 : 307, { location: `${target.url}${req.url}` });
      res.end();
    });
    const http = client(recordingClock());
    const headers = {
      'Content-Type': 'application/json',
      'content-encoding': 'identity',
      'x-content-note': 'kept',
      'x-trace': 'kept',
    };
    await http.request({ url: `${url}/see-other`, method: 'POST', headers, body: '{"a":1}' });
    const [get] = target.seen.splice(0);
    expect([get!.method, get!.body]).toEqual(['GET', '']);
    expect(get!.headers).not.toHaveProperty('content-type');
    expect(get!.headers).not.toHaveProperty('content-encoding');
    expect(get!.headers).not.toHaveProperty('content-length');
    expect(get!.headers).toMatchObject({ 'x-content-note': 'kept', 'x-trace': 'kept' });

    // 307 (and 301, 302, 308) keep the method, the body and every header.
    await http.request({ url: `${url}/temporary`, method: 'PUT', headers, body: '{"a":1}' });
    const [put] = target.seen.splice(0);
    expect([put!.method, put!.body]).toEqual(['PUT', '{"a":1}']);
    expect(put!.headers).toMatchObject({ 'content-type': 'application/json', 'x-content-note': 'kept' });

    const head = await http.request({ url: `${url}/see-other`, method: 'head' });
    expect(head.headers.get('x-seen')).toBe('HEAD /see-other');
  });

  it('resends a body given as a string or as bytes on a 307, refuses to resend a streamed one, and drops a streamed one for the GET a 303 makes', async () => {
    const target = await echo();
    const { url } = await misbehavingServer((req, res) => {
      res.writeHead(req.url === '/see-other' ? 303 : 307, { location: `${target.url}${req.url}` });
      res.end();
    });
    const http = client(recordingClock());
    const put = (path: string, body: RequestBody) =>
      http.request({ url: `${url}${path}`, method: 'PUT', body });
    expect(await (await put('/string', 'text')).text()).toBe('PUT /string text');
    expect(await (await put('/bytes', new TextEncoder().encode('bytes'))).text()).toBe('PUT /bytes bytes');
    const streamed = put('/stream', Readable.from([Buffer.from('once')]));
    await expect(streamed).rejects.toThrow(NetworkError);
    await expect(streamed).rejects.toThrow(/HTTP 307 redirect of a streamed body/);
    expect(target.seen.map((s) => s.url)).toEqual(['/string', '/bytes']);
    expect(await (await put('/see-other', Readable.from([Buffer.from('once')]))).text()).toBe(
      'GET /see-other ',
    );
  });

  it('follows a redirect to another origin for a request whose body would be sensitive but that has none', async () => {
    const target = await echo();
    const { url } = await misbehavingServer((_req, res) => {
      res.writeHead(307, { location: `${target.url}/landed` });
      res.end();
    });
    const response = await client(recordingClock()).request({ url: `${url}/a`, sensitive: { body: true } });
    expect(await response.text()).toBe('GET /landed ');
  });

  it('a redirected GET, and the GET a 303 makes of a POST, are still retried on a 503', async () => {
    let flaky = 0;
    const target = await misbehavingServer((req, res) => {
      flaky += 1;
      if (flaky % 2 === 1) res.writeHead(503).end('busy');
      else res.end(`${req.method} ${req.url}`);
    });
    const { url } = await misbehavingServer((req, res) => {
      res.writeHead(req.url === '/see-other' ? 303 : 307, { location: `${target.url}${req.url}` });
      res.end();
    });
    const http = client(recordingClock());
    expect(await (await http.request({ url: `${url}/get` })).text()).toBe('GET /get');
    const posted = await http.request({ url: `${url}/see-other`, method: 'POST', body: 'x' });
    expect(await posted.text()).toBe('GET /see-other');
    expect(http.stats().retries).toBe(2);
  });

  it('leaves no deadline timer behind once the body is read, nor after a refused redirect', async () => {
    const target = await echo();
    const { url } = await misbehavingServer((req, res) => {
      if (req.url === '/go') res.writeHead(302, { location: `${target.url}/landed` });
      res.end('direct');
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const http = client(recordingClock());
      expect(await (await http.request({ url: `${url}/direct` })).text()).toBe('direct');
      expect(await (await http.request({ url: `${url}/go` })).text()).toBe('GET /landed ');
      await expect(http.request({ url: `${url}/go`, redirect: 'error' })).rejects.toThrow(/not allowed/);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive failures and stops calling the host', async () => {
    const { url, hits } = await misbehavingServer((_req, res) => res.writeHead(500).end());
    const clock = recordingClock();
    const http = client(clock, { retries: 0, breakerThreshold: 3, breakerCooldownMs: 30_000 });
    for (let i = 0; i < 3; i++) expect((await http.request({ url })).status).toBe(500);
    await expect(http.request({ url })).rejects.toBeInstanceOf(CircuitOpenError);
    expect(hits()).toBe(3);
    expect(http.stats().breakerTrips).toBe(1);
    expect(http.breakerState(new URL(url).host)).toBe('open');
  });

  it('half-opens after the cooldown: a failing probe reopens, a good probe closes', async () => {
    let healthy = false;
    const { url, hits } = await misbehavingServer((_req, res) =>
      healthy ? res.end('ok') : res.writeHead(503).end(),
    );
    const clock = recordingClock();
    const http = client(clock, { retries: 0, breakerThreshold: 2, breakerCooldownMs: 10_000 });
    const host = new URL(url).host;
    await http.request({ url });
    await http.request({ url });
    expect(http.breakerState(host)).toBe('open');

    clock.advance(10_000);
    expect((await http.request({ url })).status).toBe(503); // the probe
    expect(http.breakerState(host)).toBe('open');
    expect(http.stats().breakerTrips).toBe(2);
    await expect(http.request({ url })).rejects.toBeInstanceOf(CircuitOpenError);

    clock.advance(10_000);
    healthy = true;
    expect((await http.request({ url })).status).toBe(200);
    expect(http.breakerState(host)).toBe('closed');
    expect(hits()).toBe(4);
  });

  it('stops retrying a request as soon as the breaker opens under it', async () => {
    const { url, hits } = await misbehavingServer((_req, res) => res.writeHead(503).end());
    const http = client(recordingClock(), { retries: 10, breakerThreshold: 3 });
    expect((await http.request({ url })).status).toBe(503);
    expect(hits()).toBe(3);
  });

  it('keeps hosts apart', async () => {
    const bad = await misbehavingServer((_req, res) => res.writeHead(500).end());
    const good = await misbehavingServer((_req, res) => res.end('fine'));
    const http = client(recordingClock(), { retries: 0, breakerThreshold: 1 });
    await http.request({ url: bad.url });
    await expect(http.request({ url: bad.url })).rejects.toBeInstanceOf(CircuitOpenError);
    expect(await (await http.request({ url: good.url })).text()).toBe('fine');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and dates and ignores garbage', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe('sensitive requests (issue 13.4)', () => {
  /** A server on another port that records every header and body reaching it. */
  async function elsewhere() {
    const seen: { headers: IncomingMessage['headers']; body: string }[] = [];
    const target = await misbehavingServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        res.end('elsewhere');
      });
    });
    return { ...target, seen };
  }

  it('drops every sensitive header on a redirect to another origin: the defaults and those the caller marks', async () => {
    const target = await elsewhere();
    const origin = await misbehavingServer((_req, res) => {
      res.writeHead(307, { location: `${target.url}/landed` });
      res.end();
    });
    const response = await client(recordingClock()).request({
      url: `${origin.url}/start`,
      headers: {
        Authorization: 'Bearer a',
        'X-Vault-Token': 'hvs.b',
        cookie: 'c=1',
        'proxy-authorization': 'Basic d',
        'x-api-key': 'e',
        'x-trace': 'kept',
      },
      sensitive: { headers: ['X-Api-Key'] },
    });
    expect(await response.text()).toBe('elsewhere');
    const [seen] = target.seen;
    for (const name of ['authorization', 'x-vault-token', 'cookie', 'proxy-authorization', 'x-api-key'])
      expect(seen!.headers[name]).toBeUndefined();
    expect(seen!.headers['x-trace']).toBe('kept');
  });

  it('never resends a sensitive body to another origin (307 and 308), but does within the origin', async () => {
    const target = await elsewhere();
    const origin = await misbehavingServer((req, res) => {
      if (req.url === '/same') {
        res.writeHead(307, { location: '/landed' });
        res.end();
      } else if (req.url === '/landed') {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => res.end(`landed with ${body}`));
      } else {
        res.writeHead(req.url === '/away308' ? 308 : 307, { location: `${target.url}/login` });
        res.end();
      }
    });
    const http = client(recordingClock());
    const login = (path: string) =>
      http.request({
        url: `${origin.url}${path}`,
        method: 'POST',
        body: '{"secret_id":"s3cret"}',
        retrySafe: true,
        sensitive: { body: true },
      });
    await expect(login('/away')).rejects.toThrow(/refused: it would resend a body that carries credentials/);
    await expect(login('/away308')).rejects.toThrow(RedirectRefusedError);
    expect(target.seen).toEqual([]);
    expect(await (await login('/same')).text()).toBe('landed with {"secret_id":"s3cret"}');
  });

  it("'same-origin' refuses any redirect to another origin and sends nothing there", async () => {
    const target = await elsewhere();
    const origin = await misbehavingServer((_req, res) => {
      res.writeHead(302, { location: `${target.url}/x` });
      res.end();
    });
    await expect(
      client(recordingClock()).request({ url: `${origin.url}/a`, redirect: 'same-origin' }),
    ).rejects.toThrow(/stays on its own origin/);
    expect(target.seen).toEqual([]);
  });

  it('refuses a redirect from https to plain http for every request, and one to a scheme other than http(s)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-net-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'k.pem',
        '-out',
        'c.pem',
        '-days',
        '1',
        '-subj',
        '/CN=t',
      ],
      { cwd: dir, stdio: 'pipe', input: '' },
    );
    const target = await elsewhere();
    const tls = createHttpsServer(
      { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) },
      (req, res) => {
        if (req.url === '/landed') return void res.end(`landed over https with ${req.method}`);
        if (req.url === '/hop') res.writeHead(308, { location: '/landed' });
        else
          res.writeHead(301, {
            location: req.url === '/file' ? 'file:///etc/passwd' : `${target.url}/plain`,
          });
        res.end();
      },
    );
    tls.listen(0, '127.0.0.1');
    await once(tls, 'listening');
    try {
      const http = client(recordingClock(), { tls: { rejectUnauthorized: false } });
      const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
      await expect(http.request({ url: `${url}/public` })).rejects.toThrow(/leaves https for plain http/);
      await expect(http.request({ url: `${url}/file` })).rejects.toThrow(/file: is not http/);
      expect(target.seen).toEqual([]);
      // A redirect that stays on https is followed.
      expect(await (await http.request({ url: `${url}/hop`, method: 'PUT', body: 'b' })).text()).toBe(
        'landed over https with PUT',
      );
    } finally {
      tls.closeAllConnections();
      tls.close();
    }
  });
});

describe('stalled bodies and deadlines (issue 13.6)', () => {
  it('cuts a body that stalls after its headers once the timeout passes without a byte', async () => {
    const { url } = await misbehavingServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
    });
    const http = client(recordingClock(), { timeoutMs: 200, retries: 0 });
    const response = await http.request({ url: `${url}/stall?token=x` });
    const error = await response.text().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpTimeoutError);
    expect((error as Error).message).toMatch(/\/stall: the body stalled/);
    expect((error as Error).message).not.toContain('token=x');
  });

  it('does not cut a body whose reader is the slow one (data waiting in the buffer)', async () => {
    const chunk = 'x'.repeat(256 * 1024);
    const { url } = await misbehavingServer((_req, res) => {
      res.writeHead(200);
      res.end(chunk.repeat(8));
    });
    const http = client(recordingClock(), { timeoutMs: 250, retries: 0 });
    const response = await http.request({ url });
    // The reader waits well past the timeout before it starts reading.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await response.bytes()).byteLength).toBe(chunk.length * 8);
  });

  it('ends a request that trickles forever at its overall deadline, naming the URL', async () => {
    const { url } = await misbehavingServer((_req, res) => {
      res.writeHead(200, { 'content-length': '1000000' });
      const timer = setInterval(() => res.write('.'), 20);
      res.on('close', () => clearInterval(timer));
    });
    const http = client(recordingClock(), { timeoutMs: 1000, retries: 0, deadlineMs: 300 });
    const response = await http.request({ url: `${url}/trickle` });
    await expect(response.text()).rejects.toThrow(
      /\/trickle: no complete answer within the deadline of 300 ms/,
    );
  });

  it('the deadline also ends the wait for headers and retries', async () => {
    const { url } = await misbehavingServer(() => undefined);
    const http = new HttpClient({ timeoutMs: 10_000, retries: 5, deadlineMs: 200 });
    await expect(http.request({ url: `${url}/silent` })).rejects.toThrow(/deadline of 200 ms/);
  });
});
