/** The suite's pipeline templates (action-templates/<name>), in pipeline order. */
export const TEMPLATE_NAMES: readonly string[] = [
  'build-once',
  'test-with-quarantine',
  'promote-environment',
  'deploy-with-secrets',
  'service-pipeline',
];
