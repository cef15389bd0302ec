// The fixture app, built by each bundler from the npm tarball (e2e/fixtures/build.mjs), signs out
// against the development server from another origin.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dev, expectEqual, signInContext, test } from "./harness.mjs";
import { serveStatic } from "./static.mjs";

for (const bundler of ["vite", "webpack", "rollup", "esbuild"]) {
  test(`an app bundled with ${bundler} from the npm tarball loads and signs out`, async ({ page, context, server, errors }) => {
    // A panic in the wasm reports on the console, then traps: its promise never settles.
    const consoleErrors = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    const dir = fileURLToPath(new URL(`./fixtures/${bundler}/dist`, import.meta.url));
    if (!existsSync(dir)) throw new Error(`${dir} is missing: the fixture build step did not run`);
    const other = await dev(server, "POST", "/__dev/clients", { identifiers: ["ada@example.test"] });
    const mine = await signInContext(context, server, ["grace@example.test"]);

    const site = await serveStatic(dir);
    try {
      await page.goto(`${site.url}/index.html?fapi=${new URL(server).host}`);
      // Bounded: an app that never settles fails with where it stopped and what the server saw,
      // well before the harness's per-test timeout.
      const settled = await page
        .waitForFunction(() => window.__stage === "settled", null, { timeout: 30_000 })
        .then(() => page.evaluate(() => window.__fixture), () => null);
      if (settled === null) {
        const stage = await page.evaluate(() => `${window.__stage} (clerk.status ${window.__clerk?.status})`);
        const seen = (await dev(server, "GET", "/__dev/requests")).map((r) => `${r.effective_method} ${r.path}`);
        throw new Error(
          `the app did not settle within 30 s: stopped at ${stage}; requests the server logged: ${JSON.stringify(seen)}; ` +
            `page errors: ${JSON.stringify(errors)}; console errors: ${JSON.stringify(consoleErrors)}`,
        );
      }
      const result = settled;
      expectEqual(result.error ?? null, null, "error from the app");
      expectEqual(errors, [], "page errors");
      expectEqual(result.before.isSignedIn, true, "signed in before");
      expectEqual(result.after, { isSignedIn: false, user: null }, "state after signOut");
      const status = async (id) => (await dev(server, "GET", `/__dev/sessions/${id}`)).status;
      if ((await status(mine.session_ids[0])) === "active") throw new Error("this browser's session is still active");
      expectEqual(await status(other.session_ids[0]), "active", "another browser's session");
    } finally {
      await site.stop();
    }
  });
}
