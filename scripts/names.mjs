// Short wasm import/export names. wasm-bindgen names each import `__wbg_<name>_<16 hex digits>`
// and each export after its Rust path; both sides of the payload carry every name, and the hex
// digits do not compress. binaryen's `--minify-imports-and-exports-and-modules` renames them in
// the wasm (to one module "a" and one- or two-letter names) and prints the old → new map, which
// this applies to wasm-bindgen's JS glue. Every renamed name is checked: a name left behind or
// missing fails the build instead of shipping a module that cannot instantiate.

/** The glue with the wasm's new names. `map` is binaryen's printed map. */
export function renameGlue(glue, map) {
  const { imports, exports } = map;
  let js = glue;
  const fail = (what) => {
    throw new Error(`names: ${what}`);
  };
  // Import functions wasm-bindgen defines in the glue: `        <base>: function(` keys of `import0`.
  const defined = new Set();
  for (const [module, base, short] of imports) {
    if (module !== "./clerk_wasm_bg.js") continue;
    const key = new RegExp(`^(\\s+)${base}:`, "m");
    if (!key.test(js)) fail(`import ${base} not found in the glue`);
    js = js.replace(key, `$1${short}:`);
    defined.add(short);
  }
  // Imports from inline_js snippets come from module namespace objects (`import * as importN`):
  // the one module "a" takes them as `short: importN.base`.
  const namespaces = new Map(
    [...js.matchAll(/^import \* as (import\d+) from "([^"]+)"/gm)].map((m) => [m[2], m[1]]),
  );
  const fromSnippets = imports
    .filter(([module]) => module !== "./clerk_wasm_bg.js")
    .map(([module, base, short]) => {
      const ns = namespaces.get(module) ?? fail(`no namespace import for ${module}`);
      return `import0.${short} = ${ns}.${base};`;
    });
  // Assignments, not a spread: terser (webpack's minifier) folds a spread of an object literal
  // into its parent and then rejects the two `__proto__` keys it made.
  const table = /return \{\n\s+__proto__: null,\n(\s+"[^"]+": import\d+,\n)+\s+\};/;
  if (!table.test(js)) fail("the import object of __wbg_get_imports not found");
  js = js.replace(table, `${fromSnippets.join(" ")} return { __proto__: null, a: import0 };`);
  // Exports, read as `wasm.<name>` everywhere in the glue.
  for (const [name, short] of exports) {
    const use = new RegExp(`\\bwasm\\.${name}\\b`, "g");
    js = js.replace(use, `wasm.${short}`);
  }
  const leftover = js.match(/\bwasm\.(?:__wbg_|__wbindgen_|wasm_bindgen__|clerk_|session_)\w*/);
  if (leftover) fail(`export ${leftover[0]} was not renamed`);
  const stale = js.match(/^\s+(?:__wbg_|__wbindgen_)\w+: function/m);
  if (stale) fail(`import ${stale[0].trim()} was not renamed`);
  return js;
}
