// The JS `Clerk` every entry exports: constructed synchronously (like ClerkJS), it starts the
// wasm on first construction in a browser (elsewhere on first use) and forwards every method
// to the wasm `Clerk` once that exists.
// Nothing runs at import time: no window access, no fetch, so bundlers may tree-shake it.

const KEY_PREFIXES = { pk_test_: "development", pk_live_: "production" };

function runtimeError(code, message) {
  return Object.assign(new Error(message), { name: "ClerkRuntimeError", code, longMessage: message, clerkRuntimeError: true });
}

// Why the wasm could not start (a CSP without 'wasm-unsafe-eval', a blocked, missing or corrupt
// .wasm), as the error every call then rejects with, and how to fix it (logged once).
function wasmFailure(cause) {
  const text = String(cause?.message ?? cause);
  const csp = /Content.Security.Policy|unsafe-eval|\bCSP\b/i.test(text);
  const err = csp
    ? runtimeError("wasm_blocked_by_csp", "clerk-wasm cannot start: the page's Content-Security-Policy blocks WebAssembly ('wasm-unsafe-eval' is missing from script-src).")
    : runtimeError("wasm_load_failed", `clerk-wasm cannot start: its WebAssembly module could not be loaded or compiled (${text}).`);
  err.cause = cause;
  console.error(
    err.message,
    csp
      ? "Fix: add 'wasm-unsafe-eval' to the script-src directive, e.g. script-src 'self' 'wasm-unsafe-eval'."
      : "Fix: serve clerk_wasm_bg.wasm unaltered beside the script (HTTP 200, Content-Type application/wasm) and let the page fetch it (connect-src).",
  );
  return err;
}

// The same rule as src/config.rs (PROTOCOL.md §1), so a bad key throws synchronously even while
// the wasm is still on its way. The wasm parses the key again; the Playwright suite checks that
// both agree on a table of keys.
export function parsePublishableKey(key) {
  const invalid = (reason) => runtimeError("invalid_publishable_key", `The publishable key is invalid: ${reason}.`);
  const prefix = typeof key === "string" && Object.keys(KEY_PREFIXES).find((p) => key.startsWith(p));
  if (!prefix) throw invalid("it must start with pk_test_ or pk_live_");
  let text;
  try {
    const b64 = key.slice(prefix.length).replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
    if (!/^[A-Za-z0-9+/]*$/.test(b64) || b64.length % 4 === 1) throw 0;
    text = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, "=")), (c) => c.charCodeAt(0)));
  } catch {
    throw invalid("it is not base64");
  }
  const host = text.endsWith("$") ? text.slice(0, -1) : "";
  if (!host || host.includes("$")) throw invalid("it must decode to a host followed by one $");
  if (!/^[A-Za-z0-9.\-:[\]_]+$/.test(host) || !(host.includes(".") || /^(localhost|\[::1\])(:\d+)?$/.test(host)))
    throw invalid("it must decode to a host name");
  return { frontendApi: host, instanceType: KEY_PREFIXES[prefix] };
}

function checkElement(el, method) {
  if (el?.nodeType !== 1) throw runtimeError("invalid_element", `${method} expects a DOM element`);
}

/** True for errors the Frontend API answered (HTTP 4xx/5xx with Clerk's error body). */
export function isClerkAPIResponseError(err) {
  return err instanceof Error && err.name === "ClerkAPIResponseError";
}

// ClerkJS's members are bound functions, so `const { signOut } = clerk` and
// `button.addEventListener("click", clerk.signOut)` work; here too: each method of the class
// (and of a subclass) gets an own copy bound to the instance, with the same attributes as on the
// prototype (non-enumerable), so `Object.keys` and the declared methods are unchanged.
function bindMethods(obj) {
  for (let proto = Object.getPrototypeOf(obj); proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (name !== "constructor" && typeof d.value === "function" && !Object.hasOwn(obj, name))
        Object.defineProperty(obj, name, { ...d, value: d.value.bind(obj) });
    }
  }
}

