/**
 * hashicorp/vault-action's own `secrets` inputs (v3.4.0: src/action.test.js, src/retries.test.js,
 * integrationTests/basic, integrationTests/enterprise, the e2e and e2e-tls workflow steps), each with
 * the names and values vault-action's tests expect, run through the bundled action (test/harness)
 * against the Vault API server, with vault-action's other inputs where the test sets them. The step
 * gives `token` without `method`, as those tests do, so the vault-action surface is on by itself.
 *
 * Data the unit tests mock at path `test` is written at a path of its own under a KV v2 mount
 * (`unit/<row>`), since one Vault cannot hold them all at one path; the selector, the names and
 * the values are vault-action's. `cubbyhole` (per-token in Vault) is a KV v1 mount here: vault-action
 * reads both the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/runtime/errors.js';
import { parseSecrets } from '../../src/vault-secrets/secrets-spec.js';
import { explicitNames } from '../../src/vault-secrets/secrets-spec.js';
import { type NamespaceSeed, VaultServer } from '../../src/demo/services/vault-api-server.js';
import { fakeBackend, fixture, type Fixture, type VaultBackend } from './backend.js';
import { runVaultAction } from './run-action.js';

const MULTILINE_JSON = `
        {
            "x":1,
            "y":"bar"
        }
        `;
const JSON_STRING_MULTILINE = '{"x": 1, "y": "q\\nux"}';

const UNIT: Record<string, Record<string, unknown>> = {
  u8: { key: 1 },
  u9: { key: 'MQ==' },
  u10: { key: { x: 1, y: 2 } },
  u11: { key: '{"x":1,"y":2}' },
  u12: { key: MULTILINE_JSON },
  u13: { 测试: 1 },
  u14: { key: 1 },
  u15: { key: { value: 1 } },
};

const SEED: NamespaceSeed = {
  mounts: {
    secret: { type: 'kv', version: 2 },
    'secret-kv1': { type: 'kv', version: 1 },
    'my-secret': { type: 'kv', version: 1 },
    cubbyhole: { type: 'kv', version: 1 },
    unit: { type: 'kv', version: 2 },
    kv: { type: 'kv', version: 1 },
  },
  writes: [
    { path: 'secret/test', data: { secret: 'SUPERSECRET' } },
    { path: 'secret/test-with-dot-char', data: { 'secret.foo': 'SUPERSECRET' } },
    { path: 'secret/test-with-multi-dot-chars', data: { 'secret.foo.bar': 'SUPERSECRET' } },
    // integrationTests/basic writes "other-Secret-dash" here, the e2e setup otherSecret.
    {
      path: 'secret/nested/test',
      data: { 'other-Secret-dash': 'OTHERSUPERSECRET', otherSecret: 'OTHERSUPERSECRET' },
    },
    { path: 'secret/foobar', data: { fookv2: 'bar' } },
    { path: 'secret/test-json-string', data: { jsonString: '{"x":1,"y":"qux"}' } },
    { path: 'secret/test-json-data', data: { jsonData: { x: 1, y: 'qux' } } },
    { path: 'secret/test-json-string-multiline', data: { jsonStringMultiline: JSON_STRING_MULTILINE } },
    { path: 'secret/subsequent-test', data: { secret: 'SUBSEQUENT_TEST_SECRET' } },
    { path: 'secret/tlsSkipVerify', data: { skip: 'true' } },
    { path: 'secret-kv1/test', data: { secret: 'CUSTOMSECRET' } },
    { path: 'secret-kv1/foobar', data: { fookv1: 'bar' } },
    { path: 'secret-kv1/nested/test', data: { 'other-Secret-dash': 'OTHERCUSTOMSECRET' } },
    { path: 'my-secret/test', data: { altSecret: 'CUSTOMSECRET' } },
    { path: 'my-secret/nested/test', data: { otherAltSecret: 'OTHERCUSTOMSECRET' } },
    { path: 'cubbyhole/test', data: { foo: 'bar', zip: 'zap' } },
    { path: 'kv/mysecret', data: { key: 'value' } },
    ...Object.entries(UNIT).map(([row, data]) => ({ path: `unit/${row}`, data })),
  ],
};

const NAMESPACE_SEED: NamespaceSeed = {
  mounts: { secret: { type: 'kv', version: 2 }, 'my-secret': { type: 'kv', version: 1 } },
  writes: [
    { path: 'secret/test', data: { secret: 'SUPERSECRET_IN_NAMESPACE' } },
    { path: 'secret/nested/test', data: { otherSecret: 'OTHERSUPERSECRET_IN_NAMESPACE' } },
    { path: 'my-secret/test', data: { secret: 'CUSTOMSECRET_IN_NAMESPACE' } },
    { path: 'my-secret/nested/test', data: { otherSecret: 'OTHERCUSTOMSECRET_IN_NAMESPACE' } },
  ],
};

interface Row {
  /** Where the input is in vault-action's repository. */
  source: string;
  secrets: string;
  inputs?: Record<string, string>;
  /** Variables vault-action's test expects exported. */
  env?: Record<string, string>;
  /** vault-action asserts how many variables are exported (toBeCalledTimes): the set is exact. */
  exactEnv?: boolean;
  outputs?: Record<string, string>;
  /** vault-action's test expects the step to fail. */
  error?: RegExp;
  /** Faults the Vault API server injects first (retries.test.js). */
  fault?: { path: RegExp; status: number };
}

