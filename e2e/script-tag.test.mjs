import { readFileSync } from "node:fs";
import { dev, expectEqual, signInContext, test } from "./harness.mjs";
import { keyFor, withPage } from "./static.mjs";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

test("the demo page's script tag creates window.Clerk with the package version", async ({ page, server, errors }) => {
  await page.goto(`${server}/index.html`);
  await page.waitForFunction(() => window.Clerk !== undefined);
  const seen = await page.evaluate(() => ({
    version: window.Clerk.version,
    frontendApi: window.Clerk.frontendApi,
    instanceType: window.Clerk.instanceType,
  }));
  expectEqual(seen, { version, frontendApi: new URL(server).host, instanceType: "development" }, "window.Clerk");
  expectEqual(errors, [], "page errors");
});

test("the script tag serves its wasm as application/wasm from beside the script", async ({ page, server }) => {
  const wasm = page.waitForResponse((r) => r.url().endsWith("/dist/clerk_wasm_bg.wasm"));
  await page.goto(`${server}/index.html`);
  const response = await wasm;
  expectEqual(response.status(), 200, "wasm status");
  expectEqual(response.headers()["content-type"], "application/wasm", "wasm content type");
});

test("the demo page's wasm preload is the download the SDK uses: the wasm is fetched once", async ({ page, context, server, errors }) => {
  await signInContext(context, server, ["ada@example.test"]);
  const wasm = [];
  page.on("request", (r) => r.url().endsWith("/dist/clerk_wasm_bg.wasm") && wasm.push(r.url()));
  const warnings = [];
  page.on("console", (m) => /preload/i.test(m.text()) && warnings.push(m.text()));
  await page.goto(`${server}/index.html`);
  await page.waitForSelector(".cl-userButtonTrigger");
  // Chromium warns about an unused preload a few seconds after the load event; by then a
  // mismatched preload (other credentials mode, other URL) has also cost a second download.
  await page.waitForTimeout(3_500);
  expectEqual(wasm.length, 1, "wasm downloads");
  expectEqual(warnings, [], "preload warnings");
  expectEqual(errors, [], "page errors");
});

// Pages on another origin than the development server, as a real site is: the script and its wasm
// come from the server's /dist/ (served CDN-style), the Frontend API from the server too (withPage).

test("the classic snippet from another origin loads the wasm beside the script and mounts the button", async ({ page, context, server, errors }) => {
  await signInContext(context, server, ["ada@example.test"]);
  const html = `<!doctype html><div id="ub"></div>
    <script src="${server}/dist/clerk.global.js" data-clerk-publishable-key="${keyFor(server)}"></script>
    <script>window.Clerk.mountUserButton(document.getElementById("ub"));</script>`;
  await withPage({ "index.html": html }, async (site) => {
    const wasm = page.waitForResponse((r) => r.url() === `${server}/dist/clerk_wasm_bg.wasm`);
    await page.goto(`${site}/index.html`);
    expectEqual((await wasm).status(), 200, "wasm fetched from beside the script");
    await page.locator("#ub .cl-userButtonTrigger").waitFor({ state: "visible" });
    expectEqual(await page.evaluate(() => window.Clerk.user.firstName), "Ada", "the signed-in user");
  });
  expectEqual(errors, [], "page errors");
});

test("data-clerk-autoload=false creates window.Clerk without loading it or calling the API", async ({ page, server }) => {
  const html = `<!doctype html>
    <script src="${server}/dist/clerk.global.js" data-clerk-publishable-key="${keyFor(server)}" data-clerk-autoload="false"></script>`;
  await withPage({ "index.html": html }, async (site) => {
    await page.goto(`${site}/index.html`);
    await page.waitForLoadState("networkidle");
    expectEqual(await page.evaluate(() => [window.Clerk.loaded, window.Clerk.status]), [false, "loading"], "before load()");
    expectEqual(await dev(server, "GET", "/__dev/requests"), [], "FAPI requests before load()");
    await page.evaluate(() => window.Clerk.load());
    expectEqual(await page.evaluate(() => [window.Clerk.loaded, window.Clerk.user]), [true, null], "after load()");
  });
});

