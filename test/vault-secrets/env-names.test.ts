/** The environment-name rule (src/vault-secrets/env-names.ts) as a table: what it refuses and what it lets through. */
import { describe, expect, it } from 'vitest';
import {
  checkEnvNames,
  DENIED_ENV_NAMES,
  DENIED_ENV_PREFIXES,
  deniedEnvName,
  wildcardPrefixProblem,
} from '../../src/vault-secrets/env-names.js';

describe('environment names', () => {
  it('refuses every listed name and every member of a listed family, in any case', () => {
    for (const name of DENIED_ENV_NAMES) {
      expect(deniedEnvName(name)).toBeDefined();
      expect(deniedEnvName(name.toLowerCase())).toBeDefined();
    }
    for (const family of DENIED_ENV_PREFIXES) {
      expect(deniedEnvName(`${family}ANYTHING`)).toContain(`${family}*`);
      expect(deniedEnvName(`${family.toLowerCase()}x`)).toBeDefined();
    }
  });

  it.each([
    'GIT_EXTERNAL_DIFF',
    'GIT_SSH',
    'GIT_ASKPASS',
    'LD_AUDIT',
    'LD_PRELOAD',
    'DYLD_INSERT_LIBRARIES',
    'SHELLOPTS',
    'BASHOPTS',
    'BASH_ENV',
    'BASH_FUNC_x',
    'ENV',
    'PS4',
    'PROMPT_COMMAND',
    'IFS',
    'PATH',
    '_JAVA_OPTIONS',
    'JAVA_TOOL_OPTIONS',
    'JDK_JAVA_OPTIONS',
    'NODE_OPTIONS',
    'PYTHONPATH',
    'PYTHONSTARTUP',
    'RUBYOPT',
    'PERL5OPT',
    'NPM_CONFIG_USERCONFIG',
    'npm_config_registry',
    'YARN_RC_FILENAME',
    'PIP_INDEX_URL',
    'HTTPS_PROXY',
    'http_proxy',
    'NO_PROXY',
    'GITHUB_ENV',
    'RUNNER_TEMP',
    'ACTIONS_RUNTIME_TOKEN',
    'GLIBC_TUNABLES',
    'GCONV_PATH',
    'XDG_CONFIG_HOME',
    'SSL_CERT_FILE',
    'DOTNET_STARTUP_HOOKS',
    'VAULT_ADDR',
  ])('refuses %s', (name) => {
    expect(deniedEnvName(name)).toBeDefined();
  });

  it.each(['DB_PASSWORD', 'API_KEY', 'AWS_ACCESS_KEY_ID', 'APP_NODE_OPTIONS', 'PGPASSWORD', 'TOKEN'])(
    'lets %s through',
    (name) => {
      expect(deniedEnvName(name)).toBeUndefined();
    },
  );

  it('asks a wildcard for a prefix shaped like a variable family of its own, not a dangerous one', () => {
    expect(wildcardPrefixProblem(undefined)).toMatch(/need a prefix/);
    expect(wildcardPrefixProblem('')).toMatch(/need a prefix/);
    for (const bad of ['APP', '1APP_', 'APP-', '_', 'A B_'])
      expect(wildcardPrefixProblem(bad)).toMatch(/must be/);
    for (const dangerous of [
      'GIT_',
      'LD_',
      'NODE_',
      'PYTHON_',
      'GITHUB_',
      'BASH_',
      'NPM_',
      'NPM_CONFIG_',
      'JAVA_',
      'SSL_',
      'XDG_',
    ])
      expect(wildcardPrefixProblem(dangerous)).toMatch(/change how programs run/);
    for (const fine of ['APP_', 'SVC_', 'my_app_', 'DB2_'])
      expect(wildcardPrefixProblem(fine)).toBeUndefined();
  });

  it('no valid prefix can form a refused name, whatever the key', () => {
    const prefixes = ['APP_', 'SVC_', 'P_', 'X_', 'DB_'];
    const exact = [...DENIED_ENV_NAMES];
    for (const prefix of prefixes) {
      expect(wildcardPrefixProblem(prefix)).toBeUndefined();
      expect(exact.filter((name) => name.startsWith(prefix))).toEqual([]);
      expect(DENIED_ENV_PREFIXES.filter((f) => f.startsWith(prefix) || prefix.startsWith(f))).toEqual([]);
    }
  });

  it('names the secrets line and, for an explicit name, how to rename it', () => {
    expect(() => checkEnvNames([{ name: 'LD_AUDIT', line: 3, wildcard: false }])).toThrow(
      /^Input 'secrets', line 3: with 'run' or 'export-env', LD_AUDIT is in the LD_\* family.*Give it another name with '\| NAME'/,
    );
    expect(() => checkEnvNames([{ name: 'X', line: 2, wildcard: true }])).toThrow(/line 2: .*need a prefix/);
    expect(() => checkEnvNames([{ name: 'APP_X', line: 1, wildcard: true, prefix: 'APP_' }])).not.toThrow();
  });
});
