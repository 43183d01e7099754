import type { Statement } from './sigstore.js';

export const SLSA_V1 = 'https://slsa.dev/provenance/v1';
export const SLSA_V02 = 'https://slsa.dev/provenance/v0.2';

/** What the provenance must say about where and how the artifact was built. */
export interface SourcePolicy {
  /** owner/name on GitHub, or a full URL (https://github.com/owner/name). */
  repository?: string;
  /** refs/heads/main, refs/tags/v1.2.3. */
  ref?: string;
  /** The git commit (40 hex). */
  commit?: string;
  builderId?: string;
}

/** `owner/name[@ref]` or a URL, as the `expected-source` input takes it. */
export function parseExpectedSource(text: string): SourcePolicy {
  const at = text.lastIndexOf('@');
  const repo = at > 0 ? text.slice(0, at) : text;
  const ref = at > 0 ? text.slice(at + 1) : undefined;
  return { repository: normaliseRepo(repo), ref };
}

function normaliseRepo(text: string): string {
  return text
    .replace(/^git\+/, '')
    .replace(/^https?:\/\/github\.com\//i, '')
    .replace(/\.git$/, '')
    .replace(/\/$/, '')
    .toLowerCase();
}

interface Facts {
  builderId?: string;
  repository?: string;
  ref?: string;
  commit?: string;
}

interface Dependency {
  uri?: string;
  digest?: { gitCommit?: string; sha1?: string };
}
/** The parts of SLSA v1 and v0.2 predicates the gate reads (both shapes, every field optional). */
interface Predicate {
  buildDefinition?: {
    externalParameters?: { workflow?: { repository?: string; ref?: string } };
    resolvedDependencies?: Dependency[];
  };
  runDetails?: { builder?: { id?: string } };
  builder?: { id?: string };
  invocation?: { configSource?: Dependency };
}

function refOf(uri: string | undefined): string | undefined {
  return typeof uri === 'string' && uri.includes('@') ? uri.slice(uri.lastIndexOf('@') + 1) : undefined;
}

/** What a v1 or v0.2 SLSA predicate says, as GitHub Actions (and the SLSA GitHub generator) write it. */
export function provenanceFacts(statement: Statement): Facts | string {
  const p = statement.predicate as Predicate | undefined;
  if (typeof p !== 'object' || p === null) return 'the statement has no predicate';
  if (statement.predicateType === SLSA_V1) {
    const workflow = p.buildDefinition?.externalParameters?.workflow ?? {};
    const deps = Array.isArray(p.buildDefinition?.resolvedDependencies)
      ? p.buildDefinition.resolvedDependencies
      : [];
    const dep = deps.find((d) => d?.digest?.gitCommit || d?.digest?.sha1);
    return {
      builderId: p.runDetails?.builder?.id,
      repository: workflow.repository ?? dep?.uri?.replace(/@.*$/, ''),
      ref: workflow.ref ?? refOf(dep?.uri),
      commit: dep?.digest?.gitCommit ?? dep?.digest?.sha1,
    };
  }
  if (statement.predicateType === SLSA_V02) {
    const config = p.invocation?.configSource ?? {};
    return {
      builderId: p.builder?.id,
      repository: config.uri?.replace(/@.*$/, ''),
      ref: refOf(config.uri),
      commit: config.digest?.sha1 ?? config.digest?.gitCommit,
    };
  }
  return `its predicate type is ${statement.predicateType ?? 'missing'}, not ${SLSA_V1} or ${SLSA_V02}`;
}

/** undefined when the provenance satisfies the policy, else what differs (expected vs found). */
export function checkProvenance(statement: Statement, policy: SourcePolicy): string | undefined {
  const facts = provenanceFacts(statement);
  if (typeof facts === 'string') return facts;
  const problems: string[] = [];
  if (policy.repository && normaliseRepo(facts.repository ?? '') !== normaliseRepo(policy.repository))
    problems.push(`source repository expected ${policy.repository}, found ${facts.repository ?? 'none'}`);
  if (policy.ref && facts.ref !== policy.ref)
    problems.push(`ref expected ${policy.ref}, found ${facts.ref ?? 'none'}`);
  if (policy.commit && facts.commit?.toLowerCase() !== policy.commit.toLowerCase())
    problems.push(`commit expected ${policy.commit}, found ${facts.commit ?? 'none'}`);
  if (policy.builderId && facts.builderId !== policy.builderId)
    problems.push(`builder expected ${policy.builderId}, found ${facts.builderId ?? 'none'}`);
  return problems.length ? problems.join(', ') : undefined;
}
