// The user button on any page and for any name, as a user sees it: the demo pages' flex header,
// a phone-sized viewport, a 256-character name, 23 signed-in sessions, a pinned palette against
// the OS's, a right-to-left page, and the trigger's accessible name.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer } from "../scripts/lib.mjs";
import { dev, eventually, expectEqual, signInContext, test } from "./harness.mjs";

const PHONE = { width: 375, height: 740 };
const trigger = (page) => page.locator("#user-button button.cl-userButtonTrigger");
const panel = (page) => page.getByRole("dialog", { name: "Account panel" });

/** Opens the demo page `file` signed in (the harness's context), and the panel. */
async function openPanel(page, server, file = "index.html") {
  await page.goto(`${server}/${file}`);
  await trigger(page).click();
  await panel(page).waitFor({ state: "visible" });
}

/** What the page shows of the layout: viewport, horizontal overflow, the trigger and the panel. */
const layout = (page) =>
  page.evaluate(() => {
    const rect = (el) => el && el.getBoundingClientRect().toJSON();
    const root = document.documentElement;
    return {
      viewport: { width: root.clientWidth, height: root.clientHeight },
      scrollsSideways: root.scrollWidth > root.clientWidth,
      trigger: rect(document.querySelector("#user-button .cl-userButtonTrigger")),
      avatar: rect(document.querySelector("#user-button .cl-userButtonAvatarBox")),
      panel: rect(document.querySelector("#user-button [role=dialog]")),
    };
  });

function assertInside(box, viewport, what) {
  const inside = box.left >= 0 && box.top >= 0 && box.right <= viewport.width && box.bottom <= viewport.height;
  if (!inside) throw new Error(`${what} is not inside the ${viewport.width}×${viewport.height} viewport: ${JSON.stringify(box)}`);
}

test("every action row of the panel has its icon", async ({ page, context, server }) => {
  await dev(server, "POST", "/__dev/reset", { multi_session: true });
  await signInContext(context, server, ["ada@example.test", "grace@example.test"]);
  await openPanel(page, server, "multi-session.html");
  const rows = await panel(page).evaluate((card) =>
    [...card.querySelectorAll(".cl-userButtonPopoverActionButton:not(.cl-userButtonPopoverActionButton__session)")].map((row) => {
      const icon = row.querySelector("svg.cl-userButtonPopoverActionButtonIcon");
      const box = icon?.getBoundingClientRect();
      return { text: row.textContent, paths: icon?.querySelectorAll("path").length ?? 0, drawn: !!box && box.width >= 12 && box.height >= 12 };
    }),
  );
  expectEqual(rows.map((r) => r.text), ["Manage account", "Sign out", "Add account", "Sign out of all accounts"], "action rows");
  for (const row of rows) if (!row.paths || !row.drawn) throw new Error(`no icon drawn in the row "${row.text}": ${JSON.stringify(row)}`);
});

test("at 375×740 the open panel stays inside the viewport and nothing scrolls sideways", async ({ page, context, server }) => {
  await page.setViewportSize(PHONE);
  await signInContext(context, server, ["ada@example.test"]);
  await openPanel(page, server);
  const seen = await layout(page);
  assertInside(seen.panel, seen.viewport, "the panel");
  assertInside(seen.trigger, seen.viewport, "the trigger");
  expectEqual(seen.scrollsSideways, false, "horizontal scroll");
});

test("the panel flips and shifts to stay inside a 320-px-wide viewport wherever the trigger is", async ({ page, context, server }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signInContext(context, server, ["grace@example.test"]);
  await page.goto(`${server}/index.html`);
  for (const justify of ["flex-start", "center", "flex-end"]) {
    await page.evaluate((j) => {
      const header = document.querySelector("header");
      header.style.justifyContent = j;
      header.querySelector("nav").style.display = j === "flex-end" ? "" : "none";
    }, justify);
    await trigger(page).click();
    await panel(page).waitFor({ state: "visible" });
    const seen = await layout(page);
    assertInside(seen.panel, seen.viewport, `the panel (trigger ${justify})`);
    expectEqual(seen.scrollsSideways, false, `horizontal scroll (trigger ${justify})`);
    await page.keyboard.press("Escape");
    await panel(page).waitFor({ state: "hidden" });
  }
});

