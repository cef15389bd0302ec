// clerk-wasm/react in a Vite + React app built from the npm tarball (e2e/fixtures/react, built by
// e2e/fixtures/build.mjs), under StrictMode, against the development server: the seed's two
// snippets sign out, and the hooks follow the SDK's states, including a sign-out in another tab.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dev, eventually, expectEqual, signInContext, test } from "./harness.mjs";
import { serveStatic } from "./static.mjs";

// React's production build (dist) and its development build (dist-dev), where StrictMode mounts,
// unmounts and mounts every effect again.
const BUILDS = { production: "dist", development: "dist-dev" };

async function serveBuild(build) {
  const dir = fileURLToPath(new URL(`./fixtures/react/${BUILDS[build]}`, import.meta.url));
  if (!existsSync(dir)) throw new Error(`${dir} is missing: the fixture build step did not run`);
  return serveStatic(dir);
}

const status = async (server, id) => (await dev(server, "GET", `/__dev/sessions/${id}`)).status;

/** Opens `page` (a fixture page) and counts the wasm downloads it makes. */
async function open(page, site, server, file) {
  const wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
  await page.goto(`${site.url}/${file}?fapi=${new URL(server).host}`);
  return wasm;
}

for (const build of Object.keys(BUILDS)) {
  test(`React (${build}): the seed's <UserButton /> shows in the header, once, and its Sign out ends the session`, async ({ page, context, server, errors }) => {
    const mine = await signInContext(context, server, ["grace@example.test"]);
    const site = await serveBuild(build);
    try {
      const wasm = await open(page, site, server, "index.html");
      const trigger = page.locator("header > h1 + div button.cl-userButtonTrigger");
      await trigger.waitFor({ state: "visible" });
      expectEqual(await page.locator("header h1").textContent(), "My application", "the header's title");
      expectEqual(await page.locator(".cl-userButtonBox").count(), 1, "user buttons in the page");
      if (build === "development") expectEqual(await page.evaluate(() => window.__effectRuns), 2, "StrictMode's double effects ran");
      expectEqual(wasm.length, 1, "wasm downloads");
      await trigger.click();
      await page.getByRole("dialog", { name: "Account panel" }).getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/signed-out/);
      if ((await status(server, mine.session_ids[0])) === "active") throw new Error("the session is still active on the server");
      // After the redirect the app loads again, signed out: no button.
      await page.getByRole("button", { name: "Sign out" }).waitFor({ state: "visible" });
      await eventually(() => page.evaluate(() => document.querySelector("header > div")?.childElementCount === 0), "an empty user button host");
      expectEqual(errors, [], "page errors");
    } finally {
      await site.stop();
    }
  });

  test(`React (${build}): the seed's useClerk().signOut() button ends the session on the server`, async ({ page, context, server, errors }) => {
    const other = await dev(server, "POST", "/__dev/clients", { identifiers: ["ada@example.test"] });
    const mine = await signInContext(context, server, ["grace@example.test"]);
    const site = await serveBuild(build);
    try {
      await open(page, site, server, "index.html");
      await page.locator("button.cl-userButtonTrigger").waitFor({ state: "visible" });
      await page.locator("main").getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/signed-out/);
      await eventually(async () => (await status(server, mine.session_ids[0])) !== "active", "the session to end on the server");
      expectEqual(await status(server, other.session_ids[0]), "active", "another browser's session");
      const signOuts = (await dev(server, "GET", "/__dev/requests")).filter((r) => r.effective_method === "DELETE" && r.path === "/v1/client/sessions");
      expectEqual(signOuts.length, 1, "sign-out requests the server received");
      expectEqual(errors, [], "page errors");
    } finally {
      await site.stop();
    }
  });
}

