import { describe, expect, it } from 'vitest';
import {
  apiHost,
  formatReference,
  InvalidReferenceError,
  isLoopback,
  isValidTag,
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

describe('parseReference: each rule at its edge', () => {
  const registryOf = (text: string) => parseReference(text) as { registry: string; repository: string };

  it('trims the text around a reference', () => {
    expect(parseReference('  ghcr.io/acme/app:1\n')).toEqual({
      kind: 'registry',
      registry: 'ghcr.io',
      repository: 'acme/app',
      tag: '1',
    });
  });

  it('a single name is a Docker Hub repository, even one that looks like a host', () => {
    for (const name of ['localhost', 'example.com'])
      expect(parseReference(name)).toEqual({
        kind: 'registry',
        registry: 'docker.io',
        repository: `library/${name}`,
      });
  });

  it('accepts registry hosts: one-letter labels, IPv6 in brackets, ports up to 65535, Docker Hub under its API name', () => {
    expect(registryOf('r.io/app').registry).toBe('r.io');
    expect(registryOf('[::1]:5000/app').registry).toBe('[::1]:5000');
    expect(registryOf('[fe80::1]/app').registry).toBe('[fe80::1]');
    expect(registryOf('localhost:65535/app').registry).toBe('localhost:65535');
    expect(registryOf('registry-1.docker.io/acme/app')).toEqual({
      kind: 'registry',
      registry: 'docker.io',
      repository: 'acme/app',
    });
    expect(registryOf('registry-1.docker.io/alpine').repository).toBe('library/alpine');
  });

  it.each([
    ['bad_host.io/app'],
    ['my.registry-/app'],
    ['-my.registry/app'],
    ['localhost:65536/app'],
    ['localhost:99999/app'],
    ['[::1]:70000/app'],
    ['bad_host.io:99999999/app'],
    ['[zz]/app'],
  ])('refuses the registry host of %j, naming it', (text) => {
    const host = text.slice(0, text.indexOf('/'));
    expect(() => parseReference(text)).toThrow(`'${host}' is not a valid registry host`);
  });

  it('repository components: separators only between lowercase letters and digits, runs of dashes allowed', () => {
    expect(registryOf('acme/a--b__c.d_e').repository).toBe('acme/a--b__c.d_e');
    for (const text of ['ghcr.io/acme/aPP', 'acme/app-', 'acme/app.', 'acme/a___b'])
      expect(() => parseReference(text), text).toThrow('repository component');
  });

  it('tags: up to 128 characters of letters, digits, _ . -, not starting with . or -', () => {
    const long = `a${'b'.repeat(127)}`;
    expect(parseReference(`acme/app:${long}`)).toMatchObject({ tag: long });
    expect(parseReference('acme/app:_V1.x-y')).toMatchObject({ tag: '_V1.x-y' });
    for (const tag of [`${long}c`, 'v1!', '.v1'])
      expect(() => parseReference(`acme/app:${tag}`), tag).toThrow('is not a valid tag');
    expect(isValidTag('v1.2')).toBe(true);
    expect(isValidTag('-v1')).toBe(false);
    expect(isValidTag('')).toBe(false);
  });

  it('the whole name is at most 255 characters, registry and slash included', () => {
    const registry = 'reg.example.com';
    const fits = `${registry}/${'a'.repeat(255 - registry.length - 1)}`;
    expect(registryOf(fits).repository).toHaveLength(239);
    expect(() => parseReference(`${fits}a`)).toThrow('longer than 255 characters');
  });

  it('the error is an InvalidReferenceError quoting at most 120 characters of what was given', () => {
    const given = `Acme/${'x'.repeat(5000)}`;
    const error = (() => {
      try {
        parseReference(given);
      } catch (e) {
        return e as InvalidReferenceError;
      }
    })();
    expect(error).toBeInstanceOf(InvalidReferenceError);
    expect(error!.name).toBe('InvalidReferenceError');
    expect(error!.given).toBe(given);
    expect(error!.message).toContain(JSON.stringify(given.slice(0, 120)));
    expect(error!.message.length).toBeLessThan(400);
  });
});

describe('parseReference: OCI layouts', () => {
  it('a digest only after the last @ and only when it names an algorithm; otherwise @ belongs to the directory', () => {
    expect(parseReference(`oci-layout:x@${D}`)).toEqual({ kind: 'layout', dir: 'x', digest: D });
    expect(parseReference('oci-layout:/builds/run@2/img')).toEqual({
      kind: 'layout',
      dir: '/builds/run@2/img',
    });
    expect(parseReference('oci-layout:/out@copy-of-sha256:v1')).toEqual({
      kind: 'layout',
      dir: '/out@copy-of-sha256',
      tag: 'v1',
    });
    // No @: a directory named sha256 with a tag.
    expect(parseReference('oci-layout:sha256:v1')).toEqual({ kind: 'layout', dir: 'sha256', tag: 'v1' });
  });

  it('a tag after the last colon, also after a directory ending in /', () => {
    expect(parseReference('oci-layout:out/:v1')).toEqual({ kind: 'layout', dir: 'out/', tag: 'v1' });
  });

  it.each([
    [`oci-layout:/x@sha256:abc`, 'is not a digest'],
    [`oci-layout:/x@sha512:${'a'.repeat(64)}`, 'is not a digest'],
    ['oci-layout:/x:-bad', 'is not a valid tag'],
    ['oci-layout::v1', 'no directory after oci-layout:'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(() => parseReference(text)).toThrow(InvalidReferenceError);
    expect(() => parseReference(text)).toThrow(reason);
  });
});

describe('isLoopback', () => {
  it('only localhost, [::1] and 127.0.0.0/8, with or without a port', () => {
    for (const registry of ['127.100.200.254:5000', '127.0.0.1', '[::1]', 'localhost:1'])
      expect(isLoopback(registry), registry).toBe(true);
    for (const registry of [
      '127.0.0.1.nip.io',
      '127.0.0.1.nip.io:5000',
      '1127.0.0.1',
      '10.127.0.0.1',
      '127.0.0',
      'localhost.example.com',
      'mylocalhost',
      '[::2]:5000',
    ])
      expect(isLoopback(registry), registry).toBe(false);
  });
});
