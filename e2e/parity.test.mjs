// ClerkJS parity around sign-out and the user button (issue 18), through the script tag on a page
// of another origin: the navigation members (called detached), proxyUrl/domain, getToken's options,
// the resources' members read from the Frontend API, and the user button's props.
import { dev, eventually, expectEqual, signInContext, test } from "./harness.mjs";
import { keyFor, withPage } from "./static.mjs";

const pageHtml = (server) => `<!doctype html><div id="ub"></div><span id="icons"><b class="my-icon">★</b></span>
  <script src="${server}/dist/clerk.global.js" data-clerk-publishable-key="${keyFor(server)}" data-clerk-autoload="false"></script>`;

/** Loads window.Clerk with a recording router (`window.pushed`) and the given load options. */
const loadRecording = (page, options) =>
  page.evaluate(async (options) => {
    window.pushed = [];
    await window.Clerk.load({ ...options, routerPush: (to) => window.pushed.push(to) });
  }, options);

test("navigate, the URL builders, the redirects and openUserProfile work detached, through routerPush and the allow-list", async ({ page, context, server, errors }) => {
  await signInContext(context, server, ["ada@example.test"]);
  await withPage({ "index.html": pageHtml(server) }, async (site) => {
    await page.goto(`${site}/index.html`);
    const before = await page.evaluate(() => {
      const { buildAfterSignOutUrl, buildUserProfileUrl } = window.Clerk;
      return [buildAfterSignOutUrl(), buildUserProfileUrl()];
    });
    await loadRecording(page, { signInUrl: "/login", userProfileUrl: "/account", afterSignOutUrl: "/bye" });
    const seen = await page.evaluate(async () => {
      const c = window.Clerk;
      const { buildSignInUrl, buildUserProfileUrl, buildAfterSignOutUrl, buildAfterMultiSessionSingleSignOutUrl } = c;
      const { navigate, redirectToSignIn, redirectToUserProfile, redirectToAfterSignOut, openUserProfile, closeUserProfile } = c;
      const built = [buildSignInUrl({ redirectUrl: "/back" }), buildUserProfileUrl(), buildAfterSignOutUrl(), buildAfterMultiSessionSingleSignOutUrl()];
      await navigate("/n?x=1");
      await navigate("javascript:alert(1)");
      await navigate("");
      await redirectToSignIn({ redirectUrl: "/r" });
      await redirectToUserProfile();
      await redirectToAfterSignOut();
      closeUserProfile();
      openUserProfile();
      await new Promise((r) => setTimeout(r, 0));
      return { built, pushed: window.pushed, here: location.href };
    });
    expectEqual(before, ["/", ""], "before the wasm has loaded");
    expectEqual(seen.built, [
      `${site}/login?redirect_url=%2Fback`, `${site}/account`, `${site}/bye`, `${site}/login#/choose`,
    ], "the built URLs");
    expectEqual(seen.pushed, ["/n?x=1", "/", "/login?redirect_url=%2Fr", "/account", "/bye", "/account"], "where the router was sent");
    expectEqual(seen.here, `${site}/index.html`, "the page did not leave");
  });
  expectEqual(errors, [], "page errors");
});

test("proxyUrl and domain answer as ClerkJS's getters", async ({ page, server }) => {
  await withPage({ "index.html": pageHtml(server) }, async (site) => {
    await page.goto(`${site}/index.html`);
    const seen = await page.evaluate((key) => {
      const { Clerk } = window.ClerkWasm;
      const a = new Clerk(key, { proxyUrl: "/__clerk", domain: "https://sat.example.test" });
      const b = new Clerk(key, { proxyUrl: "https://proxy.example.test/fapi" });
      return [a.proxyUrl, a.domain, b.proxyUrl, b.domain, window.Clerk.proxyUrl, window.Clerk.domain];
    }, keyFor(server));
    expectEqual(seen, [`${site}/__clerk`, "sat.example.test", "https://proxy.example.test/fapi", "", "", ""], "proxyUrl, domain");
  });
});

test("the resources' members come from the Frontend API: metadata, actor, activeSessions, touch(), toString()", async ({ page, context, server, errors }) => {
  const created = await signInContext(context, server, ["ada@example.test"]);
  await withPage({ "index.html": pageHtml(server) }, async (site) => {
    await page.goto(`${site}/index.html`);
    await loadRecording(page, {});
    await dev(server, "DELETE", "/__dev/requests");
    const seen = await page.evaluate(async () => {
      const { user, session, client } = window.Clerk;
      const { touch } = session;
      const touched = await touch();
      return {
        publicMetadata: user.publicMetadata,
        unsafeMetadata: user.unsafeMetadata,
        address: [String(user.primaryEmailAddress), `${user.emailAddresses[0]}`, user.primaryEmailAddress.toString()],
        keys: Object.keys(user.primaryEmailAddress),
        json: JSON.stringify(user.primaryEmailAddress),
        actor: session.actor,
        active: client.activeSessions.map((s) => s.id),
        touched: [touched.id, touched === window.Clerk.session],
        current: window.Clerk.session.id,
      };
    });
    const [id] = created.session_ids;
    expectEqual(seen.publicMetadata, { plan: "pro" }, "publicMetadata");
    expectEqual(seen.unsafeMetadata, { theme: "sepia" }, "unsafeMetadata");
    expectEqual(seen.address, ["ada@example.test", "ada@example.test", "ada@example.test"], "an email address as text");
    expectEqual(seen.keys, ["id", "emailAddress"], "its own enumerable keys");
    if (seen.json.includes("toString")) throw new Error(`toString is serialized: ${seen.json}`);
    expectEqual(seen.actor, null, "actor of a session nobody impersonates");
    expectEqual([seen.active, seen.touched, seen.current], [[id], [id, true], id], "activeSessions, touch() resolving with clerk.session, the current session after it");
    const log = (await dev(server, "GET", "/__dev/requests")).map((r) => `${r.effective_method} ${r.path}`);
    const touches = log.filter((line) => line.endsWith("/touch"));
    expectEqual(touches, [`POST /v1/client/sessions/${id}/touch`], "one touch request");
  });
  expectEqual(errors, [], "page errors");
});