test("React: the hooks go loading → signed in → signed out by another tab, and agree in every render", async ({ page, context, server, errors }) => {
  const mine = await signInContext(context, server, ["ada@example.test"]);
  const userId = (await dev(server, "GET", `/__dev/sessions/${mine.session_ids[0]}`)).user_id;
  const site = await serveBuild("development");
  try {
    const wasm = await open(page, site, server, "hooks.html");
    const states = () => page.evaluate(() => window.__states);
    await eventually(async () => (await states()).at(-1)?.isSignedIn === true, "a signed-in state");
    const loading = { isLoaded: false, isSignedIn: undefined, userId: "undefined", sessionId: "undefined", agree: true, shown: ["loading"] };
    const signedIn = { isLoaded: true, isSignedIn: true, userId, sessionId: mine.session_ids[0], agree: true, shown: ["loaded", "signed-in"] };
    expectEqual(await states(), [JSON.parse(JSON.stringify(loading)), signedIn], "states while loading");
    await eventually(() => page.evaluate(() => typeof window.__token === "string" && window.__token.split(".").length === 3), "useAuth().getToken() to give a JWT");
    // Two providers with one key share one Clerk; two user buttons; one wasm download.
    expectEqual(await page.locator(".cl-userButtonBox").count(), 2, "user buttons");
    expectEqual(wasm.length, 1, "wasm downloads");

    // Another tab signs out with <SignOutButton> wrapping the app's own button.
    const other = await context.newPage();
    await open(other, site, server, "hooks.html");
    await other.locator("#leave").waitFor({ state: "visible" });
    await other.locator("button.cl-userButtonTrigger").first().waitFor({ state: "visible" });
    await other.locator("#leave").click();
    await other.waitForURL(/signed-out/);
    expectEqual(await other.evaluate(() => window.__leaveClicked ?? "reloaded"), "reloaded", "the page after the redirect");
    if ((await status(server, mine.session_ids[0])) === "active") throw new Error("the session is still active on the server");

    // This tab follows, without a reload.
    await eventually(async () => (await states()).at(-1)?.isSignedIn === false, "this tab to see the sign-out");
    const signedOut = { isLoaded: true, isSignedIn: false, userId: null, sessionId: null, agree: true, shown: ["loaded", "signed-out"] };
    const after = (await states()).slice(2);
    expectEqual(after.at(-1), signedOut, "the last state");
    for (const s of after) if (!s.agree) throw new Error(`the hooks disagreed in a render: ${JSON.stringify(after)}`);
    await eventually(async () => (await page.locator(".cl-userButtonBox").count()) === 0 || (await page.locator(".cl-userButtonTrigger").count()) === 0, "the user buttons to empty");
    expectEqual(errors, [], "page errors");
  } finally {
    await site.stop();
  }
});

test("React: <UserButton> keeps its nodes when its parent re-renders and when its props change, and calls the latest onClick", async ({ page, context, server, errors }) => {
  await signInContext(context, server, ["grace@example.test"]);
  const site = await serveBuild("development");
  try {
    await open(page, site, server, "hooks.html");
    const trigger = page.locator("#second button.cl-userButtonTrigger");
    await trigger.waitFor({ state: "visible" });
    await trigger.evaluate((el) => (el.__mark = "same node"));
    await trigger.click();
    const panel = page.locator("#second").getByRole("dialog", { name: "Account panel" });
    await panel.waitFor({ state: "visible" });
    // Clicks dispatched to the buttons, so the open panel sees no click outside it.
    // A re-render with new `appearance` and `customMenuItems` objects and a new arrow function.
    await page.locator("#rerender").dispatchEvent("click");
    await eventually(() => page.locator("#rerender").textContent().then((t) => t.includes("(1)")), "the parent to re-render");
    expectEqual(await trigger.evaluate((el) => el.__mark ?? null), "same node", "the trigger after the parent re-rendered");
    expectEqual(await panel.isVisible(), true, "the panel stays open after a re-render");

    // showName changes what the button shows, in place.
    await page.locator("#show-name").dispatchEvent("click");
    await page.locator("#second .cl-userButtonOuterIdentifier").waitFor({ state: "visible" });
    expectEqual(await trigger.evaluate((el) => el.__mark ?? null), "same node", "the trigger after showName changed");
    expectEqual(await panel.isVisible(), true, "the panel stays open after a props change");
    expectEqual(await page.locator("#second .cl-userButtonBox").count(), 1, "user buttons in the second host");

    await panel.getByRole("button", { name: "Ping" }).click();
    expectEqual(await page.evaluate(() => window.__pings), 1, "onClick calls");
    expectEqual(errors, [], "page errors");
  } finally {
    await site.stop();
  }
});

test("React: server markup hydrates without a mismatch, then the user button mounts on the client", async ({ page, context, server, errors }) => {
  await signInContext(context, server, ["ada@example.test"]);
  const site = await serveBuild("development");
  try {
    await open(page, site, server, "hydrate.html");
    await page.locator("header button.cl-userButtonTrigger").waitFor({ state: "visible" });
    await page.locator("#signed-in").waitFor({ state: "visible" });
    const serverMarkup = await page.evaluate(() => window.__serverMarkup);
    expectEqual(
      serverMarkup,
      '<header><h1>My application</h1></header><p id="loading">Loading</p><button>Sign out</button>',
      "the server markup: no user button, still loading",
    );
    expectEqual(await page.evaluate(() => window.__hydrationErrors), [], "hydration errors");
    expectEqual(await page.locator("#loading").count(), 0, "<ClerkLoading> after the load");
    expectEqual(errors, [], "page errors");
  } finally {
    await site.stop();
  }
});
