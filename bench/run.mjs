// `npm run bench`: what clerk-wasm costs a page, measured in headless Chromium against the development
// server on loopback. Prints a table and writes bench/results/<date>.json. `--smoke` runs one
// iteration of each (npm test does, so the benchmark cannot rot); figures from a smoke run mean nothing.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { clerkjsPair, root, run, startServer } from "../scripts/lib.mjs";
import { setup } from "../scripts/setup.mjs";
import { BUDGET_GZIP, sizes, SCRIPT_TAG_FILES } from "../scripts/size.mjs";
import { dev, launch, signInContext } from "../e2e/harness.mjs";
import { serverThroughput } from "./server.mjs";
import { addPages, sideBySide } from "./side-by-side.mjs";
import { round, stats } from "./stats.mjs";

const smoke = process.argv.includes("--smoke");
const N = smoke
  ? { loads: 1, mounts: 1, clicks: 1, signOuts: 1, cycles: 10, rounds: 1 }
  : { loads: 30, mounts: 200, clicks: 200, signOuts: 50, cycles: 1000, rounds: 25 };

// Budgets from ../shared/DESIGN.md.
// The payload budget is the size check's (scripts/size.mjs), so the two never disagree.
const BUDGET = { payloadGzip: BUDGET_GZIP, navToButtonMs: 100, mountMs: 2, signOutRequests: 1, growthBytes: 64 * 1024 };
// Issue 19's targets for the side-by-side ratios (clerk-wasm ÷ ClerkJS, median).
const RATIO_TARGET = { loaded: 0.5, button: 0.25 };


/** A signed-in browser context for the demo user Ada (cookie minted by the server's test control). */
async function signedInContext(browser, server) {
  const context = await browser.newContext();
  await signInContext(context, server, ["ada@example.test"]);
  return context;
}

