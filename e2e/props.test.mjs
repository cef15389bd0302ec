// The user button's props and the appearance/localization load options as a page passes them:
// plain JS objects through window.Clerk, mistyped values ignored, URLs still filtered.
import { expectEqual, signInContext, test } from "./harness.mjs";

test("mountUserButton reads every prop from a plain object and ignores mistyped ones", async ({ page, context, server, errors }) => {
  await signInContext(context, server, ["ada@example.test"]);
  await page.goto(`${server}/index.html`);
  await page.waitForFunction(() => window.Clerk.loaded);
  const seen = await page.evaluate(async () => {
    const el = document.body.appendChild(document.createElement("div"));
    window.__pinged = 0;
    window.Clerk.mountUserButton(el, {
      showName: 1,
      userProfileUrl: "/me",
      signInUrl: 42,
      unknown: "ignored",
      appearance: { variables: { colorPrimary: "rgb(4, 5, 6)", colorText: 7 }, elements: { userButtonTrigger: "from-js", userButtonBox: ["x"] } },
      localization: { userButton: { action__signOut: "Log out", action__manageAccount: "Profile", action__openUserMenu: "Account menu", action__addAccount: null } },
      customMenuItems: [
        { label: "Ping", onClick: () => { window.__pinged += 1; } },
        { label: "Evil", href: "javascript:alert(1)" },
        { label: 3, href: "/numbers-are-not-labels" },
        "not an item",
        { label: "Docs", href: "https://example.test/docs", onClick: "not a function" },
      ],
    });
    const trigger = el.querySelector("button.cl-userButtonTrigger");
    const seen = {
      label: trigger.getAttribute("aria-label"),
      extraClass: trigger.classList.contains("from-js"),
      name: el.querySelector(".cl-userButtonOuterIdentifier")?.textContent ?? null,
      primary: el.querySelector(".cl-userButtonBox").style.getPropertyValue("--cl-p"),
    };
    trigger.click();
    seen.items = [...el.querySelectorAll(".cl-userButtonPopoverActions[role=group] > *")].map((n) => n.textContent);
    seen.docs = el.querySelector("a[href='https://example.test/docs']")?.textContent ?? null;
    [...el.querySelectorAll("button")].find((b) => b.textContent === "Ping").click();
    seen.pinged = window.__pinged;
    window.Clerk.unmountUserButton(el);
    seen.after = el.innerHTML;
    return seen;
  });
  expectEqual(
    seen,
    {
      label: "Ada Lovelace, Account menu", // with showName the accessible name starts with the name shown
      extraClass: true,
      name: "Ada Lovelace",
      primary: "rgb(4, 5, 6)",
      items: ["Profile", "Ping", "Docs", "Log out"], // the javascript: item and the unlabelled ones dropped
      docs: "Docs",
      pinged: 1,
      after: "",
    },
    "the mounted button",
  );
  expectEqual(errors, [], "page errors");
});

// Load options are ClerkJS's: given to the instance's first load() (a later load() of a loaded
// instance changes nothing, as in ClerkJS), so this page loads an instance of its own.
test("load({appearance, localization}) sets every button's defaults; a button's props override them", async ({ page, context, server, errors }) => {
  await signInContext(context, server, ["ada@example.test"]);
  await page.goto(`${server}/index.html`);
  await page.waitForFunction(() => window.Clerk.loaded);
  const seen = await page.evaluate(async () => {
    const clerk = new window.ClerkWasm.Clerk(window.__clerk_publishable_key);
    await clerk.load({
      appearance: { variables: { colorPrimary: "rgb(7, 8, 9)" } },
      localization: { userButton: { action__signOut: "Déconnexion", action__openUserMenu: "Ouvrir", popoverLabel: 5 } },
    });
    const [a, b, c] = [0, 1, 2].map(() => document.body.appendChild(document.createElement("div")));
    clerk.mountUserButton(a);
    clerk.mountUserButton(b, { localization: { userButton: { action__openUserMenu: "Mon compte" } } });
    // The page's own instance, loaded without those options, keeps the defaults.
    window.Clerk.mountUserButton(c);
    const label = (el) => el.querySelector("button.cl-userButtonTrigger").getAttribute("aria-label");
    const seen = { a: label(a), b: label(b), c: label(c) };
    b.querySelector("button.cl-userButtonTrigger").click();
    seen.dialog = b.querySelector("[role=dialog]").getAttribute("aria-label");
    seen.signOut = [...b.querySelectorAll("button")].some((n) => n.textContent === "Déconnexion");
    seen.primary = b.querySelector(".cl-userButtonBox").style.getPropertyValue("--cl-p");
    return seen;
  });
  expectEqual(
    seen,
    { a: "Ouvrir", b: "Mon compte", c: "Open user menu", dialog: "Account panel", signOut: true, primary: "rgb(7, 8, 9)" },
    "buttons after load options",
  );
  expectEqual(errors, [], "page errors");
});
