import { defineConfig } from "vitest/config";

const gateway = "http://127.0.0.1:5080";

// The gateway serves the built client from its wwwroot; nothing built is committed.
export default defineConfig({
  build: {
    outDir: "../wwwroot",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
  },
  // `npm run dev`: the client with live reload, the server's paths passed to a gateway on port 5080.
  server: {
    host: "127.0.0.1",
    proxy: {
      "/api": gateway,
      "/client": gateway,
      "/openapi": gateway,
      "/scalar": gateway,
      "/health": gateway,
      "/hubs": { target: gateway, ws: true },
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
