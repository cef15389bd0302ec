// The SDK's one-way layers (DESIGN.md, "Architecture"), checked on the source:
//   foundation (error, browser, decimal, flight) ← api/ (wire types, the FAPI client)
//   ← the core (Clerk, state, load, sign-out, sessions, auth/) ← ui/ ← bindings (the facade)
// - no two files of src/ import each other, directly or around a longer circle;
// - each layer imports only the layers below it;
// - no JavaScript under src/: no `inline_js`, no snippet `module = "..."`, no .js file.
// A file's imports are the `crate::…`, `super::…` and `self::…` paths it names (in `use` lines
// and in code), each resolved to the file that defines the longest module prefix of the path.
// Test modules (`tests/` dirs, `*_tests.rs`, `#[cfg(test)] mod tests { … }`) are left out: a
// test may reach anywhere.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import test from "node:test";
import { root } from "./lib.mjs";

const src = path.join(root, "src");

/** Every .rs file under src/ (test files left out), keyed by module path ("api::wire"). */
function modules() {
  const found = new Map();
  const walk = (dir, prefix) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== "tests") walk(full, [...prefix, name]);
      } else if (name.endsWith(".rs") && !name.endsWith("_tests.rs")) {
        const stem = name.slice(0, -3);
        const parts = stem === "mod" || (stem === "lib" && prefix.length === 0) ? prefix : [...prefix, stem];
        found.set(parts.join("::"), { file: path.relative(root, full), code: withoutTests(readFileSync(full, "utf8")) });
      }
    }
  };
  walk(src, []);
  return found;
}

/** The source without comments, string contents and inline test modules (`#[cfg(test)]`,
 * `#[cfg(all(test, …))]`, with any further attributes, `mod … { … }`). */
function withoutTests(code) {
  code = code.replace(/\/\/[^\n]*/g, "").replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const marker = /#\[cfg\([^\]]*\btest\b[^\]]*\)\]\s*(?:#\[[^\]]*\]\s*)*mod\s+\w+\s*\{/g;
  let m;
  while ((m = marker.exec(code))) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < code.length && depth > 0; i++) depth += code[i] === "{" ? 1 : code[i] === "}" ? -1 : 0;
    code = code.slice(0, m.index) + code.slice(i);
    marker.lastIndex = m.index;
  }
  return code;
}

/** Module paths named by `code` (in module `self`), absolute from the crate root. */
function paths(code, self) {
  const out = [];
  // `use a::{b, c::d};` groups are flattened into one path per leaf, one level deep at a time.
  const expand = (prefix, body) => {
    for (const part of body.split(/,(?![^{]*\})/)) {
      const p = part.trim();
      if (!p) continue;
      const group = p.match(/^([\w:]*?)::\{([\s\S]*)\}$/);
      if (group) expand(`${prefix}${group[1]}::`, group[2]);
      else out.push(prefix + p.split(/\s+as\s+/)[0]);
    }
  };
  for (const m of code.matchAll(/\buse\s+((?:crate|super|self)::[^;]*);/g)) expand("", m[1].replace(/\s+/g, " "));
  for (const m of code.matchAll(/\b(?:crate|super)(?:::\w+)+/g)) out.push(m[0]);
  // Paths that start at a child module (`mod views;` … `views::current`), in `use` lines and
  // in code alike: 2018 paths need no `self::` for them.
  const children = [...code.matchAll(/\bmod\s+(\w+)\s*;/g)].map((m) => m[1]);
  for (const child of children) {
    for (const m of code.matchAll(new RegExp(`(?<![\\w:])${child}::[\\w:{}, ]*`, "g"))) {
      const body = m[0].replace(/\s+/g, " ").replace(/::$/, "");
      if (body.includes("{")) expand("self::", body.replace(/[^}]*$/, (t) => (t.includes("}") ? t : "")));
      else out.push(`self::${body.replace(/[^\w:].*$/, "")}`);
    }
  }
  const here = self ? self.split("::") : [];
  return out.map((p) => {
    const parts = p.split("::");
    let base = parts[0] === "crate" ? [] : here;
    let i = parts[0] === "crate" ? 1 : 0;
    for (; parts[i] === "super" || parts[i] === "self"; i++) if (parts[i] === "super") base = base.slice(0, -1);
    return [...base, ...parts.slice(i)];
  });
}

