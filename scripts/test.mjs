// `npm test`: setup, build, then every check. All checks run even after a failure; the last
// line is `N passed, N failed`. Every process started here is stopped here, by PID.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { clerkjsPair, root, startServer } from "./lib.mjs";
import { setup } from "./setup.mjs";
import { build } from "./build.mjs";

const totals = { passed: 0, failed: 0 };
const failures = [];
// Test binaries cargo reported as failed (tests failed in them, or they did not run to the end).
const brokenTargets = [];
// Lines where scripts/wasm-test-runner.mjs stopped a wasm test binary whose page never loaded.
const stalls = [];
// Each failed test by name, with the first lines of its panic message: the closing lines repeat
// them, because a CI log is often read from its end only.
const failedTests = [];
const WASM = "wasm32-unknown-unknown";

/** Runs a command, streaming its output; counts `N passed; M failed` lines it prints. */
function check(name, cmd, args, { env = {}, counts = false } = {}) {
  console.log(`\n[test] ── ${name} ──`);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let passed = 0;
    let failed = 0;
    let tail = "";
    // Inside a "---- name ----" block of cargo's failure report: the test's name, and how many
    // lines of its panic message are still to keep.
    let report = null;
    const scan = (chunk, stream) => {
      stream.write(chunk);
      tail += chunk;
      const lines = tail.split("\n");
      tail = lines.pop();
      for (const line of lines) {
        if (line.startsWith("[wasm-test-runner] STALL") || line.startsWith("[wasm-test-runner] rerun")) stalls.push(line);
        const m = line.match(/(\d+) passed; (\d+) failed/);
        if (m) {
          passed += Number(m[1]);
          failed += Number(m[2]);
        }
        // cargo test --no-fail-fast names, at the end, every test binary that failed or
        // did not finish (a crash, a stalled page): reported by name in the closing lines.
        // (Cargo 1.95 prefixes the package: "`-p clerk-wasm --test dev_browser`".)
        const target = line.match(/^\s+`((?:-p \S+ )?(?:--lib|--doc|--test \S+|--bin \S+))`/);
        if (target) brokenTargets.push(`${name}: ${target[1]}`);
        // "test a::b ... FAILED" (libtest) or "... FAIL" (wasm-bindgen-test): a failed test.
        const failedTest = line.match(/^test (\S+) \.\.\. FAIL/);
        if (failedTest) failedTests.push({ test: failedTest[1], message: [] });
        const block = line.match(/^---- (\S+)(?: output)? ----$/);
        if (block) report = { test: block[1].replace(/^.*::/, ""), keep: 0 };
        else if (report && /panicked at /.test(line)) {
          report.keep = 4;
          report.lines = [];
        }
        if (report?.keep > 0 && line.trim()) {
          report.lines.push(line.trim().slice(0, 300));
          report.keep -= 1;
          const entry = failedTests.findLast((f) => f.test.endsWith(report.test));
          if (entry) entry.message = report.lines;
        }
        // node --test's TAP summary.
        const tap = line.match(/^# (pass|fail) (\d+)$/);
        if (tap) tap[1] === "pass" ? (passed += Number(tap[2])) : (failed += Number(tap[2]));
      }
    };
    child.stdout.on("data", (c) => scan(c, process.stdout));
    child.stderr.on("data", (c) => scan(c, process.stderr));
    const finish = (ok) => {
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      if (counts && passed + failed > 0) {
        // A crash after some tests passed must still fail the run.
        if (!ok && failed === 0) failed = 1;
      } else {
        [passed, failed] = ok ? [1, 0] : [0, 1];
      }
      totals.passed += passed;
      totals.failed += failed;
      if (!ok || failed) failures.push(name);
      console.log(`[test] ${name}: ${ok && !failed ? "ok" : "FAILED"} (${passed} passed, ${failed} failed, ${secs} s)`);
      resolve(ok);
    };
    child.on("error", (e) => {
      console.error(`[test] ${name}: could not start ${cmd}: ${e.message}`);
      finish(false);
    });
    child.on("exit", (code) => finish(code === 0));
  });
}