/** Builds the exported `Clerk` class over a function that resolves to the wasm `Clerk` class. */
export function defineClerk(initWasm, version) {
  // The wasm's start, shared by every instance: a failure is reported once.
  let started = null;
  const start = () => (started ??= initWasm().catch((cause) => { throw wasmFailure(cause); }));
  return class Clerk {
    // The wasm `Clerk` once it exists, what starts it (once) and returns the promise of it, the
    // parsed key, whether the wasm failed to start, the constructor's options, and the mounts
    // asked for before the wasm arrived (element → cancel).
    #core = null;
    #start;
    #key;
    #failed = false;
    #options;
    #pending = new Map();

    constructor(publishableKey, options = {}) {
      bindMethods(this);
      this.#key = parsePublishableKey(publishableKey);
      this.publishableKey = publishableKey;
      this.#options = options;
      let ready = null;
      this.#start = () => {
        if (!ready) {
          ready = start().then(
            (WasmClerk) => (this.#core = new WasmClerk(publishableKey, options)),
            (err) => { this.#failed = true; throw err; },
          );
          // An unhandled rejection here would be noise: load() reports the same failure.
          ready.catch(() => {});
        }
        return ready;
      };
      // In a browser the wasm starts now, while the app gets ready. Without a window (server
      // rendering, static prerender: clerk-wasm/react's provider) constructing touches nothing;
      // the wasm starts when a method first needs it.
      if (typeof window !== "undefined") this.#start();
    }

    get version() { return version; }
    get frontendApi() { return this.#key.frontendApi; }
    get instanceType() { return this.#key.instanceType; }
    get loaded() { return this.#core?.loaded ?? false; }
    get status() { return this.#core?.status ?? (this.#failed ? "error" : "loading"); }
    get client() { return this.#core?.client; }
    get session() { return this.#core?.session; }
    get user() { return this.#core?.user; }
    get isSignedIn() { return this.#core?.isSignedIn ?? false; }
    // As ClerkJS's: a relative proxy URL made absolute on this page's origin; the domain
    // without its scheme; "" when not given.
    get proxyUrl() {
      const url = this.#options?.proxyUrl;
      return typeof url !== "string" || !url ? "" : url.startsWith("/") ? new URL(url, location.origin).href : url;
    }
    get domain() {
      const domain = this.#options?.domain;
      return typeof domain === "string" ? domain.replace(/^https?:\/\//, "") : "";
    }

    // The URL builders answer from the loaded instance ("" or "/" before the wasm exists, as
    // ClerkJS's do before load).
    buildSignInUrl(options) { return this.#core?.buildSignInUrl(options) ?? ""; }
    buildUserProfileUrl() { return this.#core?.buildUserProfileUrl() ?? ""; }
    buildAfterSignOutUrl() { return this.#core?.buildAfterSignOutUrl() ?? "/"; }
    buildAfterMultiSessionSingleSignOutUrl() { return this.#core?.buildAfterMultiSessionSingleSignOutUrl() ?? ""; }
    async navigate(to) { return (await this.#start()).navigate(to); }
    async redirectToSignIn(options) { return (await this.#start()).redirectToSignIn(options); }
    async redirectToUserProfile() { return (await this.#start()).redirectToUserProfile(); }
    async redirectToAfterSignOut() { return (await this.#start()).redirectToAfterSignOut(); }
    /** No user profile component here: goes to the user profile page (`buildUserProfileUrl()`). */
    openUserProfile(props) { this.#start().then((core) => core.openUserProfile(props), () => {}); }
    /** Does nothing: no user profile component is ever open. */
    closeUserProfile() {}

    async load(options) { return (await this.#start()).load(options); }
    async signOut(a, b) { return (await this.#start()).signOut(a, b); }
    async setActive(params) { return (await this.#start()).setActive(params); }

    addListener(callback) {
      if (this.#core) return this.#core.addListener(callback);
      let unsubscribe = null;
      let cancelled = false;
      this.#start().then((core) => { if (!cancelled) unsubscribe = core.addListener(callback); }, () => {});
      return () => { cancelled = true; unsubscribe?.(); };
    }

    mountUserButton(el, props) {
      // Checked here too, so a bad element throws at the call even while the wasm is loading.
      checkElement(el, "mountUserButton");
      if (this.#core) return this.#core.mountUserButton(el, props);
      const pending = this.#pending;
      pending.get(el)?.();
      let cancelled = false;
      pending.set(el, () => { cancelled = true; });
      this.#start().then((core) => {
        if (cancelled) return;
        pending.delete(el);
        try {
          core.mountUserButton(el, props);
        } catch (e) {
          console.error("clerk-wasm: mountUserButton failed:", e);
        }
      }, () => {});
    }

    // ClerkJS's name for what its React layer calls when a mounted component's props change
    // (clerk-wasm/react does the same): the button on `node` takes `props` without a remount.
    __unstable__updateProps(params) {
      if (this.#core) return this.#core.__unstable__updateProps(params);
      // A mount still waiting for the wasm takes the new props.
      if (this.#pending.has(params?.node)) this.mountUserButton(params.node, params.props);
    }

    unmountUserButton(el) {
      checkElement(el, "unmountUserButton");
      this.#pending.get(el)?.();
      this.#pending.delete(el);
      this.#core?.unmountUserButton(el);
    }
  };
}
