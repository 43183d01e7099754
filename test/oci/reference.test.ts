import { describe, expect, it } from 'vitest';
import {
  apiHost,
  formatReference,
  InvalidReferenceError,
  isLoopback,
  parseReference,
  RegistryClient,
} from '../../src/oci/index.js';
import { HttpClient } from '../../src/net/index.js';

const D = `sha256:${'a'.repeat(64)}`;

describe('parseReference', () => {
  it.each([
    ['alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['alpine:3.20', { registry: 'docker.io', repository: 'library/alpine', tag: '3.20' }],
    ['acme/app', { registry: 'docker.io', repository: 'acme/app' }],
    ['index.docker.io/acme/app:1', { registry: 'docker.io', repository: 'acme/app', tag: '1' }],
    ['docker.io/alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['ghcr.io/acme/team/app:v1.2.3', { registry: 'ghcr.io', repository: 'acme/team/app', tag: 'v1.2.3' }],
    [`localhost:5000/app@${D}`, { registry: 'localhost:5000', repository: 'app', digest: D }],
    [`127.0.0.1:5000/a/b:t@${D}`, { registry: '127.0.0.1:5000', repository: 'a/b', tag: 't', digest: D }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    [
      'reg.example.com/my_app/sub-name/x__y:latest',
      { registry: 'reg.example.com', repository: 'my_app/sub-name/x__y', tag: 'latest' },
    ],
  ])('%s', (text, expected) => {
    expect(parseReference(text)).toEqual({ kind: 'registry', ...expected });
  });

  it.each([
    ['', 'empty'],
    ['Alpine', 'lowercase'],
    ['ghcr.io/acme/App:1', 'lowercase'],
    ['ghcr.io/acme/app:-bad', 'not a valid tag'],
    ['ghcr.io/acme/app@sha256:abc', 'not a digest'],
    ['ghcr.io/acme/app@md5:0123', 'not a digest'],
    ['ghcr.io//app', 'repository component'],
    ['ghcr.io/acme/app:1 2', 'whitespace'],
    ['oci-layout:', 'no directory'],
    [`reg.example.com/${'a'.repeat(260)}`, 'longer than 255'],
  ])('rejects %j (%s)', (text, reason) => {
    expect(() => parseReference(text)).toThrow(InvalidReferenceError);
    expect(() => parseReference(text)).toThrow(reason);
  });

  it('parses OCI layout references with a tag, a digest, or neither', () => {
    expect(parseReference('oci-layout:./out')).toEqual({ kind: 'layout', dir: './out' });
    expect(parseReference('oci-layout:/tmp/build/img:v1')).toEqual({
      kind: 'layout',
      dir: '/tmp/build/img',
      tag: 'v1',
    });
    expect(parseReference(`oci-layout:/tmp/x@${D}`)).toEqual({ kind: 'layout', dir: '/tmp/x', digest: D });
    expect(parseReference('oci-layout:C:/dir/with:colon/img')).toEqual({
      kind: 'layout',
      dir: 'C:/dir/with:colon/img',
    });
  });

  it('formats references back to text', () => {
    for (const text of [
      'docker.io/library/alpine:3',
      `ghcr.io/a/b@${D}`,
      'oci-layout:/x:t',
      `127.0.0.1:5000/a:t@${D}`,
    ]) {
      expect(formatReference(parseReference(text))).toBe(text);
    }
  });

  it('maps Docker Hub to its API host and speaks plain HTTP only to loopback or listed registries', () => {
    expect(apiHost('docker.io')).toBe('registry-1.docker.io');
    expect(['localhost:5000', '127.0.0.1:1', '[::1]:5000', 'localhost'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1:5000', 'ghcr.io', 'localhost.example.com'].some(isLoopback)).toBe(false);
    const client = new RegistryClient({ http: new HttpClient(), insecureRegistries: ['10.0.0.5:5000'] });
    expect(client.baseUrl('ghcr.io')).toBe('https://ghcr.io');
    expect(client.baseUrl('10.0.0.6:5000')).toBe('https://10.0.0.6:5000');
    expect(client.baseUrl('10.0.0.5:5000')).toBe('http://10.0.0.5:5000');
    expect(client.baseUrl('127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
  });
});
