// scripts/names.mjs against glue shaped like wasm-bindgen 0.2.130's: renamed where the wasm
// calls it, and a build failure (not a module that cannot instantiate) when a name is left over.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renameGlue } from "./names.mjs";

const glue = `import * as import1 from "./snippets/x/inline0.js"
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_focus_0123456789abcdef: function(arg0) {
            arg0.focus();
        },
        __wbindgen_init_externref_table: function() {
            const table = wasm.__wbindgen_externrefs;
        },
    };
    return {
        __proto__: null,
        "./clerk_wasm_bg.js": import0,
        "./snippets/x/inline0.js": import1,
    };
}
export function go() { wasm.clerk_signOut(1); return wasm.memory; }
`;
const map = {
  imports: [
    ["./clerk_wasm_bg.js", "__wbg_focus_0123456789abcdef", "a"],
    ["./clerk_wasm_bg.js", "__wbindgen_init_externref_table", "b"],
    ["./snippets/x/inline0.js", "sleep", "c"],
  ],
  exports: [["clerk_signOut", "d"], ["memory", "e"], ["__wbindgen_externrefs", "f"]],
};

test("every import and export is renamed, and the snippets join the one module", () => {
  const js = renameGlue(glue, map);
  assert.match(js, /^\s+a: function\(arg0\)/m);
  assert.match(js, /^\s+b: function\(\)/m);
  assert.match(js, /import0\.c = import1\.sleep;/);
  assert.match(js, /return \{ __proto__: null, a: import0 \};/);
  assert.match(js, /wasm\.d\(1\); return wasm\.e;/);
  assert.match(js, /const table = wasm\.f;/);
  assert.doesNotMatch(js, /__wbg_focus|clerk_signOut|"\.\/clerk_wasm_bg\.js"/);
});

test("an import the map names but the glue lacks fails the build", () => {
  const missing = { ...map, imports: [...map.imports, ["./clerk_wasm_bg.js", "__wbg_blur_fedcba9876543210", "g"]] };
  assert.throws(() => renameGlue(glue, missing), /import __wbg_blur_fedcba9876543210 not found/);
});

test("an export the map does not rename fails the build", () => {
  const partial = { ...map, exports: map.exports.filter(([name]) => name !== "clerk_signOut") };
  assert.throws(() => renameGlue(glue, partial), /export wasm\.clerk_signOut was not renamed/);
});

test("an import the map does not rename fails the build", () => {
  const partial = { ...map, imports: map.imports.filter(([, base]) => base !== "__wbg_focus_0123456789abcdef") };
  assert.throws(() => renameGlue(glue, partial), /import __wbg_focus_0123456789abcdef: function was not renamed/);
});
