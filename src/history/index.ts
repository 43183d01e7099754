export { type HistoryInputs, type OpenHistoryOptions, openHistoryStore } from './open.js';
export {
  BranchHistory,
  type CacheClient,
  CacheHistory,
  DirHistory,
  type EncodedRecord,
  type HistoryStore,
  keyOfFileName,
  type RecordFormat,
  type RecordKey,
  recordFileName,
  type StoredRecord,
  safeRunId,
} from './store.js';
