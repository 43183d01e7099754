export {
  type GitHub,
  GitHubProxyError,
  GitHubRateLimitError,
  gitHubError,
  githubClient,
  netFetch,
} from './client.js';
export { branchOf, type EventPayload, type GitHubContext, readGitHubContext, tagOf } from './context.js';