// Records, relative to navigation start, when Clerk is loaded and when the trigger is in the DOM.
const MARKS = () => {
  window.__marks = {};
  new MutationObserver((_, obs) => {
    if (document.querySelector(".cl-userButtonTrigger")) {
      window.__marks.button = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  let clerk;
  Object.defineProperty(window, "Clerk", {
    configurable: true,
    get: () => clerk,
    set: (c) => {
      clerk = c;
      c.addListener?.(() => (window.__marks.loaded ??= performance.now()));
    },
  });
};

// The pages the cold loads compare: the demo page, whose <link rel="preload"> starts the wasm
// download with the HTML, and the same page without that line (Clerk's classic snippet as is).
const PRELOAD = /\n[^\n]*<link rel="preload" href="\/dist\/clerk_wasm_bg\.wasm"[^\n]*/;
const PAGES = { preload: "index.html", classic: "classic.html" };

/** A server root for the benchmark: www/ plus classic.html, and dist/ linked. */
function benchRoot() {
  const dir = mkdtempSync(path.join(tmpdir(), "clerk-wasm-bench-"));
  cpSync(path.join(root, "www"), path.join(dir, "www"), { recursive: true });
  symlinkSync(path.join(root, "dist"), path.join(dir, "dist"));
  const demo = readFileSync(path.join(root, "www", PAGES.preload), "utf8");
  // Fail rather than compare a page with itself.
  if (!PRELOAD.test(demo)) throw new Error(`www/${PAGES.preload} has no wasm preload link to leave out`);
  writeFileSync(path.join(dir, "www", PAGES.classic), demo.replace(PRELOAD, ""));
  return dir;
}

// Cold loads: the HTTP cache is disabled (so no compiled-wasm code cache either), and every
// load is a fresh document in an open tab, as when a user follows a link to the page. The two
// pages alternate, each going first every other round, so both see the same machine.
async function coldLoads(browser, server) {
  const byPage = {};
  for (const variant of Object.keys(PAGES)) byPage[variant] = { loaded: [], button: [] };
  let downloaded = null;
  const context = await signedInContext(browser, server);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  // encodedDataLength: the bytes received for the request (headers and the body as sent,
  // i.e. compressed when the server compressed it).
  const bytes = {};
  const urls = {};
  const encodings = {};
  cdp.on("Network.loadingFinished", (e) => (bytes[e.requestId] = e.encodedDataLength));
  cdp.on("Network.responseReceived", (e) => {
    urls[e.requestId] = e.response.url;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    encodings[e.requestId] = h["content-encoding"] ?? "identity";
  });
  await page.addInitScript(MARKS);
  for (let i = 0; i < N.loads; i++) {
    const order = Object.entries(PAGES);
    if (i % 2) order.reverse();
    for (const [variant, file] of order) {
      await page.goto("about:blank");
      for (const id of Object.keys(bytes)) delete bytes[id];
      await page.goto(`${server}/${file}`);
      await page.waitForFunction(() => window.__marks.loaded && window.__marks.button, null, { timeout: 10_000 });
      const marks = await page.evaluate(() => window.__marks);
      byPage[variant].loaded.push(marks.loaded);
      byPage[variant].button.push(marks.button);
      const dist = Object.entries(bytes).filter(([id]) => /\/dist\//.test(urls[id] ?? ""));
      downloaded = {
        dist: dist.reduce((n, [, b]) => n + b, 0),
        distEncodings: [...new Set(dist.map(([id]) => encodings[id]))].sort(),
        page: Object.values(bytes).reduce((n, b) => n + b, 0),
      };
    }
  }
  await context.close();
  const result = { distBytesOnTheWire: downloaded.dist, distEncodings: downloaded.distEncodings, pageBytesOnTheWire: downloaded.page };
  for (const [variant, { loaded, button }] of Object.entries(byPage))
    result[variant] = { loaded: stats(loaded), button: stats(button) };
  return result;
}

async function inPage(browser, server) {
  const context = await signedInContext(browser, server);
  const page = await context.newPage();
  await page.goto(`${server}/index.html`);
  await page.waitForFunction(() => window.Clerk.loaded && document.querySelector(".cl-userButtonTrigger"));
  const result = await page.evaluate(async (N) => {
    const host = document.createElement("div");
    document.body.append(host);
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const mount = [];
    for (let i = 0; i < N.mounts; i++) {
      const t0 = performance.now();
      window.Clerk.mountUserButton(host);
      while (!host.querySelector(".cl-userButtonTrigger")) await frame();
      mount.push(performance.now() - t0);
      window.Clerk.unmountUserButton(host);
    }
    window.Clerk.mountUserButton(host);
    while (!host.querySelector(".cl-userButtonTrigger")) await frame();
    const click = [];
    for (let i = 0; i < N.clicks; i++) {
      const trigger = host.querySelector(".cl-userButtonTrigger");
      const t0 = performance.now();
      trigger.click();
      while (!host.querySelector("[role=dialog]")) await frame();
      click.push(performance.now() - t0);
      trigger.click();
      await frame();
    }
    window.Clerk.unmountUserButton(host);
    const count = () => document.getElementsByTagName("*").length;
    await frame();
    const before = { nodes: count(), memory: window.ClerkWasm.memoryBytes() };
    for (let i = 0; i < N.cycles; i++) {
      window.Clerk.mountUserButton(host);
      window.Clerk.unmountUserButton(host);
    }
    await frame();
    const after = { nodes: count(), memory: window.ClerkWasm.memoryBytes() };
    return { mount, click, before, after };
  }, N);
  await context.close();
  return result;
}

async function signOuts(browser, server) {
  const times = [];
  const requests = [];
  for (let i = 0; i < N.signOuts; i++) {
    const context = await signedInContext(browser, server);
    const page = await context.newPage();
    await page.goto(`${server}/index.html`);
    await page.waitForFunction(() => window.Clerk.loaded && window.Clerk.user);
    // load() fetches a session token in the background (for __session); let it finish first.
    await page.waitForLoadState("networkidle");
    await dev(server, "DELETE", "/__dev/requests");
    times.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            let t0;
            const off = window.Clerk.addListener(({ user }) => {
              if (user === null) {
                off();
                resolve(performance.now() - t0);
              }
            });
            t0 = performance.now();
            // A callback replaces the redirect, so the page stays to report the time.
            window.Clerk.signOut(() => {});
          }),
      ),
    );
    const sent = await dev(server, "GET", "/__dev/requests");
    if (sent.length !== 1) console.log(`signOut sent: ${sent.map((r) => `${r.effective_method} ${r.path}`).join(", ")}`);
    requests.push(sent.length);
    await context.close();
  }
  return { toListeners: stats(times), requests: Math.max(...requests) };
}

