import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createServer, Socket } from "node:net";
import { resolve } from "node:path";
import { promisify } from "node:util";

// Starts a local MongoDB-protocol server for tests and for `npm start` without MONGODB_URI:
// FerretDB (SQLite backend) built by scripts/ferretdb.sh, or a `mongod` found on PATH.

const run = promisify(execFile);

export interface LocalServer {
  uri: string;
  kind: "ferretdb" | "mongod";
  binary: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface LocalServerOptions {
  dataDir: string;
  /** Where scripts/ferretdb.sh lives; defaults to the project root of this file. */
  projectRoot?: string;
  log?: (msg: string) => void;
  preferMongod?: boolean;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

async function which(cmd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run("bash", ["-c", `command -v ${cmd}`]);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

async function ferretdbBinary(projectRoot: string): Promise<string> {
  // The script prints the binary's path on its last line, building it first if needed.
  const script = resolve(projectRoot, "scripts/ferretdb.sh");
  try {
    const { stdout } = await run("bash", [script], { maxBuffer: 1 << 20, timeout: 15 * 60_000 });
    const path = stdout.trim().split("\n").pop();
    if (!path) throw new Error("scripts/ferretdb.sh printed no path");
    return path;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`FerretDB is not available: ${stderr.trim() || String(error)}`, { cause: error });
  }
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`database server exited (${child.exitCode}): ${output()}`);
    const open = await new Promise<boolean>((ok) => {
      const socket = new Socket();
      socket.once("connect", () => {
        socket.destroy();
        ok(true);
      });
      socket.once("error", () => ok(false));
      socket.connect(port, "127.0.0.1");
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`database server did not listen on ${port}: ${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const log = options.log ?? (() => {});
  const projectRoot = options.projectRoot ?? resolve(import.meta.dirname, "../..");
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const port = await freePort();

  const mongod = options.preferMongod === false ? undefined : await which("mongod");
  let binary: string;
  let args: string[];
  let kind: LocalServer["kind"];
  if (mongod) {
    kind = "mongod";
    binary = mongod;
    args = ["--dbpath", dataDir, "--bind_ip", "127.0.0.1", "--port", String(port), "--quiet"];
  } else {
    kind = "ferretdb";
    log("preparing FerretDB (the first run builds it with Go, which takes a minute or two)");
    binary = await ferretdbBinary(projectRoot);
    args = [
      "--handler=sqlite",
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      "--debug-addr=-",
      "--telemetry=disable",
      "--log-level=warn",
    ];
  }

  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  await waitForPort(port, child, () => output);
  log(`started ${kind} (${binary}) on 127.0.0.1:${port}, files in ${dataDir}`);

  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    kind,
    binary,
    dataDir,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