test("an existing window.Clerk is never replaced, and the globals configure the script", async ({ page, server }) => {
  const html = `<!doctype html>
    <script>window.Clerk = { mine: true };</script>
    <script src="${server}/dist/clerk.global.js" data-clerk-publishable-key="${keyFor(server)}"></script>`;
  const globals = `<!doctype html>
    <script>window.__clerk_publishable_key = "${keyFor(server)}";</script>
    <script src="${server}/dist/clerk.global.js"></script>`;
  await withPage({ "kept.html": html, "globals.html": globals }, async (site) => {
    await page.goto(`${site}/kept.html`);
    await page.waitForFunction(() => window.ClerkWasm !== undefined);
    expectEqual(await page.evaluate(() => window.Clerk), { mine: true }, "the page's own window.Clerk");
    await page.goto(`${site}/globals.html`);
    await page.waitForFunction(() => window.Clerk?.loaded);
    expectEqual(await page.evaluate(() => window.Clerk.frontendApi), new URL(server).host, "configured from the globals");
  });
});

// The same table as src/config.rs's unit tests: the facade's synchronous check must match Rust's.
const KEYS = {
  pk_test_MTI3LjAuMC4xOjQwMDAk: "127.0.0.1:4000",
  pk_live_Y2xlcmsuZXhhbXBsZS5jb20k: "clerk.example.com",
  pk_live_Y2xlcmsuZXhhbXBsZS5jbyQ: "clerk.example.co",
  "pk_live_Y2xlcmsuZXhhbXBsZS5jbyQ=": "clerk.example.co",
  pk_test_bG9jYWxob3N0OjMwMDAk: "localhost:3000",
  "": null,
  pk_test_: null,
  sk_test_Y2xlcmsuZXhhbXBsZS5jb20k: null,
  "pk_test_!!!!": null,
  pk_test_Y2xlcmsuZXhhbXBsZS5jb20: null, // no trailing $
  pk_test_Y2xlcmskLmV4YW1wbGUuY29tJA: null, // two $
  pk_test_bm9kb3Qk: null, // no dot
  pk_test_PHNjcmlwdD4uJA: null, // "<script>.$"
};

test("the facade's synchronous key check agrees with the wasm's", async ({ page, server }) => {
  await page.goto(`${server}/index.html`);
  await page.waitForFunction(() => window.Clerk?.loaded);
  const verdicts = await page.evaluate(async (keys) => {
    const { Clerk } = window.ClerkWasm;
    const out = {};
    for (const key of keys) {
      let clerk;
      try {
        clerk = new Clerk(key);
      } catch (e) {
        out[key] = { js: e.code, name: e.name };
        continue;
      }
      // setActive waits for the wasm instance: a key the wasm refuses rejects with its code;
      // a valid one reaches the core, which answers without any request (not loaded yet).
      const wasm = await clerk.setActive({ session: null }).then(() => "ok", (e) => e.code);
      out[key] = { js: clerk.frontendApi, wasm };
    }
    return out;
  }, Object.keys(KEYS));
  for (const [key, host] of Object.entries(KEYS)) {
    const v = verdicts[key];
    if (host === null) expectEqual(v, { js: "invalid_publishable_key", name: "ClerkRuntimeError" }, `verdict for "${key}"`);
    else {
      expectEqual(v.js, host, `frontendApi for ${key}`);
      if (v.wasm === "invalid_publishable_key") throw new Error(`the wasm refuses ${key}, which the facade accepts`);
    }
  }
});

test("mountUserButton with something that is not an element throws a typed error at once", async ({ page, server }) => {
  await page.goto(`${server}/index.html`);
  const codes = await page.evaluate(() =>
    [null, "#user-button", {}, document.createTextNode("x")].map((el) => {
      try {
        window.Clerk.mountUserButton(el);
        return "no error";
      } catch (e) {
        return `${e.name}:${e.code}`;
      }
    }),
  );
  expectEqual(codes, Array(4).fill("ClerkRuntimeError:invalid_element"), "errors for bad elements");
});
