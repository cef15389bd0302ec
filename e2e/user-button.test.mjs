// The user button end to end: the demo pages, real clicks, the real development server.
import { mkdirSync } from "node:fs";
import { dev, eventually, expectEqual, test } from "./harness.mjs";

const shots = new URL("../test-results/", import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

const trigger = (page) => page.locator("#user-button button.cl-userButtonTrigger");
const panel = (page) => page.getByRole("dialog", { name: "Account panel" });

async function signInAs(page, server, identifier, back = "/") {
  await page.goto(`${server}/sign-in.html?redirect_url=${encodeURIComponent(back)}`);
  await page.locator(`[data-identifier="${identifier}"]`).click();
  await page.waitForURL(`${server}${back}`);
  await trigger(page).waitFor({ state: "visible" });
}

const activeSessions = async (server) =>
  (await dev(server, "GET", "/__dev/clients")).flatMap((c) => c.sessions).filter((s) => s.status === "active");

test("signing in shows the user button, and its Sign out ends the session on the server", async ({ page, server, errors }) => {
  await signInAs(page, server, "ada@example.test");
  expectEqual((await activeSessions(server)).length, 1, "active sessions after sign-in");
  await page.screenshot({ path: `${shots}user-button-light.png` });

  await trigger(page).click();
  await panel(page).waitFor({ state: "visible" });
  expectEqual(await trigger(page).getAttribute("aria-expanded"), "true", "aria-expanded when open");
  await page.screenshot({ path: `${shots}user-button-panel-open.png` });

  await panel(page).getByRole("button", { name: "Sign out" }).click();
  await eventually(async () => (await page.locator("#user-button").innerHTML()) === "", "the button to disappear");
  expectEqual(await activeSessions(server), [], "active sessions after sign-out");
  const signOuts = (await dev(server, "GET", "/__dev/requests")).filter(
    (r) => r.effective_method === "DELETE" && r.path === "/v1/client/sessions",
  );
  expectEqual(signOuts.length, 1, "sign-out requests the server received");
  expectEqual(errors, [], "page errors");
});

test("the user button follows a dark colour scheme", async ({ page, server }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signInAs(page, server, "grace@example.test");
  await trigger(page).click();
  await panel(page).waitFor({ state: "visible" });
  await page.screenshot({ path: `${shots}user-button-dark-panel-open.png` });
  const bg = await panel(page).evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  if (r + g + b > 3 * 100) throw new Error(`the panel is not dark in dark mode: ${bg}`);
});

test("Escape closes the panel and returns focus to the trigger", async ({ page, server }) => {
  await signInAs(page, server, "linus");
  await trigger(page).focus();
  await page.keyboard.press("Enter");
  await panel(page).waitFor({ state: "visible" });
  await page.keyboard.press("Escape");
  await panel(page).waitFor({ state: "hidden" });
  expectEqual(await page.evaluate(() => document.activeElement?.classList.contains("cl-userButtonTrigger")), true, "focus on the trigger");
});

test("the strict-CSP page shows the button and signs out with zero CSP violations", async ({ page, server, errors }) => {
  const violations = [];
  await page.exposeFunction("__reportViolation", (v) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => window.__reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
  );
  page.on("console", (m) => /Content.Security.Policy/i.test(m.text()) && violations.push(m.text()));
  await signInAs(page, server, "ada@example.test", "/strict-csp.html");
  await trigger(page).click();
  await panel(page).waitFor({ state: "visible" });
  const styled = await panel(page).evaluate((el) => getComputedStyle(el).position);
  expectEqual(styled, "absolute", "the panel's stylesheet applies under the strict CSP");
  await panel(page).getByRole("button", { name: "Sign out" }).click();
  await eventually(async () => (await page.locator("#user-button").innerHTML()) === "", "the button to disappear");
  expectEqual(violations, [], "CSP violations");
  expectEqual(errors, [], "page errors");
});

test("multi-session: add accounts, switch, sign out of one, then of all", async ({ page, server }) => {
  await dev(server, "POST", "/__dev/reset", { multi_session: true });
  await signInAs(page, server, "ada@example.test", "/multi-session.html");
  await signInAs(page, server, "grace@example.test", "/multi-session.html");
  await signInAs(page, server, "linus", "/multi-session.html");
  expectEqual((await activeSessions(server)).length, 3, "three active sessions");

  await trigger(page).click();
  const others = panel(page).getByRole("group", { name: "Active sessions" });
  await others.waitFor({ state: "visible" });
  await page.screenshot({ path: `${shots}user-button-multi-session.png` });
  // Switching goes to display_config.after_switch_session_url ("/" on the development server).
  const switched = page.waitForEvent("framenavigated");
  await others.getByRole("button", { name: /Ada Lovelace/ }).click();
  await switched;
  await page.waitForLoadState();
  await eventually(() => page.evaluate(() => window.Clerk.user?.firstName === "Ada"), "Ada to become current");
  const touches = (await dev(server, "GET", "/__dev/requests")).filter((r) => r.path.endsWith("/touch"));
  expectEqual(touches.length, 1, "touch requests for the switch");

  await trigger(page).click();
  const left = page.waitForEvent("framenavigated");
  await panel(page).getByRole("button", { name: "Sign out", exact: true }).click();
  await left;
  await page.waitForLoadState();
  expectEqual((await activeSessions(server)).length, 2, "active sessions once only Ada signed out");
  const remaining = (await activeSessions(server)).map((s) => s.id);

  await page.goto(`${server}/multi-session.html`);
  await trigger(page).waitFor({ state: "visible" });
  const current = await page.evaluate(() => window.Clerk.session.id);
  if (!remaining.includes(current)) throw new Error(`current session ${current} is not one of ${remaining}`);
  await trigger(page).click();
  const gone = page.waitForEvent("framenavigated");
  await panel(page).getByRole("button", { name: "Sign out of all accounts" }).click();
  await gone;
  await page.waitForLoadState();
  expectEqual(await activeSessions(server), [], "active sessions after signing out of all");
  await page.goto(`${server}/multi-session.html`);
  await page.waitForFunction(() => window.Clerk.loaded);
  expectEqual(await page.locator("#user-button").innerHTML(), "", "no button once signed out of all");
});

test("signing out in one tab signs the other tab out too", async ({ context, page, server }) => {
  await signInAs(page, server, "grace@example.test");
  const other = await context.newPage();
  await other.goto(`${server}/`);
  await trigger(other).waitFor({ state: "visible" });
  // A callback instead of the redirect keeps this tab still; the other tab is the one under test.
  await page.evaluate(() => window.Clerk.signOut(() => {}));
  await eventually(() => other.evaluate(() => window.Clerk.user === null), "the other tab to see the sign-out");
  await eventually(async () => (await other.locator("#user-button").innerHTML()) === "", "the other tab's button to disappear");
});

// DESIGN.md's budget, as a test: bytes are deterministic here, unlike the benchmark's timings.
// A JS exception caught on every mount once grew the wasm memory by 64 KB per ~1,000 cycles.
test("2,000 mount/unmount cycles leave no DOM nodes behind and do not grow the wasm memory", async ({ page, server, errors }) => {
  await signInAs(page, server, "ada@example.test");
  const { nodes, memory } = await page.evaluate(async () => {
    const host = document.createElement("div");
    document.body.append(host);
    const count = () => document.getElementsByTagName("*").length;
    const cycle = (n) => {
      for (let i = 0; i < n; i++) {
        window.Clerk.mountUserButton(host);
        window.Clerk.unmountUserButton(host);
      }
    };
    cycle(100); // warm-up: the heap's first growth is not a leak
    const before = { nodes: count(), memory: window.ClerkWasm.memoryBytes() };
    cycle(2000);
    return {
      nodes: [before.nodes, count()],
      memory: [before.memory, window.ClerkWasm.memoryBytes()],
    };
  });
  expectEqual(nodes[1], nodes[0], "DOM nodes after the cycles");
  if (typeof memory[0] !== "number") throw new Error(`wasm memory unreadable: ${memory[0]}`);
  if (memory[1] - memory[0] > 0) throw new Error(`wasm memory grew from ${memory[0]} to ${memory[1]} B`);
  expectEqual(errors, [], "page errors");
});
