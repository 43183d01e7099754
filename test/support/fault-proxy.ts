/**
 * A fault-injecting reverse proxy for a registry: clients talk to the proxy as if it were the
 * registry (the Host header is passed through, so the registry's Location headers point back at
 * the proxy). Rules pick requests and inject 503s, 429 with Retry-After, connections reset before
 * the response or in the middle of its body, and slow responses. Either explicit rules (with a count)
 * or a seeded random mix, so a failing run can be replayed.
 */
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'reset' }
  | { kind: 'reset-mid-body' }
  | { kind: 'delay'; ms: number }
  /** The request reaches the registry (a PUT is stored), but the client gets this status: an unknown outcome. */
  | { kind: 'forward-then-status'; status: number }
  /** The request reaches the registry; `meanwhile` runs before its answer goes back (another writer, say). */
  | { kind: 'forward-then'; meanwhile: () => Promise<void> }
  /** Not a fault: `first` runs (another writer acts), then the request goes to the registry. */
  | { kind: 'before'; first: () => Promise<void> }
  /**
   * Not a fault: serves a tag listing in pages of at most pageSize (sorted, `last`/`n`, a Link
   * header to the next page), as GHCR or Docker Hub do and registry 2.8 does not. Combine with an
   * earlier rule on `query: /last=/` to break a listing off after its first page.
   */
  | { kind: 'paginate'; pageSize: number };

export interface FaultRule {
  method?: string;
  /** Matched against the path (without query). */
  path?: RegExp;
  /** Matched against the query string with its '?' (e.g. a later page of a listing: /last=/). */
  query?: RegExp;
  fault: Fault;
  /** How many matching requests get the fault (default: all). */
  times?: number;
}

export interface RandomFaults {
  /** Probability that a request gets a fault. */
  rate: number;
  seed: number;
  faults: Fault[];
  /** Requests that never get a fault (e.g. the token service is elsewhere anyway). */
  spare?: (method: string, path: string) => boolean;
}

export interface FaultProxy {
  url: string;
  host: string;
  rules: FaultRule[];
  random?: RandomFaults;
  /** Faults injected so far, by kind. */
  injected: Record<string, number>;
  requests: number;
  /** Requests being answered right now, and the most there ever were at once. */
  inFlight: number;
  peakInFlight: number;
  stop(): Promise<void>;
}

