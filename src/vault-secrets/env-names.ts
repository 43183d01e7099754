import { ConfigurationError } from '../runtime/errors.js';
import { INPUT } from './constants.js';

/**
 * Which environment variable names a secret may take with `run` or `export-env`. The one rule, in
 * one place (documented in actions/vault-secrets/README.md, "Environment names"):
 *
 * 1. A name derived from Vault's keys by `*` or `**` needs a prefix (`path * | APP_`): whoever can
 *    write a key into the path otherwise chooses a variable that runs code (GIT_EXTERNAL_DIFF,
 *    LD_AUDIT, BASH_ENV…), and no list of such variables is complete. The prefix is letters, digits
 *    and `_`, ends with `_`, and is not the start of a dangerous family (`GIT_`, `LD_`, `NODE_`…).
 * 2. Every name (explicit `| NAME`, a key written in the input, or prefix + key) is checked against
 *    the denylist below: the loader, shells, git, package managers, language runtimes, the JVM,
 *    proxies and TLS trust, and the runner's own variables.
 *
 * Names are compared upper-cased (the runner's Windows side and many tools ignore case).
 */

/** Exact names a secret never sets. */
export const DENIED_ENV_NAMES: ReadonlySet<string> = new Set([
  // shells and the process
  'PATH',
  'HOME',
  'SHELL',
  'ENV',
  'BASH_ENV',
  'SHELLOPTS',
  'BASHOPTS',
  'IFS',
  'CDPATH',
  'GLOBIGNORE',
  'PS1',
  'PS2',
  'PS3',
  'PS4',
  'PROMPT_COMMAND',
  'HISTFILE',
  'ZDOTDIR',
  'TMPDIR',
  'TMP',
  'TEMP',
  'EDITOR',
  'VISUAL',
  'PAGER',
  'MANPAGER',
  'BROWSER',
  'LESSOPEN',
  'LESSCLOSE',
  'SSH_ASKPASS',
  'SUDO_ASKPASS',
  'SSH_AUTH_SOCK',
  'TERMINFO',
  // glibc: tunables, charset converters, locales, resolver
  'GLIBC_TUNABLES',
  'GCONV_PATH',
  'LOCPATH',
  'NLSPATH',
  'HOSTALIASES',
  'RES_OPTIONS',
  'LOCALDOMAIN',
  // proxies and TLS trust
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'ALL_PROXY',
  'NO_PROXY',
  'FTP_PROXY',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CURL_CA_BUNDLE',
  'REQUESTS_CA_BUNDLE',
  'CURL_HOME',
  'WGETRC',
  // language runtimes
  'NODE_OPTIONS',
  'NODE_PATH',
  'NODE_EXTRA_CA_CERTS',
  'NODE_TLS_REJECT_UNAUTHORIZED',
  'NODE_REPL_EXTERNAL_MODULE',
  'RUBYOPT',
  'RUBYLIB',
  'CLASSPATH',
  '_JAVA_OPTIONS',
  'JDK_JAVA_OPTIONS',
  'GOFLAGS',
  'GOPROXY',
  'GOPRIVATE',
  'GONOSUMDB',
  'GONOSUMCHECK',
  'GOINSECURE',
  'GOENV',
  'GOTOOLCHAIN',
  'GOROOT',
  'GOPATH',
  'RUSTFLAGS',
  'RUSTC_WRAPPER',
  'RUSTDOCFLAGS',
  'KUBECONFIG',
  'CI',
]);

/** Families: every name starting with one of these. */
export const DENIED_ENV_PREFIXES: readonly string[] = [
  // the loader
  'LD_',
  'DYLD_',
  'MALLOC_',
  // shells (exported functions are BASH_FUNC_…)
  'BASH_',
  'ZSH_',
  // git (GIT_EXTERNAL_DIFF, GIT_SSH, GIT_ASKPASS, GIT_CONFIG_*, GIT_EXEC_PATH…)
  'GIT_',
  'XDG_',
  // package managers and build tools
  'NPM_CONFIG_',
  'YARN_',
  'PNPM_',
  'COREPACK_',
  'PIP_',
  'UV_',
  'POETRY_',
  'PIPENV_',
  'CONDA_',
  'GEM_',
  'BUNDLE_',
  'CARGO_',
  'RUSTUP_',
  'COMPOSER_',
  'NUGET_',
  'DOTNET_',
  'CORECLR_',
  'COMPLUS_',
  'MAVEN_',
  'GRADLE_',
  'SBT_',
  'ANT_',
  // language runtimes
  'PYTHON',
  'PERL5',
  'PERL_',
  'PERLLIB',
  'JAVA_',
  'JDK_',
  'RUBY_',
  'OPENSSL_',
  // containers and the Vault CLI a later command may run
  'DOCKER_',
  'BUILDKIT_',
  'VAULT_',
  // the runner's own
  'GITHUB_',
  'RUNNER_',
  'ACTIONS_',
  'INPUT_',
  'STATE_',
];

/** Why `name` may not carry a secret into an environment, or undefined when it may. */
export function deniedEnvName(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (DENIED_ENV_NAMES.has(upper)) return `${name} changes how programs run or where they connect`;
  const family = DENIED_ENV_PREFIXES.find((prefix) => upper.startsWith(prefix));
  if (family) return `${name} is in the ${family}* family, which changes how programs run`;
  return undefined;
}

const PREFIX_SHAPE = /^[A-Za-z][A-Za-z0-9_]*_$/;

/** Why `prefix` cannot stand before names derived from Vault keys, or undefined when it can. */
export function wildcardPrefixProblem(prefix: string | undefined): string | undefined {
  if (prefix === undefined || prefix === '')
    return "names taken from Vault's keys need a prefix: write 'path * | PREFIX_' (for example APP_)";
  if (!PREFIX_SHAPE.test(prefix))
    return `the prefix '${prefix}' must be letters, digits and _, start with a letter and end with _ (for example APP_)`;
  const upper = prefix.toUpperCase();
  const exact = [...DENIED_ENV_NAMES].find((name) => name.startsWith(upper));
  const family = DENIED_ENV_PREFIXES.find((f) => upper.startsWith(f) || f.startsWith(upper));
  if (exact || family)
    return `the prefix '${prefix}' starts names such as ${exact ?? `${family}…`} that change how programs run; choose another (for example APP_)`;
  return undefined;
}

/** One name a secret would take in an environment, and where it came from. */
export interface EnvNameUse {
  name: string;
  /** 1-based line of the `secrets` input. */
  line: number;
  /** The name comes from Vault's keys (`*` or `**`); `prefix` is what the input put before them. */
  wildcard: boolean;
  prefix?: string;
}

/** Throws a ConfigurationError for the first use the rule refuses. */
export function checkEnvNames(uses: Iterable<EnvNameUse>): void {
  for (const use of uses) {
    const problem = (use.wildcard ? wildcardPrefixProblem(use.prefix) : undefined) ?? deniedEnvName(use.name);
    if (problem) {
      throw new ConfigurationError(
        `Input '${INPUT.secrets}', line ${use.line}: with '${INPUT.run}' or '${INPUT.exportEnv}', ${problem}. ${
          use.wildcard ? '' : "Give it another name with '| NAME'. "
        }See "Environment names" in the vault-secrets README.`.trimEnd(),
      );
    }
  }
}
