// scripts/symbolicate.mjs, and the symbols file the build ships: it must name the functions of the
// shipped wasm by the indices browsers print, or a panic report cannot be read.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { root } from "./lib.mjs";
import { parseSymbols, symbolicate } from "./symbolicate.mjs";

test("known frames get their names without the hash; unknown ones are left as they are", () => {
  const names = parseSymbols("0:js_sys::Array::from::h0123456789abcdef\n7:clerk_load externref shim\n");
  const stack = "at x.wasm:wasm-function[7]:0x1a\nat x.wasm:wasm-function[70]:0x2b\nat x.wasm:wasm-function[0]:0x3c";
  assert.equal(
    symbolicate(stack, names),
    "at x.wasm:wasm-function[7] <clerk_load externref shim>:0x1a\n" +
      "at x.wasm:wasm-function[70]:0x2b\n" +
      "at x.wasm:wasm-function[0] <js_sys::Array::from>:0x3c",
  );
});

/** The function index of each function export of a wasm module (imported functions count first). */
function exportedFunctions(bytes) {
  let at = 8;
  const u32 = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const name = () => {
    const length = u32();
    at += length;
    return new TextDecoder().decode(bytes.subarray(at - length, at));
  };
  const limits = () => (bytes[at++] & 1 ? (u32(), u32()) : u32());
  const exports = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = u32() + at;
    if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        name();
        name();
        const kind = bytes[at++];
        if (kind === 0) u32();
        else if (kind === 1) (at++, limits());
        else if (kind === 2) limits();
        else if (kind === 3) at += 2;
        else throw new Error(`import kind ${kind}`);
      }
    } else if (id === 7) {
      for (let n = u32(); n > 0; n--) {
        const field = name();
        const kind = bytes[at++];
        const index = u32();
        if (kind === 0) exports.set(field, index);
      }
    }
    at = end;
  }
  return exports;
}

const dist = path.join(root, "dist");

// Reads the build's output: npm test builds before it runs this.
test("the shipped symbols name the shipped wasm's functions by their indices", () => {
  const names = parseSymbols(readFileSync(path.join(dist, "clerk_wasm_bg.symbols"), "utf8"));
  const exports = exportedFunctions(readFileSync(path.join(dist, "clerk_wasm_bg.wasm")));
  // The build shortens export names; build/names.json maps them back.
  const short = new Map(JSON.parse(readFileSync(path.join(root, "build", "names.json"), "utf8")).exports);
  for (const original of ["clerk_new", "clerk_load", "clerk_signOut", "clerk_mountUserButton"]) {
    const index = exports.get(short.get(original));
    assert.ok(index !== undefined, `${original} is exported`);
    assert.match(names.get(index) ?? "", new RegExp(`^${original}\\b`), `function ${index}, exported as ${original}`);
  }
});
