export {
  callGitHub,
  gitHubError,
  GitHubProxyError,
  GitHubRateLimitError,
  type GitHub,
  githubClient,
  netFetch,
} from './client.js';
export { branchOf, type EventPayload, type GitHubContext, readGitHubContext, tagOf } from './context.js';
