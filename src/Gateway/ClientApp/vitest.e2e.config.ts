import { defineConfig } from "vitest/config";

// End-to-end tests: the published gateway as a real process, driven in Debian's headless Chromium.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/server.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // What another browser sees arrives over the network: wait for it, up to a limit.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    reporters: ["default", "junit"],
    outputFile: { junit: process.env.COMMUNITY_E2E_JUNIT ?? "test-results/e2e-junit.xml" },
  },
});
