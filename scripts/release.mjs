#!/usr/bin/env node
// The release workflow's checks, runnable on a laptop and in the test suite, so the first real
// release cannot fail on a typo. Every check runs before anything is published.
//
//   node scripts/release.mjs verify --tag vX.Y.Z     tag format, tag = package.json, CHANGELOG
//                                                    section, package contents (all of the below)
//   node scripts/release.mjs notes --tag vX.Y.Z --sha <commit> [--repository owner/name]
//                                                    release notes: that version's CHANGELOG
//                                                    section and how to pin the release
//   node scripts/release.mjs check-pack              what `npm publish` would ship, checked
//   node scripts/release.mjs contract --tag vX.Y.Z   a patch or minor release keeps the contract
//                                                    of every action and template (inputs,
//                                                    outputs, gates) of the previous release tag
//
// Exit codes: 0 ok, 1 a check failed (one `::error::` line that names the fix), 2 usage.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export class ReleaseError extends Error {}

const TAG_PATTERN = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
export const DEFAULT_REPOSITORY = 'acme/gantry';

/** What the npm package may ship: the bundles and what the CLI reads at run time, nothing else. */
const SHIPPABLE = [
  /^package\.json$/,
  /^LICENSE$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^dist\/[\w.-]+\/(?:post\/)?(?:[\w.-]+\.js|licenses\.txt|package\.json)$/,
  /^actions\/[\w.-]+\/(?:[\w.-]+\/)?action\.yml$/,
  /^action-templates\/[\w.-]+\/action\.yml$/,
];
/** What must be there for `npx @acme/gantry pins audit` to work. */
const REQUIRED = ['package.json', 'LICENSE', 'README.md', 'dist/cli/index.js'];

export function checkTag(tag, packageJson) {
  if (!TAG_PATTERN.test(tag ?? ''))
    // JSON quoting keeps a hostile tag name on one line (no forged workflow command).
    throw new ReleaseError(
      `tag ${JSON.stringify(tag ?? '')} is not a release tag; push a tag such as v1.4.2.`,
    );
  const expected = `v${packageJson.version}`;
  if (tag !== expected)
    throw new ReleaseError(
      `tag ${tag} does not match package.json version ${packageJson.version}; ` +
        `set "version": "${tag.slice(1)}" in package.json (npm version ${tag.slice(1)} --no-git-tag-version) and tag that commit.`,
    );
}

/**
 * The body of `## vX.Y.Z` in the changelog, without its heading. A section still marked
 * "unreleased" is refused: its date and contents were never finalised.
 */
export function changelogSection(changelog, tag) {
  const lines = changelog.replace(/\r\n/g, '\n').split('\n');
  const escaped = tag.replace(/\./g, '\\.');
  const heading = new RegExp(`^## \\[?${escaped}\\]?(?=$|[\\s—–-])(.*)$`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start === -1)
    throw new ReleaseError(
      `CHANGELOG.md has no section for ${tag}; add '## ${tag} — YYYY-MM-DD' with what changed.`,
    );
  const rest = heading.exec(lines[start])[1];
  if (/unreleased/i.test(rest))
    throw new ReleaseError(
      `CHANGELOG.md's section for ${tag} is still marked unreleased; replace it with the release date ('## ${tag} — YYYY-MM-DD').`,
    );
  let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  if (end === -1) end = lines.length;
  const body = lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
  if (!body) throw new ReleaseError(`CHANGELOG.md's section for ${tag} is empty; say what changed.`);
  return body;
}

export function releaseNotes({ changelog, tag, sha, repository = DEFAULT_REPOSITORY, packageName }) {
  if (!/^[0-9a-f]{40}$/.test(sha ?? ''))
    throw new ReleaseError(
      `--sha must be the release commit's full 40-character SHA; got ${JSON.stringify(sha ?? '')}.`,
    );
  const section = changelogSection(changelog, tag);
  const version = tag.slice(1);
  return `${section}

## Pin this release

Commit: \`${sha}\`

\`\`\`yaml
- uses: ${repository}/actions/changes@${sha} # ${tag}
\`\`\`

Rewrite every reference to the suite in a service repository:

\`\`\`sh
npx ${packageName}@${version} pins set --version ${tag} --sha ${sha} .
\`\`\`
`;
}

/** The file list `npm publish` would upload, from npm itself. */
export function packedFiles(root) {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const [pack] = JSON.parse(out);
  return pack.files.map((file) => file.path);
}

