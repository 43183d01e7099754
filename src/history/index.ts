export {
  BranchHistory,
  CacheHistory,
  type CacheClient,
  DirHistory,
  type EncodedRecord,
  type HistoryStore,
  keyOfFileName,
  type RecordFormat,
  type RecordKey,
  recordFileName,
  safeRunId,
  type StoredRecord,
} from './store.js';
export { type HistoryInputs, type OpenHistoryOptions, openHistoryStore } from './open.js';
