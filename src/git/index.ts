export {
  defaultTimeoutMs,
  Git,
  GitError,
  GitTimeoutError,
  LS_REMOTE_TIMEOUT_MS,
  type GitResult,
  type GitRunOptions,
  type GitStats,
  splitNul,
} from './git.js';