const ROWS: Row[] = [
  // src/action.test.js, exportSecrets (vault-action mocks KV v2 data; here at unit/<row>)
  {
    source: 'action.test.js simple secret retrieval',
    secrets: 'unit/u8 key',
    env: { KEY: '1' },
    outputs: { key: '1' },
  },
  {
    source: 'action.test.js encoded secret retrieval',
    secrets: 'unit/u9 key',
    inputs: { secretEncodingType: 'base64' },
    env: { KEY: '1' },
    outputs: { key: '1' },
  },
  {
    source: 'action.test.js JSON data secret retrieval',
    secrets: 'unit/u10 key',
    env: { KEY: '{"x":1,"y":2}' },
    outputs: { key: '{"x":1,"y":2}' },
  },
  {
    source: 'action.test.js JSON string secret retrieval',
    secrets: 'unit/u11 key',
    env: { KEY: '{"x":1,"y":2}' },
    outputs: { key: '{"x":1,"y":2}' },
  },
  {
    source: 'action.test.js multi-line JSON string secret retrieval',
    secrets: 'unit/u12 key',
    env: { KEY: MULTILINE_JSON },
    outputs: { key: MULTILINE_JSON },
  },
  {
    source: 'action.test.js intl secret retrieval',
    secrets: 'unit/u13 测试',
    env: { 测试: '1' },
    outputs: { 测试: '1' },
  },
  {
    source: 'action.test.js mapped secret retrieval',
    secrets: 'unit/u14 key|TEST_NAME',
    env: { TEST_NAME: '1' },
    outputs: { TEST_NAME: '1' },
  },
  {
    source: 'action.test.js nested secret retrieval',
    secrets: 'unit/u15 key.value',
    env: { KEY__VALUE: '1' },
    outputs: { key__value: '1' },
  },
  {
    source: 'action.test.js export Vault token',
    secrets: 'unit/u8 key',
    inputs: { exportToken: 'true' },
    env: { KEY: '1', VAULT_TOKEN: '<token>' },
    exactEnv: true,
    outputs: { key: '1' },
  },
  // src/retries.test.js
  {
    source: 'retries.test.js retries on 412 status code',
    secrets: 'kv/mysecret key',
    fault: { path: /^kv\/mysecret$/, status: 412 },
    env: { KEY: 'value' },
  },
  {
    source: 'retries.test.js retries on 500 status code',
    secrets: 'kv/mysecret key',
    fault: { path: /^kv\/mysecret$/, status: 500 },
    env: { KEY: 'value' },
  },
  // integrationTests/basic/integration.test.js
  {
    source: 'integration.test.js prints a nice error message when secret not found',
    secrets: `secret/data/test secret ;
        secret/data/test secret | NAMED_SECRET ;
        secret/data/notFound kehe | NO_SIR ;`,
    error: /secret\/data\/notFound.*HTTP 404/,
  },
  {
    source: 'integration.test.js does not error when secret not found and ignoreNotFound is true',
    secrets: `secret/data/test secret ;
        secret/data/test secret | NAMED_SECRET ;
        secret/data/notFound kehe | NO_SIR ;`,
    inputs: { ignoreNotFound: 'true' },
    env: { SECRET: 'SUPERSECRET', NAMED_SECRET: 'SUPERSECRET' },
    exactEnv: true,
  },
  {
    source: 'integration.test.js get simple secret',
    secrets: 'secret/data/test secret',
    env: { SECRET: 'SUPERSECRET' },
  },
  {
    source: 'integration.test.js re-map secret',
    secrets: 'secret/data/test secret | TEST_KEY',
    env: { TEST_KEY: 'SUPERSECRET' },
  },
  {
    source: 'integration.test.js get nested secret',
    secrets: 'secret/data/nested/test "other-Secret-dash"',
    env: { OTHERSECRETDASH: 'OTHERSUPERSECRET' },
  },
  {
    source: 'integration.test.js get multiple secrets',
    secrets: `
        secret/data/test secret ;
        secret/data/test secret | NAMED_SECRET ;
        secret/data/nested/test "other-Secret-dash" ;`,
    env: { SECRET: 'SUPERSECRET', NAMED_SECRET: 'SUPERSECRET', OTHERSECRETDASH: 'OTHERSUPERSECRET' },
    exactEnv: true,
  },
  {
    source: 'integration.test.js get wildcard secrets with dot char',
    secrets: 'secret/data/test-with-dot-char * ;',
    env: { SECRET__FOO: 'SUPERSECRET' },
    exactEnv: true,
    outputs: { secret__foo: 'SUPERSECRET' },
  },
  {
    source: 'integration.test.js get secrets with multiple dot chars',
    secrets: 'secret/data/test-with-multi-dot-chars * ;',
    env: { SECRET__FOO__BAR: 'SUPERSECRET' },
    exactEnv: true,
  },
  {
    source: 'integration.test.js get wildcard secrets',
    secrets: 'secret/data/test * ;',
    env: { SECRET: 'SUPERSECRET' },
    exactEnv: true,
    outputs: { secret: 'SUPERSECRET' },
  },
  {
    source: 'integration.test.js get wildcard secrets with name prefix',
    secrets: 'secret/data/test * | GROUP_ ;',
    env: { GROUP_SECRET: 'SUPERSECRET' },
    exactEnv: true,
    outputs: { GROUP_secret: 'SUPERSECRET' },
  },
  {
    source: 'integration.test.js leading slash kvv2',
    secrets: '/secret/data/foobar fookv2',
    env: { FOOKV2: 'bar' },
  },
  {
    source: 'integration.test.js get secret from K/V v1',
    secrets: 'secret-kv1/test secret',
    env: { SECRET: 'CUSTOMSECRET' },
  },
  {
    source: 'integration.test.js get nested secret from K/V v1',
    secrets: 'secret-kv1/nested/test "other-Secret-dash"',
    env: { OTHERSECRETDASH: 'OTHERCUSTOMSECRET' },
  },
  {
    source: 'integration.test.js get K/V v1 wildcard secrets',
    secrets: 'secret-kv1/test * ;',
    env: { SECRET: 'CUSTOMSECRET' },
    exactEnv: true,
  },
  {
    source: 'integration.test.js get K/V v1 wildcard secrets with name prefix',
    secrets: 'secret-kv1/test * | GROUP_ ;',
    env: { GROUP_SECRET: 'CUSTOMSECRET' },
    exactEnv: true,
  },
  {
    source: 'integration.test.js get wildcard nested secret from K/V v1',
    secrets: 'secret-kv1/nested/test *',
    env: { OTHERSECRETDASH: 'OTHERCUSTOMSECRET' },
    outputs: { otherSecretdash: 'OTHERCUSTOMSECRET' },
  },
  {
    source: 'integration.test.js leading slash kvv1',
    secrets: '/secret-kv1/foobar fookv1',
    env: { FOOKV1: 'bar' },
  },
  { source: 'integration.test.js supports cubbyhole', secrets: '/cubbyhole/test foo', env: { FOO: 'bar' } },
  {
    source: 'integration.test.js wildcard supports cubbyhole with uppercase transform',
    secrets: '/cubbyhole/test *',
    env: { FOO: 'bar', ZIP: 'zap' },
    exactEnv: true,
  },
  {
    source: 'integration.test.js wildcard supports cubbyhole with no change in case',
    secrets: '/cubbyhole/test **',
    env: { foo: 'bar', zip: 'zap' },
    exactEnv: true,
  },
  {
    source: 'integration.test.js wildcard supports cubbyhole with mixed case change',
    secrets: `
            /cubbyhole/test * ;
            /cubbyhole/test **`,
    env: { FOO: 'bar', ZIP: 'zap', foo: 'bar', zip: 'zap' },
    exactEnv: true,
  },
  {
    source: 'integration.test.js caches responses',
    secrets: `
            /cubbyhole/test foo ;
            /cubbyhole/test zip`,
    env: { FOO: 'bar', ZIP: 'zap' },
  },
  // integrationTests/enterprise/enterprise.test.js (namespace ns1)
  {
    source: 'enterprise.test.js get nested secret (namespace)',
    secrets: 'secret/data/nested/test otherSecret',
    inputs: { namespace: 'ns1' },
    env: { OTHERSECRET: 'OTHERSUPERSECRET_IN_NAMESPACE' },
  },
  {
    source: 'enterprise.test.js get wildcard secrets from K/V v1 with name prefix (namespace)',
    secrets: 'my-secret/test * | GROUP_',
    inputs: { namespace: 'ns1' },
    env: { GROUP_SECRET: 'CUSTOMSECRET_IN_NAMESPACE' },
  },
  {
    source: 'enterprise.test.js get multiple secrets (namespace)',
    secrets: `
            secret/data/test secret ;
            secret/data/test secret | NAMED_SECRET ;
            secret/data/nested/test otherSecret ;`,
    inputs: { namespace: 'ns1' },
    env: {
      SECRET: 'SUPERSECRET_IN_NAMESPACE',
      NAMED_SECRET: 'SUPERSECRET_IN_NAMESPACE',
      OTHERSECRET: 'OTHERSUPERSECRET_IN_NAMESPACE',
    },
  },
  // .github/workflows/build.yml e2e and e2e-tls steps, checked by integrationTests/e2e*/e2e*.test.js
  {
    source: 'e2e: Test Vault Action (default KV V2)',
    secrets: `secret/data/test secret ;
secret/data/test secret | NAMED_SECRET ;
secret/data/nested/test otherSecret ;
`,
    env: { SECRET: 'SUPERSECRET', NAMED_SECRET: 'SUPERSECRET', OTHERSECRET: 'OTHERSUPERSECRET' },
    outputs: { otherSecret: 'OTHERSUPERSECRET' },
  },
  {
    source: 'e2e: Test Vault Action (default KV V1)',
    secrets: `my-secret/test altSecret ;
my-secret/test altSecret | NAMED_ALTSECRET ;
my-secret/nested/test otherAltSecret ;
`,
    env: { ALTSECRET: 'CUSTOMSECRET', NAMED_ALTSECRET: 'CUSTOMSECRET', OTHERALTSECRET: 'OTHERCUSTOMSECRET' },
  },
  {
    source: 'e2e: Test Vault Action (cubbyhole)',
    secrets: `/cubbyhole/test foo ;
/cubbyhole/test zip | NAMED_CUBBYSECRET ;
`,
    env: { FOO: 'bar', NAMED_CUBBYSECRET: 'zap' },
  },
  {
    source: 'e2e: Test Vault Action Overwrites Env Vars In Subsequent Action (part 2/2)',
    secrets: 'secret/data/subsequent-test secret | SUBSEQUENT_TEST_SECRET;\n',
    env: { SUBSEQUENT_TEST_SECRET: 'SUBSEQUENT_TEST_SECRET' },
  },
  {
    source: 'e2e: Test JSON Secrets',
    secrets: `secret/data/test-json-data jsonData;
secret/data/test-json-string jsonString;
secret/data/test-json-string-multiline jsonStringMultiline;
`,
    env: {
      JSONSTRING: '{"x":1,"y":"qux"}',
      JSONSTRINGMULTILINE: '{"x": 1, "y": "q\\nux"}',
      JSONDATA: '{"x":1,"y":"qux"}',
    },
  },
  {
    source: 'e2e-tls: Test Vault Action (tlsSkipVerify)',
    secrets: 'secret/data/tlsSkipVerify skip ;\n',
    env: { SKIP: 'true' },
  },
];

