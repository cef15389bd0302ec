// Real ClerkJS against the development server: @clerk/clerk-js 6.40 (a dev dependency) with
// @clerk/ui 1.36 (unpacked by scripts/setup.mjs into e2e/vendor/), both served from 127.0.0.1,
// given the key and proxy URL the server prints at start. It must load, show its user button and
// sign out in the server's three modes, without reaching any other host. Then clerk-wasm must send
// what ClerkJS sends: the FAPI requests (method, path, query names, Content-Type, body) and the
// page's cookies of a load and a sign-out are compared with a capture of ClerkJS
// (e2e/clerkjs-capture.json), which ClerkJS itself is re-checked against on every run, so the
// capture cannot go stale. Record it again with CLERKJS_RECORD=1.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dev, eventually, expectEqual, signInContext, test } from "./harness.mjs";
import { keyFor, withPage } from "./static.mjs";
import { clerkJsDir, clerkUiDir } from "../scripts/setup.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const captureFile = path.join(here, "clerkjs-capture.json");
const recording = process.env.CLERKJS_RECORD === "1";
const MODES = { default: {}, "multi-session": { multi_session: true }, "dev-instance": { dev_instance: true } };

/**
 * The pair the server prints (`clerkjs publishable key:`, `clerkjs proxy url:`); npm test passes
 * them in from the server's output. Run by hand, the same rule: a key naming a Clerk development
 * host, and the server itself as the proxy.
 */
function clerkjsPair(server) {
  const key =
    process.env.CLERKJS_PUBLISHABLE_KEY ||
    `pk_test_${Buffer.from("clerk-dev-server.clerk.accounts.dev$").toString("base64").replace(/=+$/, "")}`;
  return { key, proxy: process.env.CLERKJS_PROXY_URL || server };
}

/** A page origin on 127.0.0.1 serving `pages` plus ClerkJS's and @clerk/ui's browser bundles. */
async function withSite(pages, fn) {
  const bundles = { "clerk-js": clerkJsDir, ui: path.join(clerkUiDir, "dist") };
  for (const dir of Object.values(bundles)) {
    if (!existsSync(dir)) throw new Error(`${dir} is missing: run npm test (its setup installs ClerkJS)`);
  }
  await withPage({ ...pages, "after.html": "<!doctype html><p>signed out</p>" }, fn, bundles);
}

/** ClerkJS's snippet (as in the README), with @clerk/ui's constructor handed to load(). */
const clerkJsPage = ({ key, proxy }) => `<!doctype html><div id="ub"></div>
<script src="/ui/ui.browser.js"></script>
<script src="/clerk-js/clerk.browser.js" data-clerk-publishable-key="${key}" data-clerk-proxy-url="${proxy}"></script>
<script>
  window.ready = Clerk.load({ ui: { ClerkUI: window.__internal_ClerkUICtor } })
    .then(() => Clerk.mountUserButton(document.getElementById("ub")));
</script>`;

/** clerk-wasm's snippet with the same key and proxy URL (it loads itself). */
const clerkWasmPage = (server, { key, proxy }) => `<!doctype html><div id="ub"></div>
<script src="${server}/dist/clerk.global.js" data-clerk-publishable-key="${key}"${proxy ? ` data-clerk-proxy-url="${proxy}"` : ""}></script>
<script>
  window.Clerk.mountUserButton(document.getElementById("ub"));
  window.ready = window.Clerk.load();
</script>`;

/** Aborts every request not to 127.0.0.1 and returns the list of those that were tried. */
async function onlyLoopback(context) {
  const elsewhere = [];
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      elsewhere.push(route.request().url());
      return route.abort();
    },
  );
  return elsewhere;
}

const sessionStatus = async (server, id) => (await dev(server, "GET", `/__dev/sessions/${id}`)).status;

for (const [mode, flags] of Object.entries(MODES)) {
  test(`real ClerkJS 6.40 with the printed key and proxy URL loads, shows its user button and signs out through it (${mode})`, async ({ page, context, server }) => {
    await dev(server, "POST", "/__dev/reset", flags);
    const elsewhere = await onlyLoopback(context);
    const { session_ids: [id] } = await signInContext(context, server, ["ada@example.test"]);
    await withSite({ "index.html": clerkJsPage(clerkjsPair(server)) }, async (site) => {
      await page.goto(`${site}/index.html`);
      await page.evaluate(() => window.ready);
      expectEqual(await page.evaluate(() => [Clerk.user?.firstName, Clerk.session?.id]), ["Ada", id], "user and session");
      await page.locator("#ub .cl-userButtonTrigger").click();
      await page.locator(".cl-userButtonPopoverActionButton__signOut").click();
      await eventually(async () => (await sessionStatus(server, id)) !== "active", "the server to end the session");
    });
    expectEqual(elsewhere, [], "requests to hosts other than 127.0.0.1");
  });
}

/** Reduces what a page sent and kept to what must match: no ids, tokens or times. */
function shape(value) {
  if (/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/.test(value)) return "<jwt>";
  if (/^dvb_\w+$/.test(value)) return "<dev browser token>";
  if (/^sess_\w+:$/.test(value)) return "<session id>:";
  if (/^\d{10}$/.test(value)) return "<unix seconds>";
  return value;
}

