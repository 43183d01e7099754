/**
 * A registry reached over https names its own token service in its 401 challenge. Whatever it
 * names, credentials go only over https (or plain http where the registry itself may be reached
 * that way): an attacker who controls the challenge must not get them sent in clear.
 */
import { describe, expect, it } from 'vitest';
import { HttpClient, type HttpRequest } from '../../src/net/index.js';
import { RegistryAuthError, RegistryClient } from '../../src/oci/index.js';

/** An HttpClient that answers from a script and records every request it was asked to send. */
class ScriptedHttp extends HttpClient {
  readonly sent: { url: string; authorization?: string }[] = [];
  constructor(private readonly realm: string) {
    super({ retries: 0 });
  }
  override async request(req: HttpRequest) {
    const url = String(req.url);
    this.sent.push({ url, authorization: req.headers?.authorization });
    const challenge = `Bearer realm="${this.realm}",service="registry.example.test"`;
    const body = url.startsWith(this.realm) ? JSON.stringify({ token: 'issued-token' }) : '';
    const status = url.startsWith(this.realm) || req.headers?.authorization?.startsWith('Bearer') ? 200 : 401;
    const headers = new Headers(status === 401 ? { 'www-authenticate': challenge } : {});
    return {
      status,
      ok: status < 300,
      headers,
      url,
      discard() {},
      async json() {
        return JSON.parse(body || '{}');
      },
      async text() {
        return body;
      },
    } as unknown as Awaited<ReturnType<HttpClient['request']>>;
  }
}

const credentials = () => ({ username: 'alice', password: 'alice-secret' });

describe('token realm named by an https registry', () => {
  for (const realm of [
    'http://auth.example.test/token',
    'http://registry.example.test/token',
    'ftp://auth.example.test/token',
    'file:///etc/passwd',
  ]) {
    it(`refuses to send credentials to ${realm}, and says why`, async () => {
      const http = new ScriptedHttp(realm);
      const client = new RegistryClient({ http, credentials });
      const failure = await client
        .repository('registry.example.test', 'team/app')
        .tags()
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RegistryAuthError);
      expect(String((failure as Error).message)).toMatch(/is not https: credentials are never sent there/);
      expect(http.sent.every((r) => r.url.startsWith('https://registry.example.test/'))).toBe(true);
      expect(http.sent.some((r) => r.authorization?.startsWith('Basic'))).toBe(false);
    });
  }

  it('an https realm on another host gets the credentials (registries use separate token services)', async () => {
    const http = new ScriptedHttp('https://auth.example.test/token');
    const client = new RegistryClient({ http, credentials });
    await client
      .repository('registry.example.test', 'team/app')
      .tags()
      .catch(() => undefined);
    const tokenRequest = http.sent.find((r) => r.url.startsWith('https://auth.example.test/token'));
    expect(tokenRequest?.authorization).toBe(`Basic ${Buffer.from('alice:alice-secret').toString('base64')}`);
  });

  it('plain http is allowed where the registry is listed as insecure', async () => {
    const http = new ScriptedHttp('http://auth.example.test/token');
    const client = new RegistryClient({ http, credentials, insecureRegistries: ['auth.example.test'] });
    await client
      .repository('registry.example.test', 'team/app')
      .tags()
      .catch(() => undefined);
    expect(http.sent.some((r) => r.url.startsWith('http://auth.example.test/token'))).toBe(true);
  });
});
