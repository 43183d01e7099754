// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile ARGs are the test data
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/pins/audit.js';
import { baseImages } from '../../src/pins/dockerfile.js';
import { SUITE_ROOT } from '../harness/index.js';
import { CHECKOUT, makeRepo, pins, SHA_A } from './repo.js';

// GitHub's parallel step groups: a list of steps, or of `sequential:` lists of steps, that run
// side by side. Shaped like electron's workflows.
const WORKFLOW = `name: ci
on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: ${CHECKOUT}
      - parallel:
          - name: lint
            uses: evil/action@main
          - sequential:
              - uses: acme/gantry/actions/changes@v1
              - uses: other/tool@v2
                with: { x: 1 }
          - run: echo side
      - run: echo after
`;

const TEMPLATE = `name: local
description: composite
runs:
  using: composite
  steps:
    - parallel:
        - uses: acme/gantry/action-templates/build-once@main
        - uses: evil/action@main
`;

describe('parallel step groups in pins audit and pins set', () => {
  it('a uses: inside a parallel group or a sequential list in it is audited (reported, failing)', async () => {
    const dir = makeRepo({ '.github/workflows/ci.yml': WORKFLOW, '.github/actions/x/action.yml': TEMPLATE });
    const { code, stdout } = await pins('audit', '--json', dir);
    const result = JSON.parse(stdout) as AuditResult;
    const seen = result.uses.map((u) => `${u.file}:${u.line} ${u.uses} ${u.failing}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml:10 evil/action@main true',
        '.github/workflows/ci.yml:12 acme/gantry/actions/changes@v1 true',
        '.github/workflows/ci.yml:13 other/tool@v2 true',
        '.github/actions/x/action.yml:7 acme/gantry/action-templates/build-once@main true',
        '.github/actions/x/action.yml:8 evil/action@main true',
      ]),
    );
    expect(result.uses).toHaveLength(6);
    expect(code).toBe(1);
  });

  it('the bundled CLI (dist/cli) reports evil/action@main inside a parallel group and exits 1', () => {
    const dir = makeRepo({ '.github/workflows/ci.yml': WORKFLOW });
    const result = spawnSync(
      process.execPath,
      [join(SUITE_ROOT, 'dist/cli/index.js'), 'pins', 'audit', dir],
      {
        encoding: 'utf8',
      },
    );
    expect(result.stdout).toContain('evil/action@main');
    expect(result.status).toBe(1);
  });

  it("pins set rewrites the suite's references inside parallel groups, and only those", async () => {
    const dir = makeRepo({ '.github/workflows/ci.yml': WORKFLOW, '.github/actions/x/action.yml': TEMPLATE });
    const { code, stderr } = await pins('set', '--version', 'v1.4.2', '--sha', SHA_A, dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(join(dir, '.github/workflows/ci.yml'), 'utf8')).toBe(
      WORKFLOW.replace('acme/gantry/actions/changes@v1', `acme/gantry/actions/changes@${SHA_A} # v1.4.2`),
    );
    expect(readFileSync(join(dir, '.github/actions/x/action.yml'), 'utf8')).toBe(
      TEMPLATE.replace(
        'acme/gantry/action-templates/build-once@main',
        `acme/gantry/action-templates/build-once@${SHA_A} # v1.4.2`,
      ),
    );
  });
});

describe('Dockerfile audit: ARG-built stage names and RUN --mount images', () => {
  it('a FROM or COPY --from naming a stage built from an ARG is a stage, not an image', () => {
    const images = baseImages(`ARG TARGETOS
ARG GO=golang:1.23@sha256:${'c'.repeat(64)}
FROM \${GO} AS binaries-linux
RUN go build
FROM \${GO} AS binaries-darwin
RUN go build
FROM binaries-$TARGETOS AS binaries
FROM binaries-\${TARGETOS}
COPY --from=binaries-\${TARGETOS} /out /out
FROM scratch AS \${TARGETOS}
FROM \${TARGETOS}
COPY --from=$TARGETOS /a /a
`);
    expect(images.map((i) => `${i.line} ${i.written} ${i.pinned}`)).toEqual([
      `3 \${GO} true`,
      `5 \${GO} true`,
    ]);
  });

  it('an image pulled by RUN --mount=…,from=<image> is an image and must be pinned; a stage is not', () => {
    const images = baseImages(`FROM alpine@sha256:${'a'.repeat(64)} AS build
RUN --mount=type=cache,target=/root/.cache --mount=type=bind,from=build,source=/x,target=/y make
RUN --mount=type=bind,from=golang:1.23,source=/usr/local/go,target=/go true
RUN --mount=from=ghcr.io/acme/tools@sha256:${'b'.repeat(64)},target=/t \\
    --mount=type=secret,id=npm true
RUN --mount=type=bind,"from=docker.io/library/node:24",target=/n true
RUN --mount=type=bind,source=/a,target=/b true
`);
    expect(images.map((i) => `${i.line} ${i.instruction} ${i.written} ${i.pinned}`)).toEqual([
      `1 FROM alpine@sha256:${'a'.repeat(64)} true`,
      '3 RUN --mount golang:1.23 false',
      `4 RUN --mount ghcr.io/acme/tools@sha256:${'b'.repeat(64)} true`,
      '6 RUN --mount docker.io/library/node:24 false',
    ]);
  });

  it('pins audit fails on an unpinned RUN --mount image and passes ARG-built stages', async () => {
    const dir = makeRepo({
      Dockerfile: `ARG TARGETOS=linux
FROM alpine@sha256:${'a'.repeat(64)} AS binaries-linux
FROM binaries-$TARGETOS
RUN --mount=type=bind,from=golang:1.23,target=/go true
`,
    });
    const { code, stdout } = await pins('audit', '--json', dir);
    const result = JSON.parse(stdout) as AuditResult;
    expect(result.images.map((i) => `${i.line} ${i.image} ${i.failing}`)).toEqual([
      `2 alpine@sha256:${'a'.repeat(64)} false`,
      '4 golang:1.23 true',
    ]);
    expect(code).toBe(1);
  });
});
