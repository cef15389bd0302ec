// When the wasm cannot start (a CSP without 'wasm-unsafe-eval', a blocked or corrupt .wasm),
// the failure is loud (issue 18): `Clerk.status` becomes "error", `load()` and calls queued before
// the failure reject with a ClerkRuntimeError naming the cause, and one console error says how to
// fix it.
import { eventually, expectEqual, test } from "./harness.mjs";
import { keyFor, withPage } from "./static.mjs";

/** A page on another origin loading the script tag from the server, under `csp` if given. */
const pageHtml = (server, csp) => `<!doctype html>
  ${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ""}
  <div id="ub"></div>
  <script src="${server}/dist/clerk.global.js" data-clerk-publishable-key="${keyFor(server)}"></script>
  <script src="queue.js"></script>`;

// Runs before the wasm can have arrived: a call queued behind it, and a mount.
const queueJs = `window.queued = window.Clerk.signOut().then(() => "resolved", (e) => ({ name: e.name, code: e.code, message: e.message }));
  window.Clerk.mountUserButton(document.getElementById("ub"));`;

/** Opens the page, waits for the status to settle, and reports what the page saw. */
async function outcome(page, url) {
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && /clerk-wasm/.test(m.text()) && consoleErrors.push(m.text()));
  await page.goto(url);
  await eventually(() => page.evaluate(() => window.Clerk.status !== "loading"), "the status to leave loading");
  const seen = await page.evaluate(async () => ({
    status: window.Clerk.status,
    loaded: window.Clerk.loaded,
    load: await window.Clerk.load().then(
      () => "resolved",
      (e) => ({ name: e.name, code: e.code, message: e.message, runtime: e.clerkRuntimeError }),
    ),
    queued: await window.queued,
    button: document.querySelector("#ub").childElementCount,
  }));
  return { seen, consoleErrors };
}

test("a page whose CSP lacks 'wasm-unsafe-eval' gets status error, rejections naming it and one console error with the fix", async ({ page, server }) => {
  const csp = `default-src 'self'; script-src 'self' ${server}; connect-src 'self' ${server}`;
  await withPage({ "index.html": pageHtml(server, csp), "queue.js": queueJs }, async (site) => {
    const { seen, consoleErrors } = await outcome(page, `${site}/index.html`);
    expectEqual([seen.status, seen.loaded, seen.button], ["error", false, 0], "status, loaded, button");
    expectEqual([seen.load.name, seen.load.code, seen.load.runtime], ["ClerkRuntimeError", "wasm_blocked_by_csp", true], "load()'s rejection");
    if (!seen.load.message.includes("'wasm-unsafe-eval'")) throw new Error(`the message does not name 'wasm-unsafe-eval': ${seen.load.message}`);
    expectEqual(seen.queued, { name: seen.load.name, code: seen.load.code, message: seen.load.message }, "the queued signOut()'s rejection");
    expectEqual(consoleErrors.length, 1, `console errors from clerk-wasm (${consoleErrors.join(" | ")})`);
    if (!/script-src 'self' 'wasm-unsafe-eval'/.test(consoleErrors[0])) throw new Error(`no fix in the console error: ${consoleErrors[0]}`);
  });
});

test("the same page with 'wasm-unsafe-eval' in its CSP loads", async ({ page, server }) => {
  const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${server}; connect-src 'self' ${server}`;
  await withPage({ "index.html": pageHtml(server, csp), "queue.js": "" }, async (site) => {
    await page.goto(`${site}/index.html`);
    await eventually(() => page.evaluate(() => window.Clerk.loaded), "Clerk.loaded");
    expectEqual(await page.evaluate(() => window.Clerk.status), "ready", "status");
  });
});

test("a blocked .wasm and a corrupt .wasm each get status error and a wasm_load_failed rejection", async ({ page, server }) => {
  await withPage({ "index.html": pageHtml(server), "queue.js": queueJs }, async (site) => {
    for (const [what, handle] of [
      ["blocked", (route) => route.abort("blockedbyclient")],
      ["corrupt", (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("\0asm not a module") })],
    ]) {
      await page.route("**/clerk_wasm_bg.wasm", handle);
      const { seen, consoleErrors } = await outcome(page, `${site}/index.html?${what}`);
      await page.unroute("**/clerk_wasm_bg.wasm");
      page.removeAllListeners("console");
      expectEqual([seen.status, seen.load.name, seen.load.code], ["error", "ClerkRuntimeError", "wasm_load_failed"], `${what}: status and rejection`);
      expectEqual(seen.queued.code, "wasm_load_failed", `${what}: the queued call`);
      expectEqual(consoleErrors.length, 1, `${what}: console errors (${consoleErrors.join(" | ")})`);
    }
  });
});