async function main() {
  const t0 = performance.now();
  try {
    await setup({ forTests: true });
    await build();
  } catch (e) {
    console.error(`[test] setup/build failed: ${e.message}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  await check("cargo fmt --check", "cargo", ["fmt", "--all", "--", "--check"]);
  await check("clippy (SDK, npm module, Rust example, wasm32)", "cargo", ["clippy", "-q", "-p", "clerk-wasm", "-p", "clerk-wasm-npm", "-p", "clerk-wasm-example-app", "--target", WASM, "--all-targets", "--", "-D", "warnings"]);
  await check("clippy (native)", "cargo", ["clippy", "-q", "--workspace", "--all-targets", "--", "-D", "warnings"]);
  await check("SDK unit tests (native)", "cargo", ["test", "-q", "--no-fail-fast", "-p", "clerk-wasm", "--lib"], { counts: true });
  await check("SDK doc tests", "cargo", ["test", "-q", "--no-fail-fast", "-p", "clerk-wasm", "--doc"], { counts: true });
  await check("development server tests", "cargo", ["test", "-q", "--no-fail-fast", "-p", "clerk-dev-server"], { counts: true });
  // The *.test.mjs files by name: given the directory, node --test also runs scripts/test.mjs
  // (its name matches node's test-file pattern), which is this whole suite again, nested.
  const scriptTests = readdirSync(path.join(root, "scripts"))
    .filter((f) => f.endsWith(".test.mjs"))
    .map((f) => path.join("scripts", f));
  await check("build scripts (node --test)", "node", ["--test", "--test-reporter=tap", ...scriptTests], { counts: true });
  await check("build clerk-dev-server", "cargo", ["build", "-q", "-p", "clerk-dev-server"]);

  let server = null;
  try {
    server = await startServer(["--faults"]);
    console.log(`[test] development server ${server.url} (pid ${server.pid})`);
    await check(
      "browser tests (wasm-bindgen-test, headless Chromium)",
      "cargo",
      // With the allocator the npm build ships, so the suites exercise it too.
      ["test", "--no-fail-fast", "-p", "clerk-wasm", "-p", "clerk-wasm-example-app", "--target", WASM, "--lib", "--test", "*", "--features", "clerk-wasm/small-alloc"],
      { env: { CLERK_DEV_SERVER_URL: server.url, CHROMEDRIVER: "/usr/bin/chromedriver" }, counts: true },
    );
    await check("bundler fixtures (npm pack → Vite, webpack, Rollup, esbuild, Vite + React; SSR; tsc)", "node", ["e2e/fixtures/build.mjs"]);
    // The pair the server printed for ClerkJS (e2e/clerkjs.test.mjs loads ClerkJS with it).
    const clerkjs = await clerkjsPair(server);
    await check("end to end (Playwright, Chromium)", "node", ["e2e/run.mjs"], {
      env: {
        CLERK_DEV_SERVER_URL: server.url,
        CLERKJS_PUBLISHABLE_KEY: clerkjs.key,
        CLERKJS_PROXY_URL: clerkjs.proxy,
      },
      counts: true,
    });
  } catch (e) {
    console.error(`[test] development server: ${e.message}`);
    totals.failed += 1;
    failures.push("development server");
  } finally {
    await server?.stop();
  }
  await check("size: script-tag payload within its ceiling (budget 90 KB)", "node", ["scripts/size.mjs", "--check"]);
  await check("benchmark smoke run (one iteration each)", "node", ["bench/run.mjs", "--smoke"]);

  const mins = ((performance.now() - t0) / 60000).toFixed(1);
  if (stalls.length) console.log(`\n[test] wasm test binaries stopped for a stalled page load:\n  ${stalls.join("\n  ")}`);
  for (const { test, message } of failedTests) {
    console.log(`\n[test] FAILED ${test}${message.map((l) => `\n    ${l}`).join("")}`);
  }
  if (brokenTargets.length) console.log(`\n[test] test binaries that failed or did not finish:\n  ${brokenTargets.join("\n  ")}`);
  if (failures.length) console.log(`\n[test] failed: ${failures.join("; ")}`);
  console.log(`[test] wall time ${mins} min`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed ? 1 : 0);
}

main();
