export const ACTION = 'registry-retention';

export const INPUT = {
  rules: 'rules',
  repository: 'repository',
  apply: 'apply',
  username: 'username',
  password: 'password',
  githubToken: 'github-token',
  insecureRegistries: 'insecure-registries',
  concurrency: 'concurrency',
  planFile: 'plan-file',
} as const;

export const OUTPUT = {
  plan: 'plan',
  planFile: 'plan-file',
  toDelete: 'to-delete',
  deleted: 'deleted',
  bytesFreed: 'bytes-freed',
} as const;

/** The referrers tag schema's index tag (`sha256-<hex>`) and cosign's tags (`sha256-<hex>.sig` …). */
export const ATTACHMENT_TAG = /^sha256-([0-9a-f]{64})(?:\.(?:sig|att|sbom))?$/;
