// Every public method works taken off its object, as ClerkJS's do (issue 21):
// `const { signOut } = window.Clerk; await signOut()`, `button.addEventListener("click",
// Clerk.signOut)`, `const { getToken } = Clerk.session`. Each method below is called detached and
// checked for its effect, on the server where it has one; a list of the methods the objects have
// makes a new method fail here until it is covered.
import { dev, eventually, expectEqual, signInContext, test } from "./harness.mjs";
import { keyFor, withPage } from "./static.mjs";

// The navigation members and `session.touch` are called detached in parity.test.mjs.
const CLERK_METHODS = [
  "addListener", "buildAfterMultiSessionSingleSignOutUrl", "buildAfterSignOutUrl", "buildSignInUrl",
  "buildUserProfileUrl", "closeUserProfile", "load", "mountUserButton", "navigate", "openUserProfile",
  "redirectToAfterSignOut", "redirectToSignIn", "redirectToUserProfile", "setActive", "signOut", "unmountUserButton",
];
// `free` is wasm-bindgen's: it releases the Rust half of a `Session` object.
const SESSION_METHODS = ["end", "free", "getToken", "remove", "toJSON", "touch"];

/** A page on another origin with the script tag, not loaded (the test calls a detached load). */
const pageHtml = (server) => `<!doctype html><div id="ub"></div><button id="out">Sign out</button>
  <script src="${server}/dist/clerk.global.js" data-clerk-publishable-key="${keyFor(server)}" data-clerk-autoload="false"></script>`;

/** Signs the browser in with three sessions (multi-session) and opens the page. */
async function open(page, context, server, site) {
  await dev(server, "POST", "/__dev/reset", { multi_session: true });
  const created = await signInContext(context, server, ["ada@example.test", "grace@example.test", "linus"]);
  await page.goto(`${site}/index.html`);
  await page.waitForFunction(() => window.ClerkWasm !== undefined);
  return created;
}

/** Public methods: functions on the object or its prototypes, without `constructor` and `__` internals. */
function publicMethods(name) {
  return `(() => {
    const names = new Set();
    for (let o = ${name}; o && o !== Object.prototype; o = Object.getPrototypeOf(o))
      for (const key of Object.getOwnPropertyNames(o))
        if (key !== "constructor" && !key.startsWith("__") && typeof Object.getOwnPropertyDescriptor(o, key).value === "function") names.add(key);
    return [...names].sort();
  })()`;
}

const status = async (server, id) => (await dev(server, "GET", `/__dev/sessions/${id}`)).status;
const logged = async (server, method, path) =>
  (await dev(server, "GET", "/__dev/requests")).filter((r) => r.effective_method === method && r.path === path).length;

/**
 * The detached `Clerk` methods other than signOut, on `window.__clerk`: load, addListener (and its
 * unsubscribe), mountUserButton, unmountUserButton, setActive. Leaves `ada` current.
 */
async function clerkMethodsDetached(page, created) {
  const [ada] = created.session_ids;
  expectEqual(await page.evaluate(publicMethods("window.__clerk")), CLERK_METHODS, "the Clerk object's methods");
  const loaded = await page.evaluate(async () => {
    const { load, addListener } = window.__clerk;
    window.__heard = [];
    window.__unsubscribe = addListener(({ session }) => window.__heard.push(session?.id ?? null));
    await load({ afterSignOutUrl: `${location.origin}/bye.html` });
    return { loaded: window.__clerk.loaded, session: window.__clerk.session.id, heard: window.__heard.at(-1) };
  });
  const last = created.last_active_session_id;
  expectEqual(loaded, { loaded: true, session: last, heard: last }, "after a detached load, with a detached listener");

  await page.evaluate(() => {
    const { mountUserButton } = window.__clerk;
    mountUserButton(document.getElementById("ub"));
  });
  await page.locator("#ub .cl-userButtonTrigger").waitFor({ state: "visible" });
  await page.evaluate(() => {
    const { unmountUserButton } = window.__clerk;
    unmountUserButton(document.getElementById("ub"));
  });
  expectEqual(await page.locator("#ub").innerHTML(), "", "the element after a detached unmountUserButton");

  const switched = await page.evaluate(async (id) => {
    const { setActive } = window.__clerk;
    await setActive({ session: id });
    return { session: window.__clerk.session.id, heard: window.__heard.at(-1) };
  }, ada);
  expectEqual(switched, { session: ada, heard: ada }, "after a detached setActive");
}