/** A development server of its own with one user whose first name is 256 characters long. */
async function serverWithLongName(fn) {
  const dir = mkdtempSync(path.join(tmpdir(), "clerk-wasm-users-"));
  const firstName = "Maximiliana Wilhelmina Theodora ".repeat(8).slice(0, 256);
  const file = path.join(dir, "users.json");
  writeFileSync(file, JSON.stringify([
    { id: "user_2longName000000000000001", first_name: firstName, last_name: "von Habsburg", email_addresses: ["long@example.test"], password: "demo-password" },
  ]));
  const own = await startServer(["--faults", "--users", file]);
  try {
    await fn(own.url, firstName);
  } finally {
    await own.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a 256-character name is cut with an ellipsis in the flex header, with no horizontal scroll", async ({ page, context }) => {
  await serverWithLongName(async (server, firstName) => {
    expectEqual(firstName.length, 256, "the first name's length");
    await signInContext(context, server, ["long@example.test"]);
    for (const viewport of [PHONE, { width: 1280, height: 720 }]) {
      await page.setViewportSize(viewport);
      await page.goto(`${server}/index.html`);
      await trigger(page).waitFor({ state: "visible" });
      const seen = await layout(page);
      const name = await page.locator("#user-button .cl-userButtonOuterIdentifier").evaluate((el) => ({
        title: el.title,
        cut: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
        width: el.getBoundingClientRect().width,
      }));
      const where = `${viewport.width} px wide`;
      expectEqual(name.title, `${firstName.trim()} von Habsburg`, `the full name in the title (${where})`);
      expectEqual(name.cut, true, `the name is cut (${where})`);
      expectEqual(seen.scrollsSideways, false, `horizontal scroll (${where})`);
      assertInside(seen.avatar, seen.viewport, `the avatar (${where})`);
      if (seen.trigger.width > 20 * 16 + 0.5) throw new Error(`the trigger is ${seen.trigger.width} px wide (${where}), over 20rem`);
      if (name.width < 16) throw new Error(`the name got no room at all (${where}): ${name.width} px`);
    }
    await trigger(page).click();
    await panel(page).waitFor({ state: "visible" });
    const seen = await layout(page);
    assertInside(seen.panel, seen.viewport, "the panel with the long name");
    expectEqual(seen.scrollsSideways, false, "horizontal scroll with the panel open");
  });
});

test("with 23 sessions the panel is no taller than the viewport and the session list scrolls inside it", async ({ page, context, server }) => {
  await dev(server, "POST", "/__dev/reset", { multi_session: true });
  const people = ["ada@example.test", "grace@example.test", "linus"];
  await signInContext(context, server, Array.from({ length: 23 }, (_, i) => people[i % 3]));
  for (const viewport of [PHONE, { width: 1280, height: 720 }]) {
    await page.setViewportSize(viewport);
    await openPanel(page, server, "multi-session.html");
    const seen = await layout(page);
    const where = `${viewport.width}×${viewport.height}`;
    assertInside(seen.panel, seen.viewport, `the panel (${where})`);
    const list = await panel(page).evaluate((card) => {
      const list = card.querySelector(".cl-userButtonPopoverSessions");
      return { rows: list.querySelectorAll("button").length, scrolls: list.scrollHeight > list.clientHeight };
    });
    expectEqual(list, { rows: 22, scrolls: true }, `the session list (${where})`);
    // The last session is within reach: scrolled to inside the list, it is on screen.
    const last = panel(page).locator(".cl-userButtonPopoverActionButton__session").last();
    await last.scrollIntoViewIfNeeded();
    const box = await last.boundingBox();
    if (!box || box.y + box.height > seen.viewport.height) throw new Error(`the last session is out of reach (${where})`);
    expectEqual(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth), false, `horizontal scroll (${where})`);
  }
});

