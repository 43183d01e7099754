export { Git, GitError, type GitResult, type GitRunOptions, type GitStats, splitNul } from './git.js';
