import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '../net/index.js';
import { openRepository, parseReference, RegistryClient } from '../oci/index.js';
import { type CompositeReport, runComposite, runnerEnvironment } from '../local-runner/index.js';
import { findSuiteRoot } from '../runtime/metadata.js';
import { markdownTable } from '../runtime/text.js';
import { launchDistributionRegistry } from './services/distribution-registry.js';
import { GITHUB_ISSUER, OidcIssuer } from './services/github-oidc-issuer.js';
import { VaultServer } from './services/vault-api-server.js';
import { buildServiceImage } from './image.js';
import { demoSigner } from './sign.js';
import { createSampleRepo, type SampleRepo } from './sample-repo.js';

/**
 * The README's main job: the service-pipeline template run end to end, on embedded defaults, against
 * local services the demo starts and stops itself. Every stage runs through the template runner
 * (src/runner) and the suite's real bundles, the way the GitHub runner would run them.
 */
export interface DemoOptions {
  /** Keep the work directory (sample repo, registry data, reports) for inspection. */
  keep?: boolean;
  /** The shorter variant the test suite runs: no staging hop. */
  short?: boolean;
  /** The CLI script that build-command calls back into (`gantry demo build-image`). */
  cliScript: string;
  log?: (line: string) => void;
  /** Force the OCI-layout fallback even where the registry package is available. */
  noRegistry?: boolean;
}

export interface DemoResult {
  ok: boolean;
  summary: string;
  digest: string;
  /** Where each environment's stable tag points after the rollback. */
  stable: Record<string, string>;
  services: Record<string, { changed: boolean; verdict: string; digest: string }>;
  usedRegistry: boolean;
  secretReceived: boolean;
  reports: Record<string, CompositeReport>;
  workdir: string;
}

const SECRET = 'demo-deploy-key-7f3a9c';
const SERVICES = ['api', 'web'] as const;

interface Store {
  /** `<prefix>/<name>` for an image reference in this store. */
  ref(name: string): string;
  stop(): Promise<void>;
  usedRegistry: boolean;
}

