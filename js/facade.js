// The JS `Clerk` every entry exports: constructed synchronously (like ClerkJS), it starts the
// wasm on first construction and forwards every method to the wasm `Clerk` once that exists.
// Nothing runs at import time: no window access, no fetch, so bundlers may tree-shake it.

const KEY_PREFIXES = { pk_test_: "development", pk_live_: "production" };

function runtimeError(code, message) {
  const err = new Error(message);
  err.name = "ClerkRuntimeError";
  err.code = code;
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

// Each instance's internals: the wasm `Clerk` once it exists (`core`), the promise of it
// (`ready`), the parsed key, and the mounts asked for before the wasm arrived (element →
// cancel). A WeakMap rather than `#private` fields: the bundles target ES2020, where esbuild
// turns each private field into a WeakMap plus helper functions (+0.2 KB gzip).
const internals = new WeakMap();

/** Builds the exported `Clerk` class over a function that resolves to the wasm `Clerk` class. */
export function defineClerk(initWasm, version) {
  return class Clerk {
    constructor(publishableKey, options = {}) {
      const self = { core: null, key: parsePublishableKey(publishableKey), pending: new Map() };
      internals.set(this, self);
      this.publishableKey = publishableKey;
      self.ready = initWasm().then((WasmClerk) => (self.core = new WasmClerk(publishableKey, options)));
      // An unhandled rejection here would be noise: load() reports the same failure.
      self.ready.catch(() => {});
    }

    get version() { return version; }
    get frontendApi() { return internals.get(this).key.frontendApi; }
    get instanceType() { return internals.get(this).key.instanceType; }
    get loaded() { return internals.get(this).core?.loaded ?? false; }
    get status() { return internals.get(this).core?.status ?? "loading"; }
    get client() { return internals.get(this).core?.client; }
    get session() { return internals.get(this).core?.session; }
    get user() { return internals.get(this).core?.user; }
    get isSignedIn() { return internals.get(this).core?.isSignedIn ?? false; }

    async load(options) { return (await internals.get(this).ready).load(options); }
    async signOut(a, b) { return (await internals.get(this).ready).signOut(a, b); }
    async setActive(params) { return (await internals.get(this).ready).setActive(params); }

    addListener(callback) {
      const { core, ready } = internals.get(this);
      if (core) return core.addListener(callback);
      let unsubscribe = null;
      let cancelled = false;
      ready.then((core) => { if (!cancelled) unsubscribe = core.addListener(callback); }, () => {});
      return () => { cancelled = true; unsubscribe?.(); };
    }

    mountUserButton(el, props) {
      // Checked here too, so a bad element throws at the call even while the wasm is loading.
      checkElement(el, "mountUserButton");
      const { core, ready, pending } = internals.get(this);
      if (core) return core.mountUserButton(el, props);
      pending.get(el)?.();
      let cancelled = false;
      pending.set(el, () => { cancelled = true; });
      ready.then((core) => {
        if (cancelled) return;
        pending.delete(el);
        try {
          core.mountUserButton(el, props);
        } catch (e) {
          console.error("clerk-wasm: mountUserButton failed:", e);
        }
      }, () => {});
    }

    unmountUserButton(el) {
      checkElement(el, "unmountUserButton");
      const { core, pending } = internals.get(this);
      pending.get(el)?.();
      pending.delete(el);
      core?.unmountUserButton(el);
    }
  };
}
