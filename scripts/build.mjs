// The build: cargo (release wasm: the `wasm/` crate, the SDK linked without std, with the `small-alloc` allocator) → wasm-bindgen --target web → wasm-opt -Oz → esbuild → dist/.
// Each stage is skipped when its output is newer than its input, so a second build takes seconds.
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root, run, step } from "./lib.mjs";
import { renameGlue } from "./names.mjs";
import { setup } from "./setup.mjs";

const version = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version;
const target = "wasm32-unknown-unknown";
const cargoWasm = path.join(root, "target", target, "release", "clerk_wasm_npm.wasm");
const pkg = path.join(root, "build", "pkg");
const dist = path.join(root, "dist");
const buildStep = (name, fn) => step(name, fn, "build");
const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);
const newest = (dir) =>
  Math.max(0, ...readdirSync(dir, { recursive: true }).map((f) => mtime(path.join(dir, f))));

// binaryen's feature flags for what rustc 1.95 emits on wasm32 by default.
const wasmFeatures = [
  "--enable-bulk-memory",
  "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-reference-types",
  "--enable-multivalue",
];

export async function build() {
  await buildStep("cargo build (wasm32, release)", () =>
    run("cargo", ["build", "--quiet", "--release", "--target", target, "-p", "clerk-wasm-npm"]),
  );
  const bindgenOut = path.join(pkg, "clerk_wasm_bg.wasm");
  await buildStep("wasm-bindgen --target web", async () => {
    if (mtime(bindgenOut) > mtime(cargoWasm)) return "up to date";
    await run("wasm-bindgen", ["--target", "web", "--out-dir", pkg, "--out-name", "clerk_wasm", cargoWasm]);
  });
  const optimized = path.join(root, "build", "clerk_wasm_bg.wasm");
  const names = path.join(root, "build", "names.json");
  const symbols = path.join(root, "build", "clerk_wasm_bg.symbols");
  const glue = path.join(pkg, "clerk_wasm.short.js");
  await buildStep("wasm-opt -Oz, short import/export names", async () => {
    if (mtime(optimized) > mtime(bindgenOut) && mtime(glue) > mtime(optimized)) return "up to date";
    const wasmOpt = path.join(root, "node_modules", ".bin", "wasm-opt");
    // --converge repeats -Oz until it stops paying; the producers and target-features custom
    // sections are metadata no browser reads.
    // -g keeps the function names for the next run's symbol map; that run drops them again
    // (the shipped bytes are identical with or without -g here).
    const optimize = ["-Oz", "--converge", ...wasmFeatures, "--strip-producers", "--strip-target-features", "-g"];
    await run(wasmOpt, [...optimize, bindgenOut, "-o", optimized]);
    // A run of its own (under --converge it would rename the short names again): it prints its
    // old → new map on stdout (see scripts/names.mjs).
    const map = openSync(names, "w");
    try {
      // -Oz again: after renaming, the optimizer's orderings compress better (−270 B gzip).
      // --symbolmap: the shipped functions' names by index, for panic reports (wasm/src/lib.rs,
      // scripts/symbolicate.mjs).
      const rename = ["-Oz", ...wasmFeatures, "--minify-imports-and-exports-and-modules", `--symbolmap=${symbols}`, optimized, "-o", optimized];
      await run(wasmOpt, rename, { stdio: ["ignore", map, "inherit"] });
    } finally {
      closeSync(map);
    }
    const renamed = renameGlue(readFileSync(path.join(pkg, "clerk_wasm.js"), "utf8"), JSON.parse(readFileSync(names, "utf8")));
    writeFileSync(glue, renamed);
  });
  await buildStep("esbuild → dist/", async () => {
    const stamp = path.join(dist, "clerk.global.js");
    if (mtime(stamp) > Math.max(mtime(optimized), newest(path.join(root, "js")), mtime(glue)))
      return "up to date";
    mkdirSync(dist, { recursive: true });
    copyFileSync(optimized, path.join(dist, "clerk_wasm_bg.wasm"));
    copyFileSync(symbols, path.join(dist, "clerk_wasm_bg.symbols"));
    copyFileSync(path.join(root, "js", "index.d.ts"), path.join(dist, "index.d.ts"));
    // wasm-bindgen's declarations, made usable with a plain ES2022 `lib`: no `Symbol.dispose`
    // members (ESNext only), and a trailing `x: T | undefined` parameter declared optional.
    const generated = readFileSync(path.join(pkg, "clerk_wasm.d.ts"), "utf8")
      .replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/gm, "")
      .replace(/(\w+): ([^,()]+?) \| undefined(?=\))/g, "$1?: $2");
    writeFileSync(path.join(dist, "clerk_wasm.d.ts"), generated);
    copyFileSync(path.join(root, "js", "index.d.ts"), path.join(dist, "inline.d.ts"));
    copyFileSync(path.join(root, "js", "react.d.ts"), path.join(dist, "react.d.ts"));
    const esbuild = await import("esbuild");
    const common = {
      bundle: true,
      minify: true,
      legalComments: "none",
      target: ["es2020"],
      logLevel: "warning",
      alias: { "#wasm-bindgen": glue },
      define: { __CLERK_WASM_VERSION__: JSON.stringify(version) },
    };
    await esbuild.build({
      ...common,
      entryPoints: [path.join(root, "js", "index.js")],
      format: "esm",
      outfile: path.join(dist, "index.js"),
    });
    await esbuild.build({
      ...common,
      entryPoints: [path.join(root, "js", "inline.js")],
      format: "esm",
      outfile: path.join(dist, "inline.js"),
      loader: { ".wasm": "binary" },
      alias: { ...common.alias, "#wasm-bytes": optimized },
    });
    // clerk-wasm/react: React (a peer dependency) and the ESM entry stay imports, so an app
    // that uses both entries bundles one copy of the SDK and fetches its wasm once.
    await esbuild.build({
      ...common,
      entryPoints: [path.join(root, "js", "react.js")],
      format: "esm",
      outfile: path.join(dist, "react.js"),
      external: ["react", "./index.js"],
    });
    await esbuild.build({
      ...common,
      entryPoints: [path.join(root, "js", "global.js")],
      format: "iife",
      outfile: stamp,
      // The IIFE finds its wasm from document.currentScript, never from import.meta.
      define: { ...common.define, "import.meta.url": "undefined" },
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  (process.argv.includes("--no-setup") ? Promise.resolve() : setup())
    .then(build)
    .then(() => console.log(`[build] dist/ ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`))
    .catch(() => process.exit(1));
}