async function openStore(workdir: string, log: (line: string) => void, noRegistry: boolean): Promise<Store> {
  if (!noRegistry) {
    try {
      const registry = await launchDistributionRegistry();
      log(`registry: CNCF distribution registry at ${registry.url}`);
      return {
        ref: (name) => `${registry.host}/acme/${name}`,
        stop: () => registry.stop(),
        usedRegistry: true,
      };
    } catch (error) {
      log(
        `registry: the Debian package docker-registry is not available (${(error as Error).message.split('\n')[0]}); using OCI layout directories as the registries instead.`,
      );
    }
  } else {
    log('registry: OCI layout directories stand in for the registries (--no-registry).');
  }
  const root = join(workdir, 'registries');
  mkdirSync(root, { recursive: true });
  return {
    ref: (name) => `oci-layout:${join(root, name)}`,
    stop: async () => undefined,
    usedRegistry: false,
  };
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const suiteRoot = findSuiteRoot();
  const workdir = mkdtempSync(join(tmpdir(), 'gantry-demo-'));
  const repo = await createSampleRepo(join(workdir, 'monorepo'));
  log(
    `sample monorepo: ${repo.dir} (base ${repo.baseSha.slice(0, 12)}, head ${repo.headSha.slice(0, 12)}: "api: new greeting")`,
  );

  const store = await openStore(workdir, log, options.noRegistry ?? false);
  const vault = await new VaultServer().start();
  const issuer = await new OidcIssuer(GITHUB_ISSUER).start();
  // The ID token the runner would mint for a push to main of the sample repository.
  issuer.runnerClaims = { repository: 'acme/monorepo', ref: 'refs/heads/main' };
  log(`vault: Vault API server at ${vault.address}; GitHub OIDC issuer at ${issuer.url}`);
  const vaultHost = new URL(vault.address).hostname;
  vault.applySeed('', {
    mounts: { secret: { type: 'kv', version: 2 } },
    writes: [{ path: 'secret/api/deploy', data: { 'api-key': SECRET } }],
    policies: { deploy: 'path "secret/data/api/deploy" { capabilities = ["read"] }' },
    auth: {
      jwt: {
        type: 'jwt',
        jwt_validation_pubkeys: [issuer.publicKeyPem],
        bound_issuer: GITHUB_ISSUER,
        roles: {
          'api-deploy': {
            bound_audiences: [vaultHost],
            bound_subject: 'repo:acme/monorepo:ref:refs/heads/main',
            policies: ['deploy'],
          },
        },
      },
    },
  });

  const reports: Record<string, CompositeReport> = {};
  const services: DemoResult['services'] = {};
  const environments = options.short ? ['dev', 'production'] : ['dev', 'staging', 'production'];
  try {
    // What production runs today: the base commit's image, promoted there earlier.
    const previous = await seedProduction(repo, store, workdir, suiteRoot, log);

    const event = {
      name: 'push',
      payload: {
        ref: 'refs/heads/main',
        before: repo.baseSha,
        after: repo.headSha,
        repository: { default_branch: 'main', full_name: 'acme/monorepo' },
      },
    };
    const run = (template: string, inputs: Record<string, string>, label: string) => {
      log(`\n▸ ${label}: action-templates/${template}`);
      const runnerTemp = mkdtempSync(join(workdir, 'runner-'));
      return runComposite({
        templateDir: join(suiteRoot, 'action-templates', template),
        inputs,
        event,
        workspace: repo.dir,
        runnerTemp,
        suiteRoot,
        showOutputs: false,
        // The structured log (one JSON line per stage) stays out of the demo's display.
        log: (line) => {
          if (!line.trimStart().startsWith('| {"action":')) log(`  ${line}`);
        },
        env: runnerEnvironment({
          runnerTemp,
          workspace: repo.dir,
          event,
          env: {
            GITHUB_REPOSITORY: 'acme/monorepo',
            GITHUB_SHA: repo.headSha,
            GITHUB_REF: 'refs/heads/main',
            GITHUB_REF_NAME: 'main',
            GANTRY_CLI: options.cliScript,
            ...issuer.runnerEnv(),
          },
        }),
      });
    };

    for (const service of SERVICES) {
      const report = await run(
        'service-pipeline',
        {
          image: store.ref(`${service}-builds`),
          filters: '.github/filters.yml',
          filter: service,
          builder: 'command',
          'build-command': `node "$GANTRY_CLI" demo build-image --context services/${service} --layout "$GANTRY_LAYOUT" --tag "$GANTRY_TAG" --name ${service}`,
          'test-command': `mkdir -p reports && node --test --test-reporter=junit --test-reporter-destination=reports/${service}-junit.xml services/${service}/test/*.test.js`,
          'test-reports': `reports/${service}-junit.xml`,
          destinations: `${store.ref(`${service}-dev`)}:sha-${repo.headSha}`,
          require: 'sbom',
          'stable-tag': 'stable',
          'deploy-command': deployCommand(service, 'dev'),
          'vault-url': vault.address,
          'vault-role': 'api-deploy',
          'vault-secrets': 'secret/api/deploy api-key | DEPLOY_API_KEY',
          // Test history and pipeline fingerprints in the demo's work directory (no cache service here).
          history: 'dir',
          'history-dir': join(workdir, 'history'),
        },
        `${service}: service-pipeline (build once, test with quarantine, promote to dev, deploy with secrets, record the fingerprint)`,
      );
      reports[`${service}/pipeline`] = report;
      services[service] = {
        changed: report.outputs.changed === 'true',
        verdict: report.outputs.verdict ?? '',
        digest: report.outputs.digest ?? '',
      };
    }

    const digest = services.api!.digest;
    let ok = Object.values(reports).every((r) => r.ok) && digest !== '';
    const promoted: string[] = [];
    if (reports['api/pipeline']!.ok && digest) promoted.push('dev');
    let from = `${store.ref('api-dev')}@${digest}`;
    // The release key signs the built digest's provenance (key-based, as `cosign attest --key`);
    // production's policy verifies that signature and the source before anything moves there.
    const signer = demoSigner();
    const source = { repository: 'acme/monorepo', ref: 'refs/heads/main', commit: repo.headSha };
    const policy = signer.writePolicy(join(workdir, 'policy'), source);
    if (ok && digest) {
      const devRepo = openRepository(
        parseReference(store.ref('api-dev')),
        new RegistryClient({ http: new HttpClient() }),
      );
      await signer.attest(devRepo, digest, source);
      log(
        `\n▸ api: provenance for ${digest.slice(0, 19)}… signed with the release key and attached (production's policy: ${policy})`,
      );
    }
    for (const environment of environments.slice(1)) {
      if (!ok) break;
      const report = await run(
        'promote-environment',
        {
          source: from,
          'expected-digest': digest,
          destinations: `${store.ref(`api-${environment}`)}:sha-${repo.headSha}`,
          require: 'sbom',
          'stable-tag': 'stable',
          ...(environment === 'production' ? { policy, environment } : {}),
        },
        `api: promote ${digest.slice(0, 19)}… to ${environment}`,
      );
      reports[`api/${environment}`] = report;
      ok = ok && report.ok;
      if (!report.ok) break;
      promoted.push(environment);
      from = `${store.ref(`api-${environment}`)}@${digest}`;
    }

    let rolledBack = false;
    if (ok) {
      const report = await run(
        'promote-environment',
        {
          source: `${store.ref('api-production')}@${digest}`,
          destinations: `${store.ref('api-production')}:sha-${repo.headSha}`,
          'stable-tag': 'stable',
          rollback: 'true',
        },
        'api: roll production back to the last known good',
      );
      reports['api/rollback'] = report;
      ok = ok && report.ok;
      rolledBack = report.ok;
    }

    // What each environment's stable tag points at now, read back from the registry itself.
    const stable: Record<string, string> = {};
    const client = new RegistryClient({ http: new HttpClient() });
    for (const environment of environments) {
      try {
        const descriptor = await openRepository(
          parseReference(`${store.ref(`api-${environment}`)}:stable`),
          client,
        ).resolve('stable');
        if (descriptor) stable[environment] = descriptor.digest;
      } catch {
        // never promoted there: no stable tag to show
      }
    }
    ok = ok && rolledBack && stable.production === previous;

    const proof = join(repo.dir, 'deploy-proof-dev.txt');
    const secretReceived = existsSync(proof) && readFileSync(proof, 'utf8').trim() === fingerprint(SECRET);
    ok = ok && secretReceived;
    const summary = renderSummary({
      repo,
      services,
      environments,
      promoted,
      digest,
      previous,
      stable,
      rolledBack,
      secretReceived,
      reports,
      usedRegistry: store.usedRegistry,
    });
    return {
      ok,
      summary,
      digest,
      stable,
      services,
      usedRegistry: store.usedRegistry,
      secretReceived,
      reports,
      workdir,
    };
  } finally {
    await issuer.stop();
    await vault.stop();
    await store.stop();
    if (!options.keep) rmSync(workdir, { recursive: true, force: true });
  }
}

