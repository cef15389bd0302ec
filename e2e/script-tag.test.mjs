import { readFileSync } from "node:fs";
import { expectEqual, test } from "./harness.mjs";

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