/** The names each module re-exports (`pub use` / `pub(crate) use`): name → absolute path. */
function reexports(mods) {
  const out = new Map();
  for (const [name, { code }] of mods) {
    const names = new Map();
    for (const m of code.matchAll(/\bpub(?:\([\w:]+\))?\s+use\s+([^;]*);/g)) {
      const stmt = m[1].replace(/\s+/g, " ");
      const rooted = /^(crate|super|self)::/.test(stmt) ? stmt : `self::${stmt}`;
      for (const parts of paths(`use ${rooted};`, name)) names.set(parts.at(-1), parts);
    }
    out.set(name, names);
  }
  return out;
}

/** The module that defines `parts` (following re-exports), or undefined. */
function resolve(parts, mods, exported, seen = 0) {
  for (let n = parts.length; n >= 0; n--) {
    const target = parts.slice(0, n).join("::");
    if (!mods.has(target)) continue;
    const via = n < parts.length && exported.get(target)?.get(parts[n]);
    if (via && seen < 8) return resolve([...via, ...parts.slice(n + 1)], mods, exported, seen + 1) ?? target;
    return target;
  }
  return undefined;
}

/** The file-level import graph: module → set of modules it imports. */
function graph() {
  const mods = modules();
  const exported = reexports(mods);
  const edges = new Map();
  for (const [name, { code }] of mods) {
    const to = new Set();
    for (const parts of paths(code, name)) {
      const target = resolve(parts, mods, exported);
      // Naming your own items, or the crate root itself, is not an import.
      if (target !== undefined && target !== name && target !== "") to.add(target);
    }
    edges.set(name, to);
  }
  return { mods, edges };
}

// Under the FAPI client: the crate's leaves, which every layer may use (the error type, small
// browser helpers, decimal parsing, in-flight request sharing). They import no other layer.
const FOUNDATION = new Set(["error", "browser", "decimal", "flight"]);

/** The layer of a module: 0 foundation, 1 api, 2 core, 3 ui, 4 bindings. */
function layer(name) {
  const top = name.split("::")[0];
  if (FOUNDATION.has(top)) return 0;
  if (top === "api") return 1;
  if (top === "ui") return 3;
  if (top === "bindings" || top === "bindings_ui") return 4;
  return 2;
}
const LAYER_NAMES = ["foundation", "api", "core", "ui", "bindings"];

test("no two modules of the SDK import each other, directly or around a circle", () => {
  const { mods, edges } = graph();
  const state = new Map();
  const circles = [];
  const visit = (node, trail) => {
    state.set(node, "open");
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === "open") circles.push([...trail.slice(trail.indexOf(next)), next].map((m) => mods.get(m).file).join(" → "));
      else if (!state.has(next)) visit(next, [...trail, next]);
    }
    state.set(node, "done");
  };
  for (const name of mods.keys()) if (!state.has(name)) visit(name, [name]);
  assert.deepEqual(circles, [], `import circles:\n  ${circles.join("\n  ")}`);
});

test("each layer imports only the layers below it (foundation ← api ← core ← ui ← bindings)", () => {
  const { mods, edges } = graph();
  const upward = [];
  for (const [from, tos] of edges) {
    // The crate root only declares the modules and re-exports the public API.
    if (from === "") continue;
    for (const to of tos) {
      if (layer(to) > layer(from)) upward.push(`${mods.get(from).file} (${LAYER_NAMES[layer(from)]}) imports ${mods.get(to).file} (${LAYER_NAMES[layer(to)]})`);
    }
  }
  assert.deepEqual(upward, [], upward.join("\n"));
});

test("there is no JavaScript under src/: no inline_js, no snippet module, no .js file", () => {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(m?js|ts)$/.test(name)) found.push(path.relative(root, full));
      else if (name.endsWith(".rs") && /\b(inline_js|module)\s*=\s*"/.test(readFileSync(full, "utf8"))) found.push(path.relative(root, full));
    }
  };
  walk(src);
  assert.deepEqual(found, []);
});

test("the checker sees the imports it is meant to see", () => {
  const { edges } = graph();
  // Sanity: the core's entry imports the FAPI client, and the facade imports the core.
  assert.ok([...edges.get("clerk")].some((m) => layer(m) === 1), "clerk.rs imports api/");
  assert.ok([...edges.get("bindings::clerk")].some((m) => layer(m) === 2), "the facade imports the core");
});
