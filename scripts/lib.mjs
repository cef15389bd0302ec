// Small helpers shared by the setup, build, start, test and bench scripts.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Runs a command with inherited output; resolves on exit 0, rejects naming the command otherwise. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", ...options });
    child.on("error", (e) => reject(new Error(`${cmd} could not start: ${e.message}`)));
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

/** Runs a command and returns its stdout, or null when it cannot run or fails. */
export function output(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", ...options });
  return r.status === 0 ? r.stdout : null;
}

/** One line per step: `  ok   name (detail)` or a failure that names what to do. */
export async function step(name, fn, tag = "setup") {
  const t0 = performance.now();
  try {
    const detail = await fn();
    const ms = Math.round(performance.now() - t0);
    console.log(`[${tag}] ${name}: ${detail ?? "ok"}${ms > 1000 ? ` (${(ms / 1000).toFixed(1)} s)` : ""}`);
  } catch (e) {
    console.error(`[${tag}] ${name}: FAILED: ${e.message}`);
    throw e;
  }
}

/**
 * Starts clerk-dev-server (already built) on a free loopback port and resolves once it listens.
 * The returned `stop()` kills it by PID and waits for it to exit.
 */
export function startServer(extraArgs = [], { quiet = true, binary = "debug" } = {}) {
  const bin = path.join(root, "target", binary, "clerk-dev-server");
  const child = spawn(bin, ["--port", "0", "--root", root, ...extraArgs], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let buffered = "";
    let listening = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("clerk-dev-server did not print its URL within 20 s"));
    }, 20_000);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`clerk-dev-server could not start: ${e.message}`));
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`clerk-dev-server exited early with ${code}`));
    });
    child.stdout.on("data", (chunk) => {
      buffered += chunk;
      if (!quiet) process.stdout.write(chunk);
      const m = buffered.match(/clerk-dev-server listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (!m || listening) return;
      listening = true;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        url: m[1],
        pid: child.pid,
        output: () => buffered,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", done);
            process.kill(child.pid, "SIGTERM");
            setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 3000).unref();
          }),
      });
    });
  });
}

/**
 * The key and proxy URL a started server prints for ClerkJS (`clerkjs publishable key: …`,
 * `clerkjs proxy url: …`, after its first line, so waited for briefly).
 */
export async function clerkjsPair(server) {
  const printed = (label) => server.output().match(new RegExp(`^${label}: (\\S+)$`, "m"))?.[1];
  for (let waited = 0; waited < 5000; waited += 50) {
    const [key, proxy] = [printed("clerkjs publishable key"), printed("clerkjs proxy url")];
    if (key && proxy) return { key, proxy };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the development server printed no ClerkJS key and proxy URL");
}
