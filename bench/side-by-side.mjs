// The real ClerkJS beside clerk-wasm in one run (`npm run bench`): the same development server,
// the same Chromium, a cold browser context for every load, the two SDKs alternating which goes
// first each round. Both get the key and proxy URL the server prints for ClerkJS, so both run
// the same Frontend API flow (a development instance's dev browser included). Reported as paired
// ratios, clerk-wasm ÷ ClerkJS per round, because absolute times on one machine are noise to a
// reader; a ratio measured side by side is not.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { clerkJsDir, clerkUiDir } from "../scripts/setup.mjs";
import { stats } from "./stats.mjs";
import { dev, signInContext } from "../e2e/harness.mjs";

/** The server modes compared: `/__dev/reset` flags. */
export const MODES = { default: {}, "dev-instance": { dev_instance: true } };
/** Mounts per round for mount → visible (their median is the round's figure). */
const MOUNTS = 3;

// Each page records, from navigation start, when `load()` settled and when the user button's
// trigger is in the DOM with a box (both SDKs render `.cl-userButtonTrigger`).
const MARK_LOADED = "window.ready.then(() => (window.__marks.loaded = performance.now()));";
const PAGES = {
  // ClerkJS's snippet with @clerk/ui (as the README shows it): load, then mount.
  clerkjs: ({ key, proxy }) => `<!doctype html><div id="ub"></div>
<script src="/clerkjs/ui/ui.browser.js"></script>
<script src="/clerkjs/clerk-js/clerk.browser.js" data-clerk-publishable-key="${key}" data-clerk-proxy-url="${proxy}"></script>
<script>
  window.ready = Clerk.load({ ui: { ClerkUI: window.__internal_ClerkUICtor } });
  ${MARK_LOADED}
  window.ready.then(() => Clerk.mountUserButton(document.getElementById("ub")));
</script>`,
  // clerk-wasm's snippet: it loads itself, and mounting may come first.
  "clerk-wasm": ({ key, proxy }) => `<!doctype html><div id="ub"></div>
<script src="/dist/clerk.global.js" data-clerk-publishable-key="${key}" data-clerk-proxy-url="${proxy}"></script>
<script>
  window.Clerk.mountUserButton(document.getElementById("ub"));
  window.ready = window.Clerk.load();
  ${MARK_LOADED}
</script>`,
};

