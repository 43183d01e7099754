export const INPUT = {
  layout: 'layout',
  tag: 'tag',
  syftVersion: 'syft-version',
  syftReleases: 'syft-releases',
} as const;

export const OUTPUT = {
  sbomDigest: 'sbom-digest',
  subject: 'subject',
  syftCached: 'syft-cached',
  source: 'source',
} as const;