function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/** Proves the deploy got the secret without printing it: only a fingerprint leaves the command. */
function deployCommand(service: string, environment: string): string {
  return [
    'test -n "$DEPLOY_API_KEY"',
    `printf '%s' "$DEPLOY_API_KEY" | sha256sum | cut -c1-16 > deploy-proof-${environment}.txt`,
    `echo "deployed ${service} to ${environment}: $DEPLOY_DIGEST (secret received, fingerprint $(cat deploy-proof-${environment}.txt))"`,
  ].join(' && ');
}

/** Production's current release: the base commit's image, promoted with its SBOM and the stable tag. */
async function seedProduction(
  repo: SampleRepo,
  store: Store,
  workdir: string,
  suiteRoot: string,
  log: (line: string) => void,
): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  const baseTree = join(workdir, 'base-tree');
  execFileSync('git', ['-C', repo.dir, 'worktree', 'add', '--quiet', '--detach', baseTree, repo.baseSha]);
  const layout = join(workdir, 'base-layout');
  const built = await buildServiceImage({
    contextDir: join(baseTree, 'services/api'),
    layoutDir: layout,
    tag: `sha-${repo.baseSha}`,
    name: 'api',
    revision: repo.baseSha,
  });
  const runnerTemp = mkdtempSync(join(workdir, 'runner-'));
  const event = { name: 'workflow_dispatch', payload: {} };
  const report = await runComposite({
    templateDir: join(suiteRoot, 'action-templates', 'promote-environment'),
    inputs: {
      source: `oci-layout:${layout}:sha-${repo.baseSha}`,
      'expected-digest': built.digest,
      destinations: `${store.ref('api-production')}:sha-${repo.baseSha}`,
      require: 'sbom',
      'stable-tag': 'stable',
    },
    event,
    workspace: repo.dir,
    runnerTemp,
    suiteRoot,
    env: runnerEnvironment({
      runnerTemp,
      workspace: repo.dir,
      event,
      env: { GITHUB_REPOSITORY: 'acme/monorepo', GITHUB_SHA: repo.baseSha },
    }),
  });
  if (!report.ok)
    throw new Error(
      `could not seed production: ${report.steps
        .map((s) => s.error)
        .filter(Boolean)
        .join('; ')}`,
    );
  log(`production runs the previous release ${built.digest.slice(0, 19)}… (stable)`);
  return built.digest;
}