async function main() {
  // What the tests need is what the bench needs: Chromium, and ClerkJS's bundles beside it.
  await setup({ forTests: true });
  await run("node", ["scripts/build.mjs", "--no-setup"]);
  // The server stands in for Clerk's FAPI and CDN: measure against its release build (the smoke
  // run uses the debug build npm test already has).
  const profile = smoke ? "debug" : "release";
  await run("cargo", ["build", "-q", ...(smoke ? [] : ["--release"]), "-p", "clerk-dev-server"]);
  const pages = benchRoot();
  const server = await startServer(["--faults", "--root", pages], { binary: profile });
  let browser;
  const results = { date: new Date().toISOString(), smoke, iterations: N };
  try {
    addPages(pages, await clerkjsPair(server));
    // The server compresses each file once per encoding and keeps it, as a CDN edge does; ask
    // for each once first, so the cold loads measure a warm edge, as a user of a CDN meets it.
    for (const file of SCRIPT_TAG_FILES)
      for (const encoding of ["br", "gzip"])
        await fetch(`${server.url}/dist/${file}`, { headers: { "accept-encoding": encoding } }).then((r) => r.arrayBuffer());
    browser = await launch();
    const files = sizes().filter((r) => SCRIPT_TAG_FILES.includes(r.file));
    const sum = (k) => files.reduce((n, r) => n + r[k], 0);
    results.payload = { files, raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") };
    results.coldLoads = await coldLoads(browser, server.url);
    results.ui = await inPage(browser, server.url);
    results.signOut = await signOuts(browser, server.url);
    results.sideBySide = await sideBySide(browser, server.url, pages, N.rounds);
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(pages, { recursive: true, force: true });
  }
  results.server = serverThroughput(smoke);
  report(results);
  const dir = path.join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${smoke ? "smoke" : results.date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nwrote ${path.relative(root, file)}`);
}

function report(r) {
  const rows = [];
  const row = (what, value, budget, ok) => rows.push([what, value, budget ?? "", ok === undefined ? "" : ok ? "within" : "OVER"]);
  row("script-tag payload (gzip / brotli / raw)", `${r.payload.gzip} / ${r.payload.brotli} / ${r.payload.raw} B`, `≤ ${BUDGET.payloadGzip} B gzip`, r.payload.gzip <= BUDGET.payloadGzip);
  for (const f of r.payload.files) row(`  ${f.file}`, `${f.gzip} / ${f.brotli} / ${f.raw} B`);
  row(`  on the wire, /dist/ files (cold load, ${r.coldLoads.distEncodings.join(", ")})`, `${r.coldLoads.distBytesOnTheWire} B`);
  row("  on the wire, everything the page downloaded (cold load)", `${r.coldLoads.pageBytesOnTheWire} B`);
  const page = { classic: "classic snippet", preload: "with the wasm preload link" };
  for (const [variant, what] of Object.entries(page)) {
    const cl = r.coldLoads[variant];
    row(`${what}: navigation → Clerk.loaded (median, p95; n=${cl.loaded.n})`, `${round(cl.loaded.median, 1)} ms, ${round(cl.loaded.p95, 1)} ms`);
    row(`${what}: navigation → user button in DOM (median, p95; n=${cl.button.n})`, `${round(cl.button.median, 1)} ms, ${round(cl.button.p95, 1)} ms`, `≤ ${BUDGET.navToButtonMs} ms median`, cl.button.median <= BUDGET.navToButtonMs);
  }
  const m = stats(r.ui.mount);
  row(`mountUserButton → trigger (median, p95; n=${m.n})`, `${round(m.median, 3)} ms, ${round(m.p95, 3)} ms`, `≤ ${BUDGET.mountMs} ms median`, m.median <= BUDGET.mountMs);
  const c = stats(r.ui.click);
  row(`click → panel in DOM (median, p95; n=${c.n})`, `${round(c.median, 3)} ms, ${round(c.p95, 3)} ms`, "within one frame (16.7 ms)", c.p95 <= 16.7);
  row(`signOut(cb) → listeners notified (median, p95; n=${r.signOut.toListeners.n})`, `${round(r.signOut.toListeners.median, 1)} ms, ${round(r.signOut.toListeners.p95, 1)} ms`);
  row("signOut() FAPI requests (max over runs)", String(r.signOut.requests), "exactly 1", r.signOut.requests === BUDGET.signOutRequests);
  const nodes = r.ui.after.nodes - r.ui.before.nodes;
  row(`DOM nodes after ${N.cycles} mount/unmount cycles`, `${r.ui.before.nodes} → ${r.ui.after.nodes}`, "no growth", nodes <= 0);
  // The wasm has loaded by now, so null means the page lost its way to the memory: fail, never skip.
  if (r.ui.before.memory === null) throw new Error("window.ClerkWasm.memoryBytes() is null: the leak check cannot read the wasm memory");
  const growth = r.ui.after.memory - r.ui.before.memory;
  row(`wasm memory after ${N.cycles} cycles`, `${r.ui.before.memory} → ${r.ui.after.memory} B`, `growth ≤ ${BUDGET.growthBytes} B`, growth <= BUDGET.growthBytes);
  for (const s of r.server) row(`dev server ${s.what} (${s.errors} errors)`, `${Math.round(s.perSecond)} /s`, "zero errors", s.errors === 0);
  table(["what", "measured", "budget", "verdict"], rows);
  reportSideBySide(r.sideBySide);
  if (smoke) console.log("(smoke run: one iteration each; the figures mean nothing)");
}

function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((x) => String(x[i]).length)));
  console.log(`\n${head.map((h, i) => h.padEnd(w[i])).join("  ")}`);
  for (const x of rows) console.log(x.map((c, i) => String(c).padEnd(w[i])).join("  ").trimEnd());
}

function reportSideBySide(sbs) {
  const what = {
    gzipBytes: ["bytes to show the button, gzip -9", (x) => `${Math.round(x)} B`],
    wireBytes: ["bytes on the wire (cold load)", (x) => `${Math.round(x)} B`],
    loaded: ["navigation → load() settled", (x) => `${round(x, 1)} ms`],
    button: ["navigation → button visible", (x) => `${round(x, 1)} ms`],
    mount: ["mountUserButton → button visible", (x) => `${round(x, 2)} ms`],
    signOut: ["await signOut()", (x) => `${round(x, 1)} ms`],
    signOutRequests: ["signOut() FAPI requests", String],
  };
  for (const [mode, { rounds, absolute, ratios }] of Object.entries(sbs)) {
    console.log(`\nside by side, ${mode} mode: ClerkJS 6.40 with @clerk/ui 1.36 and clerk-wasm, ${rounds} paired rounds`);
    const rows = Object.entries(what).map(([m, [label, fmt]]) => {
      const target = RATIO_TARGET[m];
      const ratio = ratios[m];
      return [label, fmt(absolute.clerkjs[m]), fmt(absolute["clerk-wasm"][m]), `${round(ratio.median)} (p95 ${round(ratio.p95)})`, target ? `≤ ${target}` : "", target ? (ratio.median <= target ? "within" : "OVER") : ""];
    });
    rows.push(["FAPI requests at load", String(absolute.clerkjs.loadRequests), String(absolute["clerk-wasm"].loadRequests), "", "", ""]);
    rows.push(["files to show the button", String(absolute.clerkjs.files), String(absolute["clerk-wasm"].files), "", "", ""]);
    table(["what (medians)", "ClerkJS", "clerk-wasm", "ratio, median (p95)", "target", "verdict"], rows);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
