// npm entry `clerk-wasm/inline`: the wasm bytes are embedded, so no second file is fetched.
import { initSync, Clerk as WasmClerk } from "#wasm-bindgen";
import bytes from "#wasm-bytes";
import { defineClerk, isClerkAPIResponseError } from "./facade.js";

let ready = null;
const initWasm = () => (ready ??= Promise.resolve().then(() => (initSync({ module: bytes }), WasmClerk)));

export const Clerk = defineClerk(initWasm, __CLERK_WASM_VERSION__);
export { isClerkAPIResponseError };
