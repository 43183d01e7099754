// Every HTTP path honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY by default, through a real forward proxy
// (Debian's tinyproxy) on loopback: ctx.http() (src/net: OCI registries, Vault) and the GitHub client
// (Octokit over src/net). tinyproxy stamps `Via` on what it forwards, so the server tells proxied
// requests from direct ones.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { githubClient } from '../../src/github/client.js';
import { HttpClient } from '../../src/net/http.js';
import { ActionsRuntime } from '../../src/runtime/actions-runtime.js';
import { type ActionContext, runStep } from '../../src/runtime/step.js';
import { type ForwardProxy, startForwardProxy } from '../support/forward-proxy.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';

let proxy: ForwardProxy;
let refusing: ForwardProxy;
let github: GitHubApi;
const seen: IncomingHttpHeaders[] = [];
const target = createServer((req, res) => {
  seen.push(req.headers);
  res.end('ok');
});
let targetUrl = '';

beforeAll(async () => {
  [proxy, refusing, github] = await Promise.all([
    startForwardProxy(),
    startForwardProxy({ refuse: true }),
    startGitHubApi(),
  ]);
  github.addPull('acme/service', { number: 1, files: [{ filename: 'a.ts', status: 'added' }] });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/v2/`;
});
afterAll(async () => {
  await Promise.all([proxy.stop(), refusing.stop(), github.close()]);
  target.close();
});

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'])
    if (name in saved) process.env[name] = saved[name];
    else delete process.env[name];
  seen.length = 0;
});

/** One step under the runner's runtime, with the given proxy variables in its environment. */
async function inStep<T>(env: Record<string, string>, fn: (ctx: ActionContext) => Promise<T>): Promise<T> {
  Object.assign(process.env, env);
  let result: T | undefined;
  let failure: unknown;
  const ok = await runStep(
    'proxy-test',
    'main',
    async (ctx) => {
      try {
        result = await fn(ctx);
      } catch (error) {
        failure = error;
      }
    },
    { runtime: new ActionsRuntime() },
  );
  if (!ok || failure) throw failure ?? new Error('step failed');
  return result as T;
}

describe('ctx.http(): proxies by default', () => {
  it('goes through HTTP_PROXY given in the step environment, without being told to', async () => {
    const status = await inStep({ HTTP_PROXY: proxy.url }, async (ctx) => {
      const response = await ctx.http().request({ url: targetUrl });
      await response.text();
      return response.status;
    });
    expect(status).toBe(200);
    expect(seen.map((h) => h.via)).toEqual([expect.stringContaining(proxy.via)]);
    expect(proxy.log()).toContain(`GET ${targetUrl}`);
  });

  it('reads the lower-case spellings too, and goes direct to hosts NO_PROXY names', async () => {
    await inStep({ http_proxy: proxy.url, no_proxy: 'registry.example,127.0.0.1' }, async (ctx) => {
      await (await ctx.http().request({ url: targetUrl })).text();
    });
    expect(seen.map((h) => h.via)).toEqual([undefined]);
    await inStep({ http_proxy: proxy.url, no_proxy: 'registry.example' }, async (ctx) => {
      await (await ctx.http().request({ url: targetUrl })).text();
    });
    expect(seen.map((h) => h.via)).toEqual([undefined, expect.stringContaining(proxy.via)]);
  });

  it("returns a refusing proxy's answer as the proxy's (its 403 page, never the target's)", async () => {
    const refused = await inStep({ HTTP_PROXY: refusing.url }, async (ctx) => {
      const response = await ctx.http({ retries: 0 }).request({ url: targetUrl });
      return { status: response.status, body: await response.text() };
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('Filtered');
    expect(seen).toEqual([]);
  });
});

describe('the GitHub client: proxies through src/net', () => {
  const client = (proxyEnv: Record<string, string>) =>
    githubClient({
      token: 'ghs_test-token',
      context: { apiUrl: github.url, payload: {} },
      http: new HttpClient({ proxyEnv, retries: 0 }),
    });

  it('sends every REST call through the proxy, and none when NO_PROXY names the API host', async () => {
    let before = github.requests.length;
    const octokit = await client({ HTTP_PROXY: proxy.url });
    const files = await octokit.rest.pulls.listFiles({ owner: 'acme', repo: 'service', pull_number: 1 });
    expect(files.data.map((f) => f.filename)).toEqual(['a.ts']);
    expect(github.requests.slice(before).map((r) => r.headers.via)).toEqual([
      expect.stringContaining(proxy.via),
    ]);

    before = github.requests.length;
    const direct = await client({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    await direct.rest.pulls.listFiles({ owner: 'acme', repo: 'service', pull_number: 1 });
    expect(github.requests.slice(before).map((r) => r.headers.via)).toEqual([undefined]);
  });
});
