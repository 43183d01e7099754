// Preload for bench/_promote-trace.ts: logs each node:http request (start, duration, method, path, status).
import http from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
const t0 = performance.now();
const orig = http.request;
let n = 0;
http.request = function (url, opts, cb) {
  const id = ++n;
  const s = performance.now();
  const req = orig.call(this, url, opts, cb);
  req.once('response', (res) => {
    const u = new URL(url);
    process.stderr.write(
      `[${id}] ${(s - t0).toFixed(1)} +${(performance.now() - s).toFixed(1)}ms ${opts?.method ?? 'GET'} ${u.pathname.replace(/sha256[:-]([0-9a-f]{8})[0-9a-f]+/g, 'sha256:$1')}${u.search.slice(0, 30)} ${res.statusCode}\n`,
    );
  });
  return req;
};
syncBuiltinESMExports();
process.on('exit', () =>
  process.stderr.write(
    `exit at ${(performance.now() - t0).toFixed(1)} ms; process uptime ${(process.uptime() * 1000).toFixed(1)}\n`,
  ),
);
