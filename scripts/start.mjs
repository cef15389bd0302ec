// `npm start`: setup, build, then the development server on http://127.0.0.1:4000 serving the
// demo (www/), the package (dist/) and the emulated Frontend API. Ctrl-C stops it.
import { spawn } from "node:child_process";
import path from "node:path";
import { root, run, step } from "./lib.mjs";
import { setup } from "./setup.mjs";
import { build } from "./build.mjs";

const port = process.env.PORT ?? "4000";

async function main() {
  await setup();
  await build();
  await step("cargo build clerk-dev-server", () => run("cargo", ["build", "-q", "-p", "clerk-dev-server"]), "start");
  const bin = path.join(root, "target", "debug", "clerk-dev-server");
  const server = spawn(bin, ["--port", port, "--root", root, ...process.argv.slice(2)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let told = false;
  server.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    const url = !told && String(chunk).match(/listening on (http:\/\/\S+)/)?.[1];
    if (!url) return;
    told = true;
    console.log(`\nOpen ${url}/ and choose "Sign in", then a demo user: the user button appears top right.`);
    console.log('Open it and choose "Sign out". Ctrl-C stops the server.\n');
  });
  const stop = () => server.exitCode === null && process.kill(server.pid, "SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
}

main().catch(() => process.exit(1));
