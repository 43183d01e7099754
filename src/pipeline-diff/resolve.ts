import type { Git } from '../git/index.js';
import { parseReference, type RegistryClient } from '../oci/index.js';
import type { ImageResolver, UsesResolver } from './fingerprint.js';

/**
 * Tags and branches of action repositories resolved with `git ls-remote` against the GitHub server
 * (`<server>/<owner>/<repo>`; git's url.<base>.insteadOf applies, so a mirror works too). An
 * annotated tag is peeled to its commit; a tag wins over a branch of the same name, as GitHub
 * resolves `uses:`.
 */
export function lsRemoteResolver(git: Git, serverUrl: string): UsesResolver {
  return async (repository, ref) => {
    const url = `${serverUrl.replace(/\/+$/, '')}/${repository}`;
    const out = await git.text([
      'ls-remote',
      '--',
      url,
      `refs/tags/${ref}`,
      `refs/tags/${ref}^{}`,
      `refs/heads/${ref}`,
    ]);
    const refs = new Map<string, string>();
    for (const line of out.split('\n')) {
      const [sha, name] = line.split('\t');
      if (sha && name) refs.set(name, sha);
    }
    const commit =
      refs.get(`refs/tags/${ref}^{}`) ?? refs.get(`refs/tags/${ref}`) ?? refs.get(`refs/heads/${ref}`);
    if (!commit) throw new Error(`${repository} has no tag or branch ${ref}`);
    return commit;
  };
}

/** Image tags resolved to the digest the registry serves now (a HEAD on the manifest). */
export function registryResolver(client: RegistryClient): ImageResolver {
  return async (image) => {
    const ref = parseReference(image);
    if (ref.kind !== 'registry') throw new Error(`${image} is not a registry image`);
    if (ref.digest) return ref.digest;
    const tag = ref.tag ?? 'latest';
    const found = await client.repository(ref.registry, ref.repository).resolve(tag);
    if (!found) throw new Error(`${image}: the registry has no tag ${tag}`);
    return found.digest;
  };
}