/** src/action.test.js parseSecretsInput: the parse alone (no Vault), names as vault-action gives them. */
const PARSE_ROWS: {
  source: string;
  secrets: string;
  expected?: { path: string; outputVarName: string; envVarName: string }[];
  error?: RegExp;
}[] = [
  {
    source: 'parses simple secret',
    secrets: 'test key',
    expected: [{ path: 'test', outputVarName: 'key', envVarName: 'KEY' }],
  },
  {
    source: 'parses mapped secret',
    secrets: 'test key|testName',
    expected: [{ path: 'test', outputVarName: 'testName', envVarName: 'testName' }],
  },
  { source: 'fails on invalid mapped name', secrets: 'test key|', error: /nothing after '\|'/ },
  { source: 'fails on invalid path for mapped', secrets: '|testName', error: /expected 'path key'/ },
  {
    source: 'parses multiple secrets',
    secrets: 'first a;second b;',
    expected: [
      { path: 'first', outputVarName: 'a', envVarName: 'A' },
      { path: 'second', outputVarName: 'b', envVarName: 'B' },
    ],
  },
  {
    source: 'parses multiple complex secret input',
    secrets: 'first a;second b|secondName',
    expected: [
      { path: 'first', outputVarName: 'a', envVarName: 'A' },
      { path: 'second', outputVarName: 'secondName', envVarName: 'secondName' },
    ],
  },
  {
    source: 'parses multiline input',
    secrets: `
        first a;
        second b;
        third c | SOME_C;`,
    expected: [
      { path: 'first', outputVarName: 'a', envVarName: 'A' },
      { path: 'second', outputVarName: 'b', envVarName: 'B' },
      { path: 'third', outputVarName: 'SOME_C', envVarName: 'SOME_C' },
    ],
  },
];

