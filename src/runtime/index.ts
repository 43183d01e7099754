export { ConfigurationError, errorMessage, isConfigurationError, quoteGiven } from './errors.js';
export {
  exactlyOneOf,
  type InputReader,
  inputReader,
  parseBoolean,
  parseDuration,
  parseSize,
} from './inputs.js';
export { correlationFrom, type StageFields, StructuredLog } from './log.js';
export { type ActionContext, type ActionFn, runStep } from './step.js';
export {
  ANNOTATION_LIMIT_PER_LEVEL,
  type Annotation,
  type AnnotationLevel,
  IdTokenError,
  type Runtime,
  SUMMARY_LIMIT_BYTES,
} from './runtime.js';
export {
  defuseCommands,
  details,
  escapeMarkdown,
  markdownTable,
  maskSecrets,
  oneLine,
  truncateUtf8,
} from './text.js';
