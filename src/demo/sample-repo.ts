import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Git } from '../git/index.js';

/**
 * The demo's sample monorepo: two services and a shared library as npm workspaces, each service with
 * node:test tests (the api has one known flaky test, quarantined with an owner and an expiry), and a
 * second commit that touches only the api service.
 */
export interface SampleRepo {
  dir: string;
  baseSha: string;
  headSha: string;
}

const FILES: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'acme-monorepo', private: true, workspaces: ['libs/*', 'services/*'] }, null, 2)}\n`,
  'libs/shared/package.json': `${JSON.stringify({ name: '@acme/shared', version: '1.0.0', main: 'index.js' }, null, 2)}\n`,
  'libs/shared/index.js': "exports.greet = (who) => 'hello, ' + who;\n",
  'services/api/package.json': `${JSON.stringify({ name: '@acme/api', version: '1.0.0', dependencies: { '@acme/shared': '1.0.0' } }, null, 2)}\n`,
  'services/api/server.js': "const { greet } = require('../../libs/shared');\nconsole.log(greet('api'));\n",
  'services/api/test/api.test.js': [
    "const test = require('node:test');",
    "const assert = require('node:assert');",
    "test('api greets', () => assert.strictEqual(1 + 1, 2));",
    "test('api answers health checks', () => assert.ok(true));",
    '// Known flaky: depends on timing in the real service; quarantined in .github/quarantine.yml.',
    "test('api reconnects to the queue', () => assert.ok(process.env.DEMO_QUEUE_UP === '1', 'queue connection timed out'));",
    '',
  ].join('\n'),
  'services/web/package.json': `${JSON.stringify({ name: '@acme/web', version: '1.0.0', dependencies: { '@acme/shared': '1.0.0' } }, null, 2)}\n`,
  'services/web/server.js': "const { greet } = require('../../libs/shared');\nconsole.log(greet('web'));\n",
  'services/web/test/web.test.js': "const test = require('node:test');\ntest('web renders', () => {});\n",
  '.github/filters.yml': [
    'api:',
    "  - 'services/api/**'",
    "  - 'libs/shared/**'",
    'web:',
    "  - 'services/web/**'",
    "  - 'libs/shared/**'",
    '',
  ].join('\n'),
};

function quarantineFile(today: Date): string {
  const expires = new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  return [
    'quarantine:',
    "  - id: '*api reconnects to the queue*'",
    '    reason: times out when the queue container starts slowly',
    "    owner: '@acme/api-team'",
    '    issue: https://github.com/acme/monorepo/issues/412',
    `    expires: ${expires}`,
    '',
  ].join('\n');
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export async function createSampleRepo(dir: string, today = new Date()): Promise<SampleRepo> {
  mkdirSync(dir, { recursive: true });
  const git = new Git(dir, {
    ...process.env,
    GIT_AUTHOR_DATE: today.toISOString(),
    GIT_COMMITTER_DATE: today.toISOString(),
  });
  const identity = ['-c', 'user.name=Gantry Demo', '-c', 'user.email=demo@gantry.invalid'];
  await git.run(['init', '--quiet', '--initial-branch=main']);
  write(dir, { ...FILES, '.github/quarantine.yml': quarantineFile(today) });
  await git.run(['add', '--all']);
  await git.run([...identity, 'commit', '--quiet', '-m', 'Initial monorepo: api, web, shared']);
  const baseSha = await git.text(['rev-parse', 'HEAD']);
  write(dir, {
    'services/api/server.js':
      "const { greet } = require('../../libs/shared');\nconsole.log(greet('api v2'));\n",
  });
  await git.run(['add', '--all']);
  await git.run([...identity, 'commit', '--quiet', '-m', 'api: new greeting']);
  const headSha = await git.text(['rev-parse', 'HEAD']);
  return { dir, baseSha, headSha };
}
