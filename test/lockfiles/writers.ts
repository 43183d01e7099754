import type { LockfileKind } from '../../src/lockfiles/index.js';

/** A minimal lockfile of each kind listing `packages`, written the way each tool lays it out. */
export const WRITERS: Record<
  LockfileKind,
  { file: string; write: (packages: [string, string][]) => string }
> = {
  npm: {
    file: 'package-lock.json',
    write: (packages) =>
      JSON.stringify({
        lockfileVersion: 3,
        packages: Object.fromEntries([
          ['', { dependencies: Object.fromEntries(packages.map(([n, v]) => [n, `^${v}`])) }],
          ...packages.map(([n, v]) => [`node_modules/${n}`, { version: v }]),
        ]),
      }),
  },
  'yarn-classic': {
    file: 'yarn.lock',
    write: (packages) =>
      `# yarn lockfile v1\n\n${packages.map(([n, v]) => `"${n}@^${v}":\n  version "${v}"\n  resolved "https://registry.test/${n}-${v}.tgz"\n`).join('\n')}`,
  },
  'yarn-berry': {
    file: 'yarn.lock',
    write: (packages) =>
      `__metadata:\n  version: 8\n\n${packages
        .map(
          ([n, v]) =>
            `"${n}@npm:^${v}":\n  version: ${v}\n  resolution: "${n}@npm:${v}"\n  languageName: node\n  linkType: hard\n`,
        )
        .join('\n')}`,
  },
  pnpm: {
    file: 'pnpm-lock.yaml',
    write: (packages) =>
      `lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n${packages
        .map(([n, v]) => `      '${n}':\n        specifier: ^${v}\n        version: ${v}\n`)
        .join(
          '',
        )}\npackages:\n\n${packages.map(([n, v]) => `  '${n}@${v}':\n    resolution: {integrity: sha512-x}\n`).join('\n')}`,
  },
  'go-mod': {
    file: 'go.mod',
    write: (packages) =>
      `module example.test/m\n\ngo 1.22\n\nrequire (\n${packages.map(([n, v]) => `\t${n} v${v}\n`).join('')})\n`,
  },
  'go-sum': {
    file: 'go.sum',
    write: (packages) => packages.map(([n, v]) => `${n} v${v} h1:abc=\n${n} v${v}/go.mod h1:def=\n`).join(''),
  },
  cargo: {
    file: 'Cargo.lock',
    write: (packages) =>
      `version = 4\n\n${packages.map(([n, v]) => `[[package]]\nname = "${n}"\nversion = "${v}"\nsource = "registry+https://index.test"\n`).join('\n')}`,
  },
  poetry: {
    file: 'poetry.lock',
    write: (packages) =>
      `${packages.map(([n, v]) => `[[package]]\nname = "${n}"\nversion = "${v}"\nfiles = [\n    {file = "${n}.whl", hash = "sha256:x"},\n]\n`).join('\n')}\n[metadata]\nlock-version = "2.1"\n`,
  },
  uv: {
    file: 'uv.lock',
    write: (packages) =>
      `version = 1\n\n${packages.map(([n, v]) => `[[package]]\nname = "${n}"\nversion = "${v}"\nsource = { registry = "https://pypi.test/simple" }\n`).join('\n')}`,
  },
  bundler: {
    file: 'Gemfile.lock',
    write: (packages) =>
      `GEM\n  remote: https://rubygems.test/\n  specs:\n${packages.map(([n, v]) => `    ${n} (${v})\n`).join('')}\nDEPENDENCIES\n${packages.map(([n]) => `  ${n}\n`).join('')}\nBUNDLED WITH\n   2.5.6\n`,
  },
  'pip-requirements': {
    file: 'requirements.txt',
    write: (packages) => packages.map(([n, v]) => `${n}==${v}\n`).join(''),
  },
};