/** `METHOD /path?query names (_method with its value) | content-type | body`, FAPI only. */
function requestLine(request, server) {
  const url = new URL(request.url());
  const query = [...url.searchParams].map(([k, v]) => (k === "_method" ? `${k}=${v}` : k)).join("&");
  const body = (request.postData() ?? "").replace(/sess_\w+/g, "<session id>");
  return `${request.method()} ${url.pathname.replace(/sess_\w+/g, "<session id>")}?${query} | ${request.headers()["content-type"] ?? "-"} | ${body}`;
}

/** The page's cookies (not the server's `__client`), reduced to what must match. */
async function pageCookies(context) {
  return (await context.cookies())
    .filter((c) => c.name !== "__client")
    .map((c) => `${c.name}=${shape(c.value)}; ${c.expires > 0 ? "persistent" : "browser session"}; SameSite=${c.sameSite}; path=${c.path}${c.httpOnly ? "; HttpOnly" : ""}${c.secure ? "; Secure" : ""}`)
    .sort();
}

/**
 * One SDK through a cold load (two signed-in sessions in multi-session mode, then a switch to the
 * other) and `await Clerk.signOut()`: the FAPI requests of each phase (sorted: the SDKs start some
 * in parallel) and the page's cookies after it.
 */
async function capture({ page, context, server }, mode, html) {
  await dev(server, "POST", "/__dev/reset", MODES[mode]);
  const elsewhere = await onlyLoopback(context);
  const users = mode === "multi-session" ? ["grace@example.test", "ada@example.test"] : ["ada@example.test"];
  const { session_ids: ids } = await signInContext(context, server, users);
  let sent = [];
  page.on("request", (r) => r.url().startsWith(`${server}/v1/`) && sent.push(requestLine(r, server)));
  const phase = async (run) => {
    sent = [];
    await run();
    await page.waitForLoadState("networkidle");
    return { requests: sent.sort(), cookies: await pageCookies(context) };
  };
  const result = {};
  await withSite({ "index.html": html }, async (site) => {
    result.load = await phase(async () => {
      await page.goto(`${site}/index.html`);
      await page.evaluate(() => window.ready);
      await page.locator("#ub .cl-userButtonTrigger").waitFor({ state: "visible" });
    });
    if (ids.length > 1) {
      result.switch = await phase(() => page.evaluate((id) => Clerk.setActive({ session: id }), ids[0]));
    }
    result.signOut = await phase(async () => {
      await page.evaluate(() => Clerk.signOut({ redirectUrl: "/after.html" }));
      await page.waitForURL(`${site}/after.html`);
    });
  });
  for (const id of ids) expectEqual(await sessionStatus(server, id) !== "active", true, `session ${id} gone on the server`);
  expectEqual(elsewhere, [], "requests to hosts other than 127.0.0.1");
  return result;
}

const recorded = existsSync(captureFile) ? JSON.parse(readFileSync(captureFile, "utf8")) : {};

for (const mode of Object.keys(MODES)) {
  test(`ClerkJS still sends and keeps what its recorded capture says (${mode})`, async (t) => {
    const live = await capture(t, mode, clerkJsPage(clerkjsPair(t.server)));
    if (recording) {
      recorded[mode] = live;
      writeFileSync(captureFile, `${JSON.stringify(recorded, null, 2)}\n`);
      return;
    }
    expectEqual(live, recorded[mode], `ClerkJS against e2e/clerkjs-capture.json (${mode}); CLERKJS_RECORD=1 records it again`);
  });

  test(`clerk-wasm with the same key and proxy URL sends and keeps what ClerkJS does (${mode})`, async (t) => {
    const live = await capture(t, mode, clerkWasmPage(t.server, clerkjsPair(t.server)));
    for (const phase of Object.keys(recorded[mode] ?? {})) {
      expectEqual(live[phase], recorded[mode][phase], `clerk-wasm's ${phase} against ClerkJS's (${mode})`);
    }
    expectEqual(Object.keys(live), Object.keys(recorded[mode] ?? {}), "phases");
  });
}

test("clerk-wasm's first cold load with the server's own key in dev-instance mode is dev browser, environment and client", async ({ page, context, server }) => {
  await dev(server, "POST", "/__dev/reset", MODES["dev-instance"]);
  const elsewhere = await onlyLoopback(context);
  await signInContext(context, server, ["ada@example.test"]);
  const sent = [];
  page.on("request", (r) => r.url().startsWith(`${server}/v1/`) && sent.push(requestLine(r, server)));
  const statuses = [];
  page.on("response", (r) => r.url().startsWith(`${server}/v1/`) && statuses.push(r.status()));
  await withSite({ "index.html": clerkWasmPage(server, { key: keyFor(server) }) }, async (site) => {
    await page.goto(`${site}/index.html`);
    await page.evaluate(() => window.ready);
    await page.locator("#ub .cl-userButtonTrigger").waitFor({ state: "visible" });
    await page.waitForLoadState("networkidle");
  });
  // The token first (the other two carry it), then those two in parallel.
  expectEqual(sent[0], "POST /v1/dev_browser?__clerk_api_version&_clerk_js_version | - | ", "the first request");
  expectEqual(
    sent.slice(1).sort(),
    [
      "GET /v1/client?__clerk_api_version&_clerk_js_version&__clerk_db_jwt | - | ",
      "POST /v1/environment?__clerk_api_version&_clerk_js_version&_method=PATCH&__clerk_db_jwt | application/x-www-form-urlencoded | ",
    ],
    "then environment and client, nothing else",
  );
  expectEqual(statuses.filter((s) => s !== 200), [], "statuses other than 200");
  expectEqual(elsewhere, [], "requests to hosts other than 127.0.0.1");
});
