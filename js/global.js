// Script-tag entry (IIFE): creates `window.Clerk` synchronously from the script's data-clerk-*
// attributes or the window.__clerk_* globals, and loads it unless data-clerk-autoload="false".
// The wasm is fetched from beside this script.
// Named imports, not the module namespace: a namespace object used as a value keeps every
// export of the glue (initSync included) in the bundle.
import init, { Clerk as WasmClerk } from "#wasm-bindgen";
import { defineClerk, isClerkAPIResponseError } from "./facade.js";

const script =
  document.currentScript ?? document.querySelector("script[data-clerk-publishable-key]");
const wasmUrl = new URL("clerk_wasm_bg.wasm", script?.src || document.baseURI);
let ready = null;
let memory = null;
const initWasm = () =>
  (ready ??= init({ module_or_path: wasmUrl }).then((exports) => {
    // Found by type: the build shortens export names (scripts/names.mjs).
    memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
    return WasmClerk;
  }));
const Clerk = defineClerk(initWasm, __CLERK_WASM_VERSION__);

// The classes for pages that construct their own instance, and the wasm heap size for the
// leak benchmark (null until the wasm has loaded).
window.ClerkWasm = { Clerk, isClerkAPIResponseError, memoryBytes: () => memory?.buffer.byteLength ?? null };

const attr = (name) => script?.getAttribute(`data-clerk-${name}`) ?? undefined;
const publishableKey = attr("publishable-key") ?? window.__clerk_publishable_key;
if (!window.Clerk && publishableKey) {
  const proxyUrl = attr("proxy-url") ?? window.__clerk_proxy_url;
  const domain = attr("domain") ?? window.__clerk_domain;
  const clerk = new Clerk(publishableKey, { proxyUrl, domain });
  window.Clerk = clerk;
  if (attr("autoload") !== "false") {
    // A wasm that cannot start has been reported already, with its fix.
    clerk.load().catch((e) => e?.code?.startsWith("wasm_") || console.error("clerk-wasm: load failed:", e));
  }
}