const MARKS = () => {
  window.__marks = {};
  const shown = () => {
    const el = document.querySelector("#ub .cl-userButtonTrigger");
    return el && el.getBoundingClientRect().width > 0;
  };
  const check = () => {
    if (window.__marks.button !== undefined) return;
    if (shown()) window.__marks.button = performance.now();
    else requestAnimationFrame(check);
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  requestAnimationFrame(check);
};

/** Adds the two pages and ClerkJS's bundles to the bench's server root (`www/` is served at `/`). */
export function addPages(dir, pair) {
  const bundles = { "clerk-js": clerkJsDir, ui: path.join(clerkUiDir, "dist") };
  const www = path.join(dir, "www");
  mkdirSync(path.join(www, "clerkjs"));
  for (const [name, bundle] of Object.entries(bundles)) {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm test once (its setup fetches ClerkJS)`);
    symlinkSync(bundle, path.join(www, "clerkjs", name));
  }
  for (const [sdk, html] of Object.entries(PAGES)) writeFileSync(path.join(www, `sbs-${sdk}.html`), html(pair));
}

/** The gzip -9 bytes of a file the page downloaded, read from the server root. */
async function gzipOf(dir, pathname) {
  const rel = pathname.startsWith("/dist/") ? pathname.slice(1) : path.join("www", pathname);
  const file = path.join(dir, decodeURIComponent(rel));
  if (!file.startsWith(dir + path.sep)) return 0;
  return gzipSync(await readFile(file), { level: 9 }).length;
}

/** One SDK, one cold load in a fresh context, signed in: the page's figures. */
async function once(browser, server, dir, sdk) {
  const context = await browser.newContext();
  await signInContext(context, server, ["ada@example.test"]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const wire = new Map();
  const urls = new Map();
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) => wire.set(e.requestId, e.encodedDataLength));
  let fapi = 0;
  page.on("request", (r) => new URL(r.url()).pathname.startsWith("/v1/") && (fapi += 1));
  await page.addInitScript(MARKS);
  await page.goto(`${server}/sbs-${sdk}.html`);
  await page.waitForFunction(() => window.__marks.loaded && window.__marks.button, null, { timeout: 20_000 });
  const { loaded, button } = await page.evaluate(() => window.__marks);
  await page.waitForLoadState("networkidle");

  // What the page downloaded to show the button: the SDK's own files (not the page, the API
  // or the avatar image, which are the same for both).
  let wireBytes = 0;
  let gzipBytes = 0;
  let files = 0;
  for (const [id, url] of urls) {
    const { pathname } = new URL(url);
    if (!/^\/(dist|clerkjs)\//.test(pathname) || !wire.has(id)) continue;
    files += 1;
    wireBytes += wire.get(id);
    gzipBytes += await gzipOf(dir, pathname);
  }
  const loadRequests = fapi;

  const mounts = [];
  for (let i = 0; i < MOUNTS; i++) {
    mounts.push(
      await page.evaluate(async () => {
        const host = document.createElement("div");
        document.body.append(host);
        const t0 = performance.now();
        window.Clerk.mountUserButton(host);
        const shown = () => host.querySelector(".cl-userButtonTrigger")?.getBoundingClientRect().width > 0;
        while (!shown()) await new Promise((r) => requestAnimationFrame(r));
        const dt = performance.now() - t0;
        window.Clerk.unmountUserButton(host);
        host.remove();
        return dt;
      }),
    );
  }

  fapi = 0;
  // A callback instead of the redirect, so the page stays to report the time (both SDKs).
  const signOut = await page.evaluate(async () => {
    const t0 = performance.now();
    await window.Clerk.signOut(() => {});
    return performance.now() - t0;
  });
  await page.waitForLoadState("networkidle");
  const signOutRequests = fapi;
  const user = await page.evaluate(() => window.Clerk.user ?? null);
  await context.close();
  if (user !== null) throw new Error(`${sdk}: still signed in after signOut()`);
  return { loaded, button, mount: stats(mounts).median, signOut, signOutRequests, loadRequests, wireBytes, gzipBytes, files };
}

const METRICS = ["gzipBytes", "wireBytes", "loaded", "button", "mount", "signOut", "signOutRequests"];

/** Rounds of both SDKs in each mode: absolute medians per SDK, and paired ratios. */
export async function sideBySide(browser, server, dir, rounds) {
  // One unmeasured load of each first: the server compresses a file on its first request and
  // keeps it (a CDN edge), so no round pays for compressing ClerkJS's or clerk-wasm's files.
  for (const sdk of Object.keys(PAGES)) await once(browser, server, dir, sdk);
  const result = {};
  for (const [mode, flags] of Object.entries(MODES)) {
    await dev(server, "POST", "/__dev/reset", flags);
    const runs = { clerkjs: [], "clerk-wasm": [] };
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 ? ["clerk-wasm", "clerkjs"] : ["clerkjs", "clerk-wasm"];
      for (const sdk of order) runs[sdk].push(await once(browser, server, dir, sdk));
    }
    const absolute = {};
    for (const [sdk, list] of Object.entries(runs)) {
      absolute[sdk] = Object.fromEntries([...METRICS, "loadRequests", "files"].map((m) => [m, stats(list.map((r) => r[m])).median]));
    }
    const ratios = {};
    for (const m of METRICS) {
      const paired = runs["clerk-wasm"].map((r, i) => r[m] / runs.clerkjs[i][m]);
      const { median, p95 } = stats(paired);
      ratios[m] = { median, p95 };
    }
    result[mode] = { rounds, absolute, ratios };
  }
  await dev(server, "POST", "/__dev/reset", {});
  return result;
}
