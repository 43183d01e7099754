// A local stand-in for github.com/anchore/syft/releases/download: serves a syft release (an archive
// holding a fake `syft` that prints a small SPDX document, and goreleaser's checksums file) and
// counts the requests, so tests run the real @actions/tool-cache download path.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assetName } from '../../src/sbom/install.js';

export const FAKE_SYFT = `#!/bin/sh
# Stands in for syft: 'syft scan oci-dir:<layout> --output spdx-json --quiet'
[ "$1" = scan ] || { echo "unexpected arguments: $*" >&2; exit 2; }
printf '{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","name":"%s","packages":[]}\\n' "$2"
`;

export interface ReleaseServer {
  url: string;
  asset: string;
  /** Paths requested so far. */
  requests: string[];
  /** Serve different archive bytes than the checksums file lists (a tampered or corrupted download). */
  tamper(): void;
  close(): Promise<void>;
}

export async function startReleaseServer(version: string): Promise<ReleaseServer> {
  const asset = assetName(version, process.platform, process.arch);
  const work = mkdtempSync(join(tmpdir(), 'gantry-syft-release-'));
  const content = join(work, 'content');
  mkdirSync(content);
  writeFileSync(join(content, 'syft'), FAKE_SYFT);
  chmodSync(join(content, 'syft'), 0o755);
  writeFileSync(join(content, 'README.md'), 'fake syft\n');
  execFileSync('tar', ['-czf', join(work, asset), '-C', content, 'syft', 'README.md']);
  const archive = readFileSync(join(work, asset));
  rmSync(work, { recursive: true, force: true });
  const sha = createHash('sha256').update(archive).digest('hex');
  const checksums = [
    `${'0'.repeat(64)}  syft_${version}_linux_s390x.tar.gz`,
    `${sha}  ${asset}`,
    `${'f'.repeat(64)}  syft_${version}_windows_amd64.zip`,
  ].join('\n');
  let served = archive;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === `/v${version}/syft_${version}_checksums.txt`) return res.end(`${checksums}\n`);
    if (req.url === `/v${version}/${asset}`) return res.end(served);
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    asset,
    requests,
    tamper: () => {
      served = Buffer.concat([archive, Buffer.from('tampered')]);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
