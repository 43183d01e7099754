/**
 * Installs syft the way anchore/sbom-action does, through @actions/tool-cache: a pinned version from
 * the release, `find` first so a second job on the same runner skips the download, `cacheDir` after
 * a verified extraction. The archive is checked against the release's own checksums file before
 * anything is extracted; a mismatch is refused, the download deleted and nothing cached.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** The pinned syft release. */
export const SYFT_VERSION = '1.18.1';
export const SYFT_RELEASES = 'https://github.com/anchore/syft/releases/download';

/** The subset of @actions/tool-cache the installer uses (injected, so the domain stays testable). */
export interface ToolCache {
  find(toolName: string, versionSpec: string, arch?: string): string;
  downloadTool(url: string): Promise<string>;
  extractTar(file: string): Promise<string>;
  extractZip(file: string): Promise<string>;
  cacheDir(sourceDir: string, tool: string, version: string, arch?: string): Promise<string>;
}

export class ChecksumMismatchError extends Error {
  override name = 'ChecksumMismatchError';
}

export interface InstallOptions {
  version: string;
  /** Where the releases are: `<base>/v<version>/<asset>`. */
  releases: string;
  platform: NodeJS.Platform;
  /** Node's name (x64, arm64). */
  arch: string;
  info(message: string): void;
}

export interface Installed {
  /** The syft executable. */
  path: string;
  /** true when the runner's tool cache had it. */
  cached: boolean;
}

const OS: Partial<Record<NodeJS.Platform, string>> = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ppc64: 'ppc64le', s390x: 's390x' };

export function assetName(version: string, platform: NodeJS.Platform, arch: string): string {
  const os = OS[platform];
  const cpu = ARCH[arch];
  if (!os || !cpu) throw new Error(`syft publishes no release for ${platform}/${arch}`);
  return `syft_${version}_${os}_${cpu}.${platform === 'win32' ? 'zip' : 'tar.gz'}`;
}

/** The sha256 the release's checksums file (goreleaser's `<hex>  <name>` lines) gives for one asset. */
export function checksumFor(checksums: string, asset: string): string | undefined {
  for (const line of checksums.split(/\r?\n/)) {
    const match = /^([0-9a-f]{64})\s+\*?(\S+)$/.exec(line.trim());
    if (match && match[2] === asset) return match[1];
  }
  return undefined;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

export async function installSyft(tc: ToolCache, options: InstallOptions): Promise<Installed> {
  const { version, platform, arch } = options;
  const executable = platform === 'win32' ? 'syft.exe' : 'syft';
  const found = tc.find('syft', version, arch);
  if (found) {
    options.info(`syft ${version} found in the runner's tool cache: ${found}`);
    return { path: join(found, executable), cached: true };
  }
  const asset = assetName(version, platform, arch);
  const base = `${options.releases.replace(/\/+$/, '')}/v${version}`;
  const checksumsFile = await tc.downloadTool(`${base}/syft_${version}_checksums.txt`);
  let expected: string | undefined;
  try {
    expected = checksumFor(readFileSync(checksumsFile, 'utf8'), asset);
  } finally {
    rmSync(checksumsFile, { force: true });
  }
  if (!expected) throw new ChecksumMismatchError(`the syft ${version} checksums file lists no ${asset}`);
  const archive = await tc.downloadTool(`${base}/${asset}`);
  try {
    const actual = await sha256File(archive);
    if (actual !== expected)
      throw new ChecksumMismatchError(
        `${asset} has sha256 ${actual}, but the release's checksums file says ${expected}: refused, nothing installed or cached`,
      );
    const extracted = platform === 'win32' ? await tc.extractZip(archive) : await tc.extractTar(archive);
    const dir = await tc.cacheDir(extracted, 'syft', version, arch);
    options.info(`syft ${version} downloaded (sha256 ${actual} verified) and cached: ${dir}`);
    return { path: join(dir, executable), cached: false };
  } finally {
    rmSync(archive, { force: true });
  }
}