function renderSummary(input: {
  repo: SampleRepo;
  services: DemoResult['services'];
  environments: string[];
  promoted: string[];
  digest: string;
  previous: string;
  stable: Record<string, string>;
  rolledBack: boolean;
  secretReceived: boolean;
  reports: Record<string, CompositeReport>;
  usedRegistry: boolean;
}): string {
  const short = (d: string) => (d ? `${d.slice(0, 19)}…` : '—');
  const lines = ['# Gantry demo', ''];
  lines.push(
    `Commit ${input.repo.headSha.slice(0, 12)} changed \`services/api\` only. Registries: ${input.usedRegistry ? 'a local CNCF distribution registry' : 'OCI layout directories (no registry package)'}.`,
    '',
  );
  lines.push(
    markdownTable(
      ['service', 'changed', 'what ran', 'tests', 'digest'],
      Object.entries(input.services).map(([name, s]) => [
        name,
        s.changed ? 'yes' : 'no',
        s.changed ? 'build once → test → promote → deploy' : 'skipped: nothing it depends on changed',
        s.verdict || '—',
        short(s.digest),
      ]),
    ),
  );
  lines.push(
    markdownTable(
      ['environment', 'sha-<commit> tag', 'stable (last known good)'],
      input.environments.map((env) => [
        env,
        input.promoted.includes(env) ? short(input.digest) : 'not promoted',
        short(input.stable[env] ?? ''),
      ]),
    ),
  );
  if (input.rolledBack)
    lines.push(
      `Production was rolled back to the previous release ${short(input.previous)} at the end, from the promotion records.`,
      '',
    );
  lines.push(
    `Deploy received the Vault secret without printing it: ${input.secretReceived ? 'yes (fingerprint matched)' : 'NO'}.`,
    '',
  );
  const quarantined = input.reports['api/pipeline']?.steps.filter(
    (s) => s.outputs['quarantined-failures'] && s.outputs['quarantined-failures'] !== '0',
  );
  if (quarantined?.length)
    lines.push(
      `Quarantined: the known flaky test \`api reconnects to the queue\` failed and was quarantined (owner @acme/api-team, expiring) — the pipeline passed with a warning.`,
      '',
    );
  const fingerprinted = SERVICES.filter((service) =>
    input.reports[`${service}/pipeline`]?.steps.some(
      (s) => s.id === 'pipeline-diff' && s.outcome === 'success',
    ),
  );
  if (fingerprinted.length)
    lines.push(
      `Pipeline fingerprints recorded (pipeline-diff): ${fingerprinted.join(', ')} — lockfiles, images, workflows, runner and toolchain, the baseline a failed run is compared with.`,
      '',
    );
  const failed = Object.entries(input.reports).flatMap(([name, r]) =>
    r.steps.filter((s) => s.conclusion === 'failure').map((s) => `${name}: ${s.name}: ${s.error ?? ''}`),
  );
  if (failed.length) lines.push('Failures:', ...failed.map((f) => `- ${f}`), '');
  return lines.join('\n');
}

export async function buildImageCommand(args: string[], revision: string): Promise<number> {
  const get = (flag: string) => {
    const i = args.indexOf(flag);
    return i === -1 ? undefined : args[i + 1];
  };
  const context = get('--context');
  const layout = get('--layout');
  const tag = get('--tag');
  if (!context || !layout || !tag) {
    process.stderr.write(
      'usage: gantry demo build-image --context DIR --layout DIR --tag TAG [--name NAME]\n',
    );
    return 2;
  }
  const built = await buildServiceImage({
    contextDir: context,
    layoutDir: layout,
    tag,
    name: get('--name') ?? 'image',
    revision,
  });
  process.stdout.write(`built ${tag} ${built.digest} into ${layout} (SBOM ${built.sbomDigest})\n`);
  return 0;
}
