import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // GitHub's workflow parser imports JSON without an import attribute; inlining lets vite load it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
