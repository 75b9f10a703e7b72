import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

export const ADMIN = { handle: "admin", password: "change-me-please-e2e" };

/**
 * Starts the published gateway (COMMUNITY_GATEWAY_DIR, from `dotnet publish`) as a real process on a
 * free loopback port, with a data folder of its own (SQLite), and stops it after the run.
 */
export default async function setup(project: TestProject) {
  const dir = process.env.COMMUNITY_GATEWAY_DIR;
  if (!dir || !existsSync(join(dir, "Community.Gateway.dll")))
    throw new Error("COMMUNITY_GATEWAY_DIR must name a folder with the published gateway (dotnet publish src/Gateway -o <dir>)");
  const port = await freePort();
  // Mail on, towards a port where no SMTP server listens: the browser tests check what the client asks
  // of the server (the outbox), not delivery, which the server's own tests cover against a real SMTP server.
  const smtpPort = await freePort();
  const data = mkdtempSync(join(tmpdir(), "community-e2e-"));
  const base = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const child: ChildProcess = spawn("dotnet", ["Community.Gateway.dll", `--urls=${base}`, `--Community:DataPath=${data}`, "--Serilog:MinimumLevel:Default=Warning"], {
    cwd: dir,
    env: {
      ...process.env,
      Community__Bootstrap__Handle: ADMIN.handle,
      Community__Bootstrap__Password: ADMIN.password,
      Community__Bootstrap__DisplayName: "事務局",
      Community__Network__Name: "テック社 アルムナイ",
      // The browser tests send faster than people do.
      Community__Limits__MessageBurst: "200",
      Community__Limits__MessagesPerSecond: "100",
      Community__Limits__LoginAttemptsPerWindow: "1000",
      Community__Limits__AnonymousRequestBurst: "100000",
      Community__Limits__AnonymousRequestsPerMinute: "100000",
      Community__Mail__Host: "127.0.0.1",
      Community__Mail__Port: String(smtpPort),
      Community__Mail__Security: "None",
      Community__Mail__From: "noreply@alumni.example.test",
      Community__Mail__BaseUrl: base,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => log.push(String(d)));
  child.stderr?.on("data", (d) => log.push(String(d)));
  await waitReady(base, child, log);
  project.provide("baseUrl", base);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => {
      const timer = setTimeout(() => { child.kill("SIGKILL"); resolve(null); }, 10_000);
      child.once("exit", () => { clearTimeout(timer); resolve(null); });
    });
    rmSync(data, { recursive: true, force: true });
    const problems = log.join("").split("\n").filter((l) => / (ERR|FTL)\] /.test(l));
    if (problems.length > 0) console.warn(`The gateway logged errors:\n${problems.join("\n")}`);
  };
}

async function waitReady(base: string, child: ChildProcess, log: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The gateway exited with ${child.exitCode}:\n${log.join("")}`);
    try {
      if ((await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The gateway did not become ready within 60 s:\n${log.join("")}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