let server: VaultServer;
let vault: VaultBackend;
let f: Fixture;

beforeAll(async () => {
  server = await new VaultServer().start();
  vault = fakeBackend(server);
  f = await fixture('127.0.0.1');
  server.applySeed('', SEED);
  server.applySeed('ns1', NAMESPACE_SEED);
});
afterAll(async () => {
  await f?.issuer.stop();
  await server?.stop();
});

describe("vault-action's secrets inputs, parsed (src/action.test.js parseSecretsInput)", () => {
  for (const row of PARSE_ROWS) {
    it(row.source, () => {
      if (row.error) {
        expect(() => parseSecrets(row.secrets, 'vault-action')).toThrow(ConfigurationError);
        expect(() => parseSecrets(row.secrets, 'vault-action')).toThrow(row.error);
        return;
      }
      const parsed = parseSecrets(row.secrets, 'vault-action').map((request) => {
        const names = explicitNames(request, 'vault-action');
        return { path: request.path, outputVarName: names.output, envVarName: names.env };
      });
      expect(parsed).toEqual(row.expected);
    });
  }
});

describe("vault-action's secrets inputs through the bundled action, with vault-action's expected names and values", () => {
  for (const row of ROWS) {
    it(row.source, async () => {
      if (row.fault) server.injectFault({ ...row.fault, times: 1 });
      const before = server.requests.length;
      const result = await runVaultAction(vault, f, {
        token: vault.rootToken,
        secrets: row.secrets,
        ...row.inputs,
      });
      if (row.error) {
        expect(result.main.exitCode).not.toBe(0);
        expect(result.main.errors.join('\n')).toMatch(row.error);
        return;
      }
      expect(result.main.errors).toEqual([]);
      const env = Object.fromEntries(
        Object.entries(row.env ?? {}).map(([name, value]) => [
          name,
          value === '<token>' ? vault.rootToken : value,
        ]),
      );
      if (row.exactEnv) expect(result.main.env).toEqual(env);
      else expect(result.main.env).toMatchObject(env);
      expect(result.main.outputs).toMatchObject(row.outputs ?? {});
      // One warning line, naming the Gantry equivalent.
      const warnings = result.main.annotations.filter((a) => a.command === 'warning');
      expect(warnings.filter((w) => w.value.includes('vault-secrets runs this step with'))).toHaveLength(1);
      if (row.fault) {
        const reads = server.requests.slice(before).filter((r) => row.fault!.path.test(r.path));
        expect(reads.map((r) => r.status)).toEqual([row.fault.status, 200]);
      }
    });
  }
});