/** mulberry32: small, seeded, good enough to pick faults reproducibly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultProxy(
  target: string,
  options: { rules?: FaultRule[]; random?: RandomFaults } = {},
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const proxy: FaultProxy = {
    url: '',
    host: '',
    rules: options.rules ?? [],
    random: options.random,
    injected: {},
    requests: 0,
    inFlight: 0,
    peakInFlight: 0,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  let random = options.random ? seeded(options.random.seed) : undefined;
  let randomSeed = options.random?.seed;

  const pick = (req: IncomingMessage): Fault | undefined => {
    const method = req.method ?? 'GET';
    const { pathname: path, search } = new URL(req.url ?? '/', 'http://proxy');
    for (const rule of proxy.rules) {
      if (rule.method && rule.method !== method) continue;
      if (rule.path && !rule.path.test(path)) continue;
      if (rule.query && !rule.query.test(search)) continue;
      if (rule.times !== undefined) {
        if (rule.times <= 0) continue;
        rule.times -= 1;
      }
      return rule.fault;
    }
    const mix = proxy.random;
    if (!mix) return undefined;
    if (mix.seed !== randomSeed) {
      random = seeded(mix.seed);
      randomSeed = mix.seed;
    }
    if (mix.spare?.(method, path)) return undefined;
    const roll = random!();
    if (roll >= mix.rate) return undefined;
    return mix.faults[Math.floor((roll / mix.rate) * mix.faults.length)];
  };

  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    cutBody: boolean,
    after?: (answer: IncomingMessage) => Promise<void> | void,
  ) => {
    const out = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      async (answer) => {
        if (after) {
          answer.resume();
          await new Promise((resolve) => answer.on('end', resolve));
          await after(answer);
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!cutBody) {
          answer.pipe(res);
          return;
        }
        const half = Math.max(1, Math.floor(Number(answer.headers['content-length'] ?? 2) / 2));
        let sent = 0;
        answer.on('data', (chunk: Buffer) => {
          if (sent >= half) return;
          const part = chunk.subarray(0, half - sent);
          res.write(part);
          sent += part.length;
          if (sent >= half) {
            answer.destroy();
            res.socket?.destroy();
          }
        });
        answer.on('end', () => res.socket?.destroy());
      },
    );
    out.on('error', () => res.socket?.destroy());
    req.pipe(out);
  };

  const paginate = (req: IncomingMessage, res: ServerResponse, pageSize: number) => {
    const asked = new URL(req.url ?? '/', 'http://proxy');
    const out = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: 'GET',
        path: asked.pathname,
        headers: req.headers,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          if (answer.statusCode !== 200) {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(chunks));
            return;
          }
          const body = JSON.parse(Buffer.concat(chunks).toString()) as {
            name: string;
            tags: string[] | null;
          };
          const last = asked.searchParams.get('last');
          const n = Math.min(pageSize, Number(asked.searchParams.get('n') ?? pageSize));
          const all = [...(body.tags ?? [])].sort().filter((t) => last === null || t > last);
          const page = all.slice(0, n);
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (all.length > n)
            headers.link = `<${asked.pathname}?n=${n}&last=${encodeURIComponent(page.at(-1)!)}>; rel="next"`;
          res.writeHead(200, headers);
          res.end(JSON.stringify({ name: body.name, tags: page }));
        });
      },
    );
    out.on('error', () => res.socket?.destroy());
    out.end();
    req.resume();
  };

  const server = createServer((req, res) => {
    proxy.requests += 1;
    proxy.inFlight += 1;
    proxy.peakInFlight = Math.max(proxy.peakInFlight, proxy.inFlight);
    res.on('close', () => {
      proxy.inFlight -= 1;
    });
    const fault = pick(req);
    if (!fault) return forward(req, res, false);
    const name =
      fault.kind === 'status'
        ? String(fault.status)
        : fault.kind === 'forward-then-status'
          ? `forwarded-${fault.status}`
          : fault.kind;
    proxy.injected[name] = (proxy.injected[name] ?? 0) + 1;
    switch (fault.kind) {
      case 'status': {
        req.resume();
        const code = fault.status === 429 ? 'TOOMANYREQUESTS' : 'UNAVAILABLE';
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
        req.on('end', () => {
          res.writeHead(fault.status, headers);
          res.end(JSON.stringify({ errors: [{ code, message: 'injected by the fault proxy' }] }));
        });
        return;
      }
      case 'reset':
        req.socket.destroy();
        return;
      case 'reset-mid-body':
        // Only a response with a body can be cut in the middle; others are reset outright.
        if (req.method === 'GET') return forward(req, res, true);
        req.socket.destroy();
        return;
      case 'delay':
        setTimeout(() => forward(req, res, false), fault.ms);
        return;
      case 'forward-then-status':
        return forward(req, res, false, () => {
          res.writeHead(fault.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ code: 'UNKNOWN', message: 'injected after forwarding' }] }));
        });
      case 'forward-then':
        return forward(req, res, false, async (answer) => {
          await fault.meanwhile();
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end();
        });
      case 'paginate':
        return paginate(req, res, fault.pageSize);
      case 'before':
        req.pause();
        void fault.first().then(
          () => forward(req, res, false),
          () => res.socket?.destroy(),
        );
        return;
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  proxy.url = `http://127.0.0.1:${port}`;
  proxy.host = `127.0.0.1:${port}`;
  return proxy;
}