export function checkPackage(files, packageJson) {
  const problems = [];
  const stray = files.filter((file) => !SHIPPABLE.some((pattern) => pattern.test(file)));
  if (stray.length)
    problems.push(
      `the package would ship ${stray.length} file(s) outside dist/, the action metadata and the docs ` +
        `(${stray.slice(0, 5).join(', ')}${stray.length > 5 ? ', …' : ''}); narrow "files" in package.json.`,
    );
  for (const file of REQUIRED)
    if (!files.includes(file)) problems.push(`the package would not ship ${file}; add it to "files".`);
  if (packageJson.private) problems.push('package.json has "private": true; npm refuses to publish it.');
  if (packageJson.bin?.gantry !== 'dist/cli/index.js')
    problems.push('package.json "bin" must map gantry to dist/cli/index.js.');
  if (!/^>=24\b/.test(packageJson.engines?.node ?? ''))
    problems.push('package.json "engines.node" must require Node 24 (">=24 <25").');
  // The bundles carry their dependencies; anything listed here would be installed by every npx.
  const runtime = Object.keys(packageJson.dependencies ?? {});
  if (runtime.length)
    problems.push(
      `package.json lists runtime dependencies (${runtime.join(', ')}); the bundles are self-contained, move them to devDependencies.`,
    );
  if (problems.length) throw new ReleaseError(problems.join('\n'));
}

/**
 * Services pin the templates: a patch or minor release must not remove an input or output, make
 * one required, change a default, or drop or switch off a gate (tests, quarantine, promote's
 * checks, the secret revoke) of the previous release. The comparison is `gantry templates
 * contract` from the bundled CLI, reading both versions from git (the checkout needs the tags).
 */
export function checkContract(root, tag) {
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'dist/cli/index.js'),
      'templates',
      'contract',
      '--release',
      tag,
      '--to',
      'HEAD',
      '--repo',
      root,
      '--json',
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const problem = (result.stderr ?? '').trim().split('\n').pop();
  if (result.error || (result.status !== 0 && result.status !== 1))
    throw new ReleaseError(
      `the template contract check could not run (${problem || result.error?.message || `exit ${result.status}`}); fetch the tags (actions/checkout with fetch-depth: 0).`,
    );
  if (!result.stdout.trim().startsWith('{')) return result.stdout.trim();
  const report = JSON.parse(result.stdout);
  const breaking = report.changes.filter((change) => change.breaking);
  if (report.refused)
    throw new ReleaseError(
      [
        `${tag} is a ${report.bump} release of ${report.from} but breaks the contract of its actions and templates; ` +
          `release it as a new major version or restore what it removed:`,
        ...breaking.map((c) => `${c.action}: ${c.kind} ${c.name} (${c.detail})`),
      ].join('\n'),
    );
  return breaking.length
    ? `${tag}: ${breaking.length} breaking change(s) since ${report.from}, allowed by the ${report.bump} bump`
    : `${tag}: the contract of ${report.from} is kept`;
}

function parseFlags(args) {
  const flags = {};
  for (let i = 0; i < args.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(args[i]);
    if (!match) throw new ReleaseError(`unexpected argument '${args[i]}'.`);
    flags[match[1]] = match[2] ?? args[++i];
  }
  return flags;
}

export function main(
  argv,
  { root = resolve(dirname(fileURLToPath(import.meta.url)), '..'), stdout = process.stdout } = {},
) {
  const [command, ...rest] = argv;
  const read = (file) => readFileSync(join(root, file), 'utf8');
  const packageJson = JSON.parse(read('package.json'));
  const flags = parseFlags(rest);
  switch (command) {
    case 'verify':
      checkTag(flags.tag, packageJson);
      changelogSection(read('CHANGELOG.md'), flags.tag);
      checkPackage(packedFiles(root), packageJson);
      stdout.write(`release ${flags.tag}: tag, changelog and package contents are ready\n`);
      return;
    case 'notes':
      checkTag(flags.tag, packageJson);
      stdout.write(
        releaseNotes({
          changelog: read('CHANGELOG.md'),
          tag: flags.tag,
          sha: flags.sha,
          repository: flags.repository ?? DEFAULT_REPOSITORY,
          packageName: packageJson.name,
        }),
      );
      return;
    case 'contract':
      checkTag(flags.tag, packageJson);
      stdout.write(`${checkContract(root, flags.tag)}\n`);
      return;
    case 'check-pack': {
      const files = packedFiles(root);
      checkPackage(files, packageJson);
      stdout.write(
        `package ${packageJson.name}@${packageJson.version}: ${files.length} files, all shippable\n`,
      );
      return;
    }
    default:
      throw Object.assign(
        new ReleaseError(`usage: release.mjs verify|notes|check-pack|contract --tag vX.Y.Z [--sha SHA]`),
        {
          usage: true,
        },
      );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    // Workflow-command data escaping, so a hostile tag name cannot end the command early.
    const escapeData = (line) => line.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    for (const line of error.message.split('\n'))
      process.stdout.write(`::error title=release::${escapeData(line)}\n`);
    process.exitCode = error.usage ? 2 : 1;
  }
}
