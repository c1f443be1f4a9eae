// Starts SharpBase for the SDK suite: publishes it once, then runs it on a free loopback port with a fresh
// data folder (SQLite) or a fresh PostgreSQL database, and creates a superuser through the CLI.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SUPERUSER = { email: "root@example.com", password: "sdk suite password" };

let published;
function publishOnce() {
  if (process.env.SHARPBASE_SDK_DLL) return process.env.SHARPBASE_SDK_DLL;
  if (published) return published;
  const out = mkdtempSync(join(tmpdir(), "sharpbase-sdk-bin-"));
  execFileSync("dotnet", ["publish", join(root, "src/SharpBase"), "-c", "Release", "-o", out, "--nologo", "-v", "quiet"], { stdio: "inherit" });
  published = join(out, "SharpBase.dll");
  return published;
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

async function createPostgresDatabase() {
  const admin = process.env.SHARPBASE_TEST_PG;
  if (!admin) throw new Error("SHARPBASE_TEST_PG is not set: the PostgreSQL leg cannot run");
  const parts = Object.fromEntries(admin.split(";").filter(Boolean).map((kv) => {
    const i = kv.indexOf("=");
    return [kv.slice(0, i).trim().toLowerCase(), kv.slice(i + 1).trim()];
  }));
  const name = "sb_sdk_" + Math.random().toString(36).slice(2, 12);
  const client = new pg.Client({ host: parts.host, port: Number(parts.port ?? 5432), user: parts.username, password: parts.password, database: parts.database ?? "postgres" });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const connectionString = `Host=${parts.host};Port=${parts.port ?? 5432};Username=${parts.username};Password=${parts.password ?? ""};Database=${name}`;
  const drop = async () => {
    const c = new pg.Client({ host: parts.host, port: Number(parts.port ?? 5432), user: parts.username, password: parts.password, database: parts.database ?? "postgres" });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
  return { connectionString, drop };
}

/** Starts a server on `kind` ("sqlite" | "postgres"); returns { url, dataDir, log, stop }. */
export async function startServer(kind) {
  const dll = publishOnce();
  const dir = mkdtempSync(join(tmpdir(), "sharpbase-sdk-data-"));
  const dataDir = join(dir, "sb_data");
  const flags = ["--dir", dataDir];
  let database;
  if (kind === "postgres") {
    database = await createPostgresDatabase();
    flags.push("--db", database.connectionString);
  }

  execFileSync("dotnet", [dll, "superuser", "upsert", SUPERUSER.email, SUPERUSER.password, ...flags], { stdio: "pipe" });
  const port = await freePort();
  const child = spawn("dotnet", [dll, "serve", "--http", `127.0.0.1:${port}`, ...flags], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`SharpBase did not start (${kind}):\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    dataDir,
    log: () => log,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
      if (database) await database.drop();
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The database kinds every suite runs on. */
export const KINDS = ["sqlite", "postgres"];
