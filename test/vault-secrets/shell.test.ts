// `run` goes through the platform's default shell, found on the step's PATH as the runner finds it.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultShell } from '../../src/vault-secrets/command.js';

function pathWith(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-shell-'));
  mkdirSync(dir, { recursive: true });
  for (const name of names) {
    writeFileSync(join(dir, name), '');
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

describe('the shell for run', () => {
  it('is bash with -eo pipefail where bash is on PATH, on every platform', () => {
    const dir = pathWith('bash', 'sh', 'bash.exe', 'pwsh.exe');
    expect(defaultShell({ PATH: dir }, 'linux')).toMatchObject({ file: join(dir, 'bash') });
    expect(defaultShell({ PATH: dir }, 'linux').args('x')).toEqual([
      '--noprofile',
      '--norc',
      '-eo',
      'pipefail',
      '-c',
      'x',
    ]);
    expect(defaultShell({ Path: dir, PATHEXT: '.COM;.EXE' }, 'win32').file).toBe(join(dir, 'bash.exe'));
  });

  it('falls back to sh -e on Linux and macOS, and to pwsh, then cmd, on Windows', () => {
    const posix = pathWith('sh');
    expect(defaultShell({ PATH: posix }, 'darwin')).toMatchObject({ file: join(posix, 'sh') });
    expect(defaultShell({ PATH: posix }, 'darwin').args('x')).toEqual(['-e', '-c', 'x']);
    const windows = pathWith('pwsh.exe', 'cmd.exe');
    const pwsh = defaultShell({ Path: windows, PATHEXT: '.EXE' }, 'win32');
    expect(pwsh.file).toBe(join(windows, 'pwsh.exe'));
    expect(pwsh.args('deploy.ps1').at(-1)).toMatch(
      /^\$ErrorActionPreference = 'stop'; deploy\.ps1; .*exit \$LASTEXITCODE/,
    );
    const cmdOnly = pathWith('cmd.exe');
    expect(defaultShell({ Path: cmdOnly, PATHEXT: '.EXE' }, 'win32').args('echo %A%')).toEqual([
      '/D',
      '/E:ON',
      '/V:OFF',
      '/S',
      '/C',
      'echo %A%',
    ]);
  });

  it('runs a command written with CRLF line ends as the lines it holds (POSIX shells)', () => {
    const shell = defaultShell(process.env);
    const out = execFileSync(shell.file, shell.args('A=one\r\necho "[$A]"\r\n'), { encoding: 'utf8' });
    expect(out).toBe('[one]\n');
  });
});
