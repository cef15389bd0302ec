// A small test harness over playwright-core and the system Chromium (no browser download).
// Test files call `test(name, fn)`; `fn` receives a fresh page context and the server URL.
import { chromium } from "playwright-core";

const tests = [];
/** Registers a test; names are behaviour sentences. */
export function test(name, fn) {
  tests.push({ name, fn });
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function launch() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** Calls a development-server test control (`/__dev/...`, enabled by --faults) from Node. */
export async function dev(server, method, path, body) {
  const res = await fetch(`${server}${path}`, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

/**
 * Makes `context` a browser that is signed in: the server's test control creates a client with one
 * session per identifier, and its `__client` cookie goes into the context's jar.
 */
export async function signInContext(context, server, identifiers) {
  const created = await dev(server, "POST", "/__dev/clients", { identifiers });
  const [name, value] = created.cookie.split(";")[0].split("=");
  await context.addCookies([{ name, value, domain: "127.0.0.1", path: "/" }]);
  return created;
}

/** Waits until `fn` returns a truthy value (polling), or fails naming what was awaited. */
export async function eventually(fn, what, timeoutMs = 5000) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < timeoutMs) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

/** Fails with a message naming what differed. */
export function expectEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/**
 * Waits until the server's request log has stopped growing. A test's page may still have a
 * request on its way when its context closes (load()'s background token request): under CPU
 * load it reached the server after the next test's reset and showed up in that test's log.
 */
async function settle(serverUrl) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const n = (await dev(serverUrl, "GET", "/__dev/requests")).length;
    if (n === last) return;
    last = n;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The longest one test may take; the slowest pass in well under 10 s. */
const TEST_TIMEOUT_MS = 60_000;

/** Runs every registered test in its own browser context; prints `N passed; M failed`. */
export async function runAll(serverUrl) {
  const browser = await launch();
  let passed = 0;
  let failed = 0;
  try {
    for (const { name, fn } of tests) {
      await dev(serverUrl, "POST", "/__dev/reset");
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const t0 = performance.now();
      let timer;
      try {
        // A test that hangs (a promise in the page that never settles: page.evaluate has no
        // timeout of its own) fails alone instead of stalling the whole suite; closing its
        // context below ends whatever it was waiting for.
        const timeout = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS / 1000} s`)), TEST_TIMEOUT_MS);
        });
        await Promise.race([fn({ page, context, browser, server: serverUrl, errors }), timeout]);
        passed += 1;
        console.log(`ok   ${name} (${Math.round(performance.now() - t0)} ms)`);
      } catch (e) {
        failed += 1;
        console.log(`FAIL ${name}\n     ${e.stack ?? e}`);
      } finally {
        clearTimeout(timer);
        await context.close();
        await settle(serverUrl);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`e2e: ${passed} passed; ${failed} failed`);
  return failed === 0;
}
