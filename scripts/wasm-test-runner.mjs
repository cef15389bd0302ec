#!/usr/bin/env node
// Cargo's runner for wasm32 test binaries (.cargo/config.toml): runs wasm-bindgen-test-runner with
// Chromium's page traffic going through a loopback proxy that opens one connection per request.
//
// Why. wasm-bindgen-test-runner 0.2.130 serves the test page with rouille on tiny_http 0.12, which
// gives each TCP connection a thread for the connection's whole life and starts with 4 threads.
// Its TaskPool::spawn (tiny_http src/util/task_pool.rs) queues a new connection instead of starting
// a thread whenever `waiting_tasks` is non-zero, and a woken thread only decrements that count once
// it runs again; so when Chromium opens several connections at once (the page imports each
// wasm-bindgen snippet as its own module, all in the same instant), the accept thread can queue
// one connection more than there are threads. The threads then sit on Chromium's idle keep-alive
// connections, the queued connection's request is never read, the page never finishes loading
// ("Loading scripts..."), and chromedriver gives up after 300 s. The snippet count decides it, not
// load: with five snippets, 10 of 28 loop runs stalled at load 2 to 10; with four, 0 of 70.
//
// With the proxy, every connection to the runner's server carries one request and is closed after
// the response, so no thread is held by an idle connection and a queued connection is served as
// soon as a thread finishes. The development server (CLERK_DEV_SERVER_URL) is not proxied.
//
// Safety net: if the runner prints no test progress ("running N tests" or "no tests to run") within
// WASM_TEST_STALL_SECS (default 120) it is stopped (its whole process group: runner, chromedriver,
// Chromium) and that binary is run once more, saying so. Once a test has started, its outcome
// stands: a failure is never rerun.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const TAG = "[wasm-test-runner]";
const STALL_SECS = Number(process.env.WASM_TEST_STALL_SECS || 120);
const args = process.argv.slice(2);
const VERBOSE = Boolean(process.env.WASM_TEST_RUNNER_VERBOSE);
let proxied = 0;
const binary = path.basename(args[0] ?? "?").replace(/-[0-9a-f]{16}\.wasm$/, "");

/** A forward proxy for loopback http URLs; each upstream request on a fresh, closed connection. */
function startProxy() {
  const server = http.createServer((req, res) => {
    let target;
    try {
      target = new URL(req.url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (target.protocol !== "http:" || !["127.0.0.1", "localhost", "[::1]"].includes(target.hostname)) {
      res.writeHead(403).end(); // loopback only
      return;
    }
    proxied += 1;
    if (VERBOSE) console.log(`${TAG} proxy: ${req.method} ${req.url}`);
    const headers = { ...req.headers, connection: "close" };
    delete headers["proxy-connection"];
    delete headers["keep-alive"];
    const upstream = http.request(
      {
        host: target.hostname.replace(/^\[|\]$/g, ""),
        port: target.port || 80,
        method: req.method,
        path: target.pathname + target.search,
        headers,
        agent: false,
      },
      (up) => {
        const raw = [];
        for (let i = 0; i < up.rawHeaders.length; i += 2) {
          const name = up.rawHeaders[i].toLowerCase();
          if (name !== "connection" && name !== "keep-alive") raw.push(up.rawHeaders[i], up.rawHeaders[i + 1]);
        }
        res.writeHead(up.statusCode, up.statusMessage, raw);
        up.pipe(res);
      },
    );
    // The upstream failed: fail the browser's request the same way, not with a made-up response.
    upstream.on("error", () => req.socket.destroy());
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on("connect", (_req, socket) => socket.end("HTTP/1.1 405 Method Not Allowed\r\n\r\n"));
  server.on("clientError", (_e, socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

/** The runner's browser capabilities (webdriver.json, as it would read them) plus the proxy. */
function capabilitiesFile(dir, proxyPort) {
  const base = process.env.WASM_BINDGEN_TEST_WEBDRIVER_JSON || "webdriver.json";
  const caps = existsSync(base) ? JSON.parse(readFileSync(base, "utf8")) : {};
  const chrome = (caps["goog:chromeOptions"] ??= {});
  const bypass = ["<-loopback>"]; // loopback is bypassed implicitly; take that rule out
  if (process.env.CLERK_DEV_SERVER_URL) bypass.push(new URL(process.env.CLERK_DEV_SERVER_URL).host);
  chrome.args = [
    ...(chrome.args ?? []),
    `--proxy-server=http://127.0.0.1:${proxyPort}`,
    `--proxy-bypass-list=${bypass.join(";")}`,
  ];
  const file = path.join(dir, "webdriver.json");
  writeFileSync(file, JSON.stringify(caps));
  return file;
}

/** One run of wasm-bindgen-test-runner; resolves { code, stalled }. */
function runOnce(env) {
  return new Promise((resolve) => {
    // Its own process group, so a stalled run is stopped whole (chromedriver and Chromium too).
    const child = spawn("wasm-bindgen-test-runner", args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let started = false;
    let stalled = false;
    let tail = "";
    const onData = (chunk, stream) => {
      stream.write(chunk);
      if (started) return;
      tail = (tail + chunk).slice(-4096);
      if (/^running \d+ tests?$/m.test(tail) || /no tests to run/.test(tail)) {
        started = true;
        clearTimeout(timer);
      }
    };
    child.stdout.on("data", (c) => onData(c, process.stdout));
    child.stderr.on("data", (c) => onData(c, process.stderr));
    const timer = setTimeout(() => {
      stalled = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, STALL_SECS * 1000);
    const stop = () => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
    child.on("error", (e) => {
      clearTimeout(timer);
      console.error(`${TAG} could not start wasm-bindgen-test-runner: ${e.message}`);
      resolve({ code: 1, stalled: false });
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      // The runner's children (chromedriver, Chromium) are gone with it normally; make sure.
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
      resolve({ code: code ?? (signal ? 1 : 0), stalled });
    });
  });
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wasm-test-runner-"));
  let proxy = null;
  let code = 1;
  try {
    proxy = await startProxy();
    const env = { ...process.env, WASM_BINDGEN_TEST_WEBDRIVER_JSON: capabilitiesFile(dir, proxy.address().port) };
    let result = await runOnce(env);
    if (result.stalled) {
      console.log(
        `${TAG} STALL: ${binary}: no test started within ${STALL_SECS} s (the page did not load); stopped it, running this binary once more`,
      );
      result = await runOnce(env);
      if (result.stalled) console.log(`${TAG} STALL: ${binary}: stalled again within ${STALL_SECS} s; failing`);
      else console.log(`${TAG} rerun of ${binary} after a stall: exit code ${result.code}`);
    }
    code = result.stalled ? 1 : result.code;
    if (VERBOSE) console.log(`${TAG} ${binary}: ${proxied} requests through the proxy, exit code ${code}`);
  } catch (e) {
    console.error(`${TAG} ${e.message}`);
  } finally {
    proxy?.closeAllConnections?.();
    proxy?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(code);
}

main();
