import { defineConfig } from "vitest/config";

// The gateway serves the built client from its wwwroot; nothing built is committed.
export default defineConfig({
  build: {
    outDir: "../wwwroot",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
