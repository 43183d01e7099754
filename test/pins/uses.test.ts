// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile ARGs and GitHub expressions are the test data
import { describe, expect, it } from 'vitest';
import { baseImages } from '../../src/pins/dockerfile.js';
import { isMutable, parseUses } from '../../src/pins/uses.js';

const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';

describe('parseUses', () => {
  it.each([
    [`actions/checkout@${SHA}`, ' v4.2.2', 'sha+comment', false],
    [`actions/checkout@${SHA}`, ' tag=v4.2.2', 'sha+comment', false],
    [`actions/checkout@${SHA}`, undefined, 'sha', false],
    [`actions/checkout@${SHA}`, ' pinned by renovate', 'sha', false],
    [`acme/x@${'b'.repeat(64)}`, ' v1.0.0', 'sha+comment', false],
    ['actions/checkout@v4.2.2', undefined, 'semver', true],
    ['actions/checkout@4.2.2', undefined, 'semver', true],
    ['actions/checkout@v1.2.3-rc.1', undefined, 'semver', true],
    ['actions/checkout@v4', undefined, 'major', true],
    ['actions/checkout@v4.2', undefined, 'major', true],
    ['actions/checkout@11bd719', undefined, 'short-sha', true],
    ['actions/checkout@main', undefined, 'branch', true],
    ['actions/checkout@release/v4', undefined, 'branch', true],
    [`actions/checkout@${SHA.toUpperCase()}`, undefined, 'branch', true],
    ['./actions/changes', undefined, 'local', false],
    ['docker://alpine:3.20', undefined, 'docker', true],
    ['docker://alpine', undefined, 'docker', true],
    [`docker://alpine@sha256:${'c'.repeat(64)}`, undefined, 'docker-digest', false],
    ['acme/gantry/.github/workflows/service-pipeline.yml@v1.4.2', undefined, 'semver', true],
  ])('%s (comment %s) is %s', (raw, comment, kind, mutable) => {
    const ref = parseUses(raw, comment);
    expect(ref.kind).toBe(kind);
    expect(isMutable(ref)).toBe(mutable);
  });

  it('splits repository, path and ref', () => {
    expect(parseUses('Acme/Gantry/action-templates/build-once@v1.4.2')).toMatchObject({
      repository: 'acme/gantry',
      path: 'action-templates/build-once',
      ref: 'v1.4.2',
      name: 'Acme/Gantry/action-templates/build-once',
    });
  });

  it.each([
    ['actions/checkout', "no '@<ref>'"],
    ['actions/checkout@', 'ref after @'],
    ['actions@v1', 'owner/repo'],
    ['-rf/x@v1', 'owner/repo'],
    ['a/b/../../etc@v1', 'unsafe segment'],
    ['a/b//c@v1', 'unsafe segment'],
    ['a/b@${{ inputs.ref }}', 'expressions'],
    ['a/b@v1 ; rm -rf /', 'whitespace'],
    ['a/b@v1\n::error::x', 'whitespace'],
    ['a/b@v1..v2:x', 'valid git ref'],
    ['docker://', 'without an image'],
  ])('%j is invalid (%s)', (raw, problem) => {
    const ref = parseUses(raw);
    expect(ref.kind).toBe('invalid');
    expect(ref.problem).toContain(problem);
  });
});

describe('baseImages', () => {
  it('reads multi-stage builds, stage references, scratch and --platform', () => {
    const images = baseImages(
      [
        '# syntax=docker/dockerfile:1',
        'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
        'RUN go build ./...',
        `FROM gcr.io/distroless/static@sha256:${'d'.repeat(64)} AS runtime`,
        'COPY --from=build /out /app',
        'FROM build AS test',
        'FROM scratch',
        'COPY --from=nginx:1.27 /etc/nginx /etc/nginx',
        'COPY --from=0 /x /y',
        'from node',
      ].join('\n'),
    );
    expect(images.map((i) => [i.line, i.instruction, i.image, i.stage, i.platform, i.pinned])).toEqual([
      [2, 'FROM', 'golang:1.22', 'build', '$BUILDPLATFORM', false],
      [4, 'FROM', `gcr.io/distroless/static@sha256:${'d'.repeat(64)}`, 'runtime', undefined, true],
      [8, 'COPY --from', 'nginx:1.27', undefined, undefined, false],
      [10, 'FROM', 'node', undefined, undefined, false],
    ]);
    expect(images[3]!.reason).toContain(':latest');
  });

  it('substitutes global ARG defaults and flags ARGs without one', () => {
    const digest = `sha256:${'e'.repeat(64)}`;
    const images = baseImages(
      [
        'ARG BASE=node:24@' + digest,
        'ARG VERSION=1.27',
        'ARG REGISTRY',
        'FROM ${BASE} AS app',
        'FROM nginx:${VERSION}',
        'FROM ${REGISTRY}/tool:1',
        'FROM ${REGISTRY:-docker.io}/library/alpine:3.20',
        'ARG LATE=ignored',
        'FROM app',
      ].join('\n'),
    );
    expect(images.map((i) => [i.written, i.image, i.pinned])).toEqual([
      ['${BASE}', `node:24@${digest}`, true],
      ['nginx:${VERSION}', 'nginx:1.27', false],
      ['${REGISTRY}/tool:1', undefined, false],
      ['${REGISTRY:-docker.io}/library/alpine:3.20', 'docker.io/library/alpine:3.20', false],
    ]);
    expect(images[0]!.reason).toContain('--build-arg');
    expect(images[2]!.reason).toContain('ARG without a default');
  });

  it('joins continuation lines, skips comments inside them and honours the escape directive', () => {
    const backslash = baseImages('FROM \\\n  # a comment\n  python:3.12 \\\n  AS base\nRUN echo\n');
    expect(backslash).toMatchObject([{ line: 1, image: 'python:3.12', stage: 'base' }]);
    const backtick = baseImages(
      '# escape=`\r\nFROM `\r\n  mcr.microsoft.com/windows/servercore:ltsc2022\r\n',
    );
    expect(backtick).toMatchObject([
      { line: 2, image: 'mcr.microsoft.com/windows/servercore:ltsc2022', pinned: false },
    ]);
  });

  it('treats a registry port as part of the name, not a tag', () => {
    expect(baseImages('FROM registry.local:5000/base')[0]!.reason).toContain(':latest');
    expect(baseImages('FROM registry.local:5000/base:2')[0]!.reason).toBe('tag without a digest');
  });
});
