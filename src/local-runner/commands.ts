/** The runner's two channels back from a step: workflow commands on stdout, and file commands. */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  value: string;
}

/** `::name key=value,key=value::data`, with the runner's %-escapes. */
export function parseCommand(line: string): WorkflowCommand | undefined {
  const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line.replace(/\r$/, '').trimStart());
  if (!match) return undefined;
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: match[1]!, properties, value: unescapeData(match[3] ?? '') };
}

function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

/**
 * GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE, read as the runner reads them: a line is `name=value`
 * or `name<<DELIM` … `DELIM`, whichever of the first `=` and the first `<<` comes first (so a name
 * holding `=` or `<<` is cut there, as on the runner).
 */
export function parseKeyValueFile(text: string): Record<string, string> {
  // No prototype: `__proto__` is a name like any other.
  const result = Object.create(null) as Record<string, string>;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (heredoc >= 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (name === '' || delimiter === '')
        throw new Error(`malformed file-command line: ${JSON.stringify(line)}`);
      const value: string[] = [];
      for (i++; i < lines.length && lines[i]!.replace(/\r$/, '') !== delimiter; i++) value.push(lines[i]!);
      if (i >= lines.length) throw new Error(`unterminated heredoc for ${name} (delimiter ${delimiter})`);
      result[name] = value.join('\n');
      continue;
    }
    if (eq <= 0) throw new Error(`malformed file-command line: ${JSON.stringify(line)}`);
    result[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return result;
}
