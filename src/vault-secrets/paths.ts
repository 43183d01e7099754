/**
 * Vault paths from inputs (auth-path, namespace, secret paths, user names in a login path). A path
 * is sent as URL segments, and URL resolution applies `.` and `..`: `approle/../../sys/tools/hash`
 * would post the credentials to another endpoint. So a segment is never empty, `.` or `..`, and
 * carries no percent-escape (`%2e%2e`, `%2f`), backslash or control character that a server or a
 * proxy could turn into one.
 */
export function pathTraversal(path: string): string | undefined {
  if (path === '') return 'it is empty';
  for (const segment of path.split('/')) {
    if (segment === '') return "it has an empty segment ('//', or a leading or trailing '/')";
    if (segment === '.' || segment === '..') return `it has a '${segment}' segment`;
    if (/%[0-9a-f]{2}/i.test(segment)) return 'it has a percent-escaped character';
    if (segment.includes('\\')) return 'it has a backslash';
    if (/[\u0000-\u001f\u007f]/.test(segment)) return 'it has a control character';
  }
  return undefined;
}