/** The open panel's background, as rendered, for a button mounted with `appearance`. */
async function panelBackground(page, server, appearance) {
  await page.goto(`${server}/index.html`);
  await page.waitForFunction(() => window.Clerk.loaded);
  return page.evaluate((appearance) => {
    const el = document.body.appendChild(document.createElement("div"));
    window.Clerk.mountUserButton(el, { appearance });
    el.querySelector(".cl-userButtonTrigger").click();
    return getComputedStyle(el.querySelector("[role=dialog]")).backgroundColor;
  }, appearance);
}

const isDark = (rgb) => rgb.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b) < 3 * 100;

test("appearance.baseTheme pins light on a dark OS and dark on a light OS", async ({ page, context, server }) => {
  await signInContext(context, server, ["ada@example.test"]);
  // @clerk/themes' `dark`, as that package builds it: variables, style objects, a type tag.
  const clerkThemesDark = { __type: "prebuilt_appearance", variables: { colorBackground: "#19191A", colorText: "white" }, elements: { providerIcon__github: { filter: "invert(1)" } } };
  const cases = [
    ["dark", undefined, true],
    ["dark", { baseTheme: "light" }, false],
    ["light", undefined, false],
    ["light", { baseTheme: "dark" }, true],
    ["light", { baseTheme: clerkThemesDark }, true],
  ];
  for (const [os, appearance, dark] of cases) {
    await page.emulateMedia({ colorScheme: os });
    const bg = await panelBackground(page, server, appearance);
    expectEqual(isDark(bg), dark, `a dark panel on a ${os} OS with ${JSON.stringify(appearance?.baseTheme ?? null)} (${bg})`);
  }
});

test("with showName the trigger's accessible name contains the name it shows", async ({ page, context, server }) => {
  await signInContext(context, server, ["grace@example.test"]);
  await page.goto(`${server}/index.html`);
  await trigger(page).waitFor({ state: "visible" });
  // The visible label: the name (the avatar beside it is decorative).
  const shown = (await page.locator("#user-button .cl-userButtonOuterIdentifier").innerText()).trim();
  expectEqual(shown, "Grace Hopper", "the name shown");
  // Found by its accessible name, as a voice-control user would say it.
  await page.getByRole("button", { name: shown }).click();
  await panel(page).waitFor({ state: "visible" });
  expectEqual(await trigger(page).getAttribute("aria-label"), "Grace Hopper, Close user menu", "the open trigger's name");
});

test("a right-to-left page mirrors the panel", async ({ page, context, server }) => {
  await signInContext(context, server, ["ada@example.test"]);
  for (const viewport of [PHONE, { width: 1280, height: 720 }]) {
    await page.setViewportSize(viewport);
    await page.goto(`${server}/index.html`);
    await page.evaluate(() => { document.documentElement.dir = "rtl"; });
    await trigger(page).click();
    await panel(page).waitFor({ state: "visible" });
    const seen = await layout(page);
    const where = `${viewport.width} px wide`;
    assertInside(seen.panel, seen.viewport, `the panel (${where})`);
    expectEqual(seen.scrollsSideways, false, `horizontal scroll (${where})`);
    // The header puts the button at the left; the panel hangs from its left edge.
    if (seen.trigger.left > seen.viewport.width / 2) throw new Error(`the trigger is not mirrored to the left (${where})`);
    if (Math.abs(seen.panel.left - seen.trigger.left) > 1) throw new Error(`the panel does not hang from the trigger's left edge (${where}): ${seen.panel.left} vs ${seen.trigger.left}`);
    const text = await panel(page).evaluate((card) => getComputedStyle(card.querySelector(".cl-userPreviewTextContainer")).textAlign);
    expectEqual(text, "start", "the preview's text alignment");
    const flipped = await panel(page).evaluate((card) => getComputedStyle(card.querySelector(".cl-userButtonPopoverActionButtonIcon__signOut")).transform);
    expectEqual(flipped, "matrix(-1, 0, 0, 1, 0, 0)", `the exit arrow points the reading direction's way (${where})`);
  }
});