/**
 * Each `Session` method detached: getToken (cached and skipCache), toJSON, end and remove (other
 * sessions, checked on the server), free (on an object of an earlier snapshot).
 */
async function sessionMethodsDetached(page, server, created) {
  const [ada, grace, linus] = created.session_ids;
  expectEqual(await page.evaluate(publicMethods("window.__clerk.session")), SESSION_METHODS, "a Session's methods");
  const seen = await page.evaluate(async ([graceId, linusId]) => {
    const clerk = window.__clerk;
    const old = clerk.session;
    const byId = (id) => clerk.client.sessions.find((s) => s.id === id);
    const { getToken, toJSON } = clerk.session;
    const token = await getToken();
    const fresh = await getToken({ skipCache: true });
    const json = toJSON();
    const { end } = byId(graceId);
    await end();
    const { remove } = byId(linusId);
    await remove();
    // The state changed: `old` belongs to an earlier snapshot, which nothing else holds.
    const stale = old !== clerk.session;
    const { free } = old;
    free();
    let afterFree = "no error";
    try {
      old.toJSON();
    } catch {
      afterFree = "threw";
    }
    const sid = (jwt) => JSON.parse(atob(jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).sid;
    return {
      token: sid(token),
      fresh: sid(fresh),
      json: [json.object, json.id],
      ids: clerk.client.sessions.map((s) => [s.id, s.status]),
      stale,
      afterFree,
    };
  }, [grace, linus]);
  expectEqual(seen.token, ada, "the session of the token a detached getToken returned");
  expectEqual(seen.fresh, ada, "the same with skipCache");
  expectEqual(seen.json, ["session", ada], "a detached toJSON");
  expectEqual([seen.stale, seen.afterFree], [true, "threw"], "a detached free releases the object");
  expectEqual(await status(server, grace), "ended", "grace's session after a detached end");
  expectEqual(await status(server, linus), "removed", "linus's session after a detached remove");
  expectEqual(seen.ids, [[ada, "active"], [grace, "ended"]], "the client's sessions after end and remove");
  expectEqual(await logged(server, "POST", `/v1/client/sessions/${ada}/tokens`) >= 1, true, "token requests");
}

test("every method of window.Clerk and of its sessions works taken off its object; a detached signOut ends the session on the server", async ({ page, context, server, errors }) => {
  await withPage({ "index.html": pageHtml(server) }, async (site) => {
    const created = await open(page, context, server, site);
    await page.evaluate(() => (window.__clerk = window.Clerk));
    await clerkMethodsDetached(page, created);
    await sessionMethodsDetached(page, server, created);

    await dev(server, "DELETE", "/__dev/requests");
    const after = await page.evaluate(async () => {
      const { signOut } = window.Clerk;
      let called = false;
      await signOut(() => {
        called = true;
      });
      window.__unsubscribe();
      return { called, session: window.Clerk.session, isSignedIn: window.Clerk.isSignedIn };
    });
    expectEqual(after, { called: true, session: null, isSignedIn: false }, "after a detached signOut(callback)");
    expectEqual(await logged(server, "DELETE", "/v1/client/sessions"), 1, "sign-out requests the server received");
    const [ada] = created.session_ids;
    if ((await status(server, ada)) === "active") throw new Error("ada's session is still active on the server");
  });
  expectEqual(errors, [], "page errors");
});

test("new Clerk(key) from the package: every method works taken off it, and clerk.signOut as a click listener signs out", async ({ page, context, server, errors }) => {
  await withPage({ "index.html": pageHtml(server), "bye.html": "<!doctype html><p>bye</p>" }, async (site) => {
    const created = await open(page, context, server, site);
    await page.evaluate((key) => (window.__clerk = new window.ClerkWasm.Clerk(key)), keyFor(server));
    await clerkMethodsDetached(page, created);
    await sessionMethodsDetached(page, server, created);

    await dev(server, "DELETE", "/__dev/requests");
    await page.evaluate(() => document.getElementById("out").addEventListener("click", window.__clerk.signOut));
    await page.click("#out");
    // No callback: the sign-out redirects to load()'s afterSignOutUrl.
    await page.waitForURL(`${site}/bye.html`);
    await eventually(async () => (await logged(server, "DELETE", "/v1/client/sessions")) === 1, "the sign-out request");
    const [ada] = created.session_ids;
    if ((await status(server, ada)) === "active") throw new Error("ada's session is still active on the server");
  });
  expectEqual(errors, [], "page errors");
});
