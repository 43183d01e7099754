export const ACTION = 'layer-cache';

export const INPUT = {
  mode: 'mode',
  cacheRepository: 'cache-repository',
  username: 'username',
  password: 'password',
  // buildx
  scope: 'scope',
  defaultBranch: 'default-branch',
  readOnly: 'read-only',
  // paths (the actions/cache names)
  path: 'path',
  key: 'key',
  restoreKeys: 'restore-keys',
  lookupOnly: 'lookup-only',
  failOnCacheMiss: 'fail-on-cache-miss',
  compression: 'compression',
  save: 'save',
  // prune
  keepLast: 'keep-last',
  maxAge: 'max-age',
  keyPrefix: 'key-prefix',
  dryRun: 'dry-run',
} as const;

export const OUTPUT = {
  cacheFrom: 'cache-from',
  cacheTo: 'cache-to',
  cacheHit: 'cache-hit',
  cacheMatchedKey: 'cache-matched-key',
  cachePrimaryKey: 'cache-primary-key',
  deleted: 'deleted',
  kept: 'kept',
} as const;

/** What main hands to post. */
export const STATE = {
  primaryKey: 'primary-key',
  matchedKey: 'matched-key',
  matchedDigest: 'matched-digest',
  brokenDigest: 'broken-digest',
} as const;

export const MODES = ['buildx', 'paths', 'prune'] as const;
export type Mode = (typeof MODES)[number];

export const COMPRESSIONS = ['zstd', 'gzip'] as const;
export type Compression = (typeof COMPRESSIONS)[number];

export const SAVE_WHEN = ['on-success', 'always', 'never'] as const;
export type SaveWhen = (typeof SAVE_WHEN)[number];

/** The cache manifest's config: what a restore and a prune read back. */
export const CACHE_CONFIG_MEDIA_TYPE = 'application/vnd.gantry.layer-cache.config.v1+json';
export const CACHE_ARTIFACT_TYPE = 'application/vnd.gantry.layer-cache.v1';
export const LAYER_MEDIA_TYPE: Record<Compression, string> = {
  zstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  gzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
};
export const ANNOTATION = {
  created: 'org.opencontainers.image.created',
  key: 'dev.gantry.cache.key',
  version: 'dev.gantry.cache.version',
  runId: 'dev.gantry.run-id',
  scope: 'dev.gantry.cache.scope',
} as const;
