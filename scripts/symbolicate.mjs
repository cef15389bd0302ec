// Names the wasm functions in a stack trace reported from the shipped module. Browsers print wasm
// frames by index (`clerk_wasm_bg.wasm:wasm-function[538]:0x1950e`); the build writes each
// function's name to dist/clerk_wasm_bg.symbols (`538:clerk_wasm::load::...::h0123456789abcdef`).
//
//   node scripts/symbolicate.mjs [dist/clerk_wasm_bg.symbols] < stack.txt
//
// Use the symbols file of the version that reported the stack (it is in the npm package).
import { readFileSync } from "node:fs";
import path from "node:path";
import { root } from "./lib.mjs";

/** `index → name` from a symbols file, without rustc's `::h<hash>` suffixes. */
export function parseSymbols(text) {
  const names = new Map();
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) names.set(Number(line.slice(0, colon)), line.slice(colon + 1).replace(/::h[0-9a-f]{16}$/, ""));
  }
  return names;
}

/** The stack with each known `wasm-function[N]` followed by its name. */
export function symbolicate(stack, names) {
  return stack.replace(/wasm-function\[(\d+)\]/g, (frame, index) => {
    const name = names.get(Number(index));
    return name === undefined ? frame : `${frame} <${name}>`;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? path.join(root, "dist", "clerk_wasm_bg.symbols");
  process.stdout.write(symbolicate(readFileSync(0, "utf8"), parseSymbols(readFileSync(file, "utf8"))));
}
