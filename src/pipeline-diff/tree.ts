import { type Git, splitNul } from '../git/index.js';

/** One commit's files, read through git plumbing (no checkout): path -> blob id, and blob contents. */
export class CommitTree {
  private constructor(
    private readonly git: Git,
    readonly commit: string,
    readonly blobs: Map<string, string>,
  ) {}

  /** Lists `commit`'s tree (regular files and executables; symlinks and submodules are not content). */
  static async open(git: Git, commit: string): Promise<CommitTree> {
    const out = (await git.run(['ls-tree', '-r', '-z', '--full-tree', commit])).stdout;
    const blobs = new Map<string, string>();
    for (const field of splitNul(out)) {
      // <mode> SP <type> SP <object> TAB <path>
      const tab = field.indexOf(9);
      if (tab < 0) continue;
      const [mode, type, oid] = field.toString('latin1', 0, tab).split(' ');
      if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !oid) continue;
      blobs.set(field.toString('utf8', tab + 1), oid);
    }
    return new CommitTree(git, commit, blobs);
  }

  /** Contents of the given paths (those in the tree), in one `git cat-file --batch`. */
  async read(paths: string[]): Promise<Map<string, Buffer>> {
    const wanted = [...new Set(paths)].filter((p) => this.blobs.has(p));
    const result = new Map<string, Buffer>();
    if (wanted.length === 0) return result;
    const ids = wanted.map((p) => this.blobs.get(p)!);
    const out = (await this.git.run(['cat-file', '--batch'], { input: `${ids.join('\n')}\n` })).stdout;
    const byId = new Map<string, Buffer>();
    let offset = 0;
    while (offset < out.length) {
      const headerEnd = out.indexOf(10, offset);
      if (headerEnd < 0) break;
      const [oid, type, sizeText] = out.toString('latin1', offset, headerEnd).split(' ');
      if (type === 'missing' || sizeText === undefined) {
        offset = headerEnd + 1;
        continue;
      }
      const size = Number(sizeText);
      byId.set(oid!, out.subarray(headerEnd + 1, headerEnd + 1 + size));
      offset = headerEnd + 1 + size + 1;
    }
    for (const [path, id] of wanted.map((p, i) => [p, ids[i]!] as const)) {
      const bytes = byId.get(id);
      if (bytes) result.set(path, bytes);
    }
    return result;
  }
}