test("an impersonation session's actor is the server's", async ({ page, context, server }) => {
  const created = await dev(server, "POST", "/__dev/clients", { identifiers: ["grace@example.test"], actor: { sub: "user_admin" } });
  const [name, value] = created.cookie.split(";")[0].split("=");
  await context.addCookies([{ name, value, domain: "127.0.0.1", path: "/" }]);
  await withPage({ "index.html": pageHtml(server) }, async (site) => {
    await page.goto(`${site}/index.html`);
    await loadRecording(page, {});
    expectEqual(await page.evaluate(() => window.Clerk.session.actor), { sub: "user_admin" }, "session.actor");
  });
});

test("getToken({ template }) is the template's token, an unknown template rejects, organizationId is sent", async ({ page, context, server, errors }) => {
  await signInContext(context, server, ["ada@example.test"]);
  await withPage({ "index.html": pageHtml(server) }, async (site) => {
    await page.goto(`${site}/index.html`);
    await loadRecording(page, {});
    const seen = await page.evaluate(async () => {
      const claims = (jwt) => JSON.parse(atob(jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
      const { getToken } = window.Clerk.session;
      const own = await getToken();
      const demo = await getToken({ template: "demo" });
      const unknown = await getToken({ template: "nope" }).then(
        (t) => ({ resolved: t === own ? "the default token" : t }),
        (e) => ({ name: e.name, status: e.status, code: e.code }),
      );
      const org = await getToken({ organizationId: "org_2demoAnalyticalEngine0001" });
      const bad = await getToken({ organizationId: 5 }).catch((e) => e.code);
      return { aud: claims(demo).aud, sid: claims(own).sid === window.Clerk.session.id, unknown, org: claims(org).org_id, bad };
    });
    expectEqual(seen, {
      aud: "demo",
      sid: true,
      unknown: { name: "ClerkAPIResponseError", status: 404, code: "resource_not_found" },
      org: "org_2demoAnalyticalEngine0001",
      bad: "invalid_option",
    }, "getToken's answers");
  });
  expectEqual(errors, [], "page errors");
});

test("user button props: defaultOpen, labelIcon cloned into its row, userProfileMode modal noted once, afterSignOutUrl", async ({ page, context, server, errors }) => {
  await signInContext(context, server, ["ada@example.test"]);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && /userProfileMode/.test(m.text()) && warnings.push(m.text()));
  await withPage({ "index.html": pageHtml(server) }, async (site) => {
    await page.goto(`${site}/index.html`);
    await loadRecording(page, {});
    await page.evaluate(() => {
      const icon = document.querySelector(".my-icon");
      const props = {
        defaultOpen: true,
        userProfileMode: "modal",
        userProfileUrl: "/account",
        afterSignOutUrl: "/after",
        customMenuItems: [{ label: "Help", href: "/help", labelIcon: icon }, { label: "Ping", onClick: () => {}, labelIcon: icon }],
      };
      window.Clerk.mountUserButton(document.getElementById("ub"), props);
      window.Clerk.mountUserButton(document.getElementById("ub"), props);
    });
    const panel = page.locator("#ub .cl-userButtonPopoverCard");
    await panel.waitFor({ state: "visible" });
    expectEqual(await page.locator("#ub .cl-userButtonPopoverCustomItemButton .my-icon").count(), 2, "icons in the two custom rows");
    expectEqual(await page.locator("#icons .my-icon").count(), 1, "the app's icon stays where it was");
    expectEqual(warnings.length, 1, "console notes about userProfileMode");
    await page.locator("#ub .cl-userButtonPopoverActionButton__manageAccount").click();
    await eventually(() => page.evaluate(() => window.pushed.includes("/account")), "Manage account to navigate");
    await page.locator("#ub .cl-userButtonTrigger").click();
    await page.locator("#ub .cl-userButtonPopoverActionButton__signOut").click();
    await eventually(() => page.evaluate(() => window.pushed.at(-1) === "/after"), "the sign-out to go to afterSignOutUrl");
  });
  expectEqual(errors, [], "page errors");
});
