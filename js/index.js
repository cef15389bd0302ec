// npm entry: ESM, the wasm as a separate file beside this one (bundlers pick it up from the
// `new URL(..., import.meta.url)` pattern).
import init, { Clerk as WasmClerk } from "#wasm-bindgen";
import { defineClerk, isClerkAPIResponseError } from "./facade.js";

let ready = null;
const initWasm = () =>
  (ready ??= init({ module_or_path: new URL("./clerk_wasm_bg.wasm", import.meta.url) }).then(() => WasmClerk));

export const Clerk = defineClerk(initWasm, __CLERK_WASM_VERSION__);
export { isClerkAPIResponseError };
