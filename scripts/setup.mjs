// Idempotent setup that `npm run build`, `npm start` and `npm test` all call first.
// Installs only what is missing; each step prints one line; a failure names what to do.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { output, root, run, step } from "./lib.mjs";

function lockedWasmBindgenVersion() {
  const lock = readFileSync(path.join(root, "Cargo.lock"), "utf8");
  const m = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!m) throw new Error("Cargo.lock has no wasm-bindgen entry; run `cargo generate-lockfile`");
  return m[1];
}

const sudo = () => (process.getuid?.() === 0 ? [] : ["sudo"]);

/** The @clerk/ui version the ClerkJS e2e test loads (e2e/clerkjs.test.mjs), beside @clerk/clerk-js. */
export const CLERK_UI = "1.36.0";
/** ClerkJS's browser bundles (the `@clerk/clerk-js` dev dependency). */
export const clerkJsDir = path.join(root, "node_modules", "@clerk", "clerk-js", "dist");
/** Where @clerk/ui's browser bundles are unpacked (ignored by git). */
export const clerkUiDir = path.join(root, "e2e", "vendor", `clerk-ui-${CLERK_UI}`);

/**
 * Unpacks @clerk/ui's tarball for the ClerkJS e2e test. `npm pack`, not `npm install`: its
 * manifest names a dependency the registry lacks, and only its prebuilt browser bundles are
 * used. Silent when present; one line when it fetches.
 */
async function vendorClerkUi() {
  if (existsSync(path.join(clerkUiDir, "dist", "ui.browser.js"))) return;
  await step(`@clerk/ui@${CLERK_UI} (npm pack, for the ClerkJS e2e test)`, async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), "clerk-ui-"));
    try {
      await run("npm", ["pack", `@clerk/ui@${CLERK_UI}`, "--pack-destination", tmp, "--silent"], { stdio: "ignore" });
      mkdirSync(clerkUiDir, { recursive: true });
      await run("tar", ["xzf", path.join(tmp, `clerk-ui-${CLERK_UI}.tgz`), "-C", clerkUiDir, "--strip-components=1"]);
    } catch (e) {
      rmSync(clerkUiDir, { recursive: true, force: true });
      throw new Error(`${e.message}; check access to the npm registry (npm pack @clerk/ui@${CLERK_UI})`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return "unpacked into e2e/vendor/";
  });
}

/**
 * Whether every direct dependency in package-lock.json is in node_modules at its locked
 * version. By content, not by file times: a pull or merge that adds a dependency can leave
 * npm's own marker newer than the lockfile.
 */
function directDependenciesInstalled() {
  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));
  const top = lock.packages?.[""] ?? {};
  const names = Object.keys({ ...top.dependencies, ...top.devDependencies });
  return names.every((name) => {
    const installed = path.join(root, "node_modules", name, "package.json");
    if (!existsSync(installed)) return false;
    return JSON.parse(readFileSync(installed, "utf8")).version === lock.packages[`node_modules/${name}`]?.version;
  });
}

export async function setup({ forTests = false } = {}) {
  await step("rust target wasm32-unknown-unknown", async () => {
    const installed = output("rustup", ["target", "list", "--installed"]);
    if (installed === null) throw new Error("rustup not found: install Rust with rustup (https://rustup.rs)");
    if (installed.split("\n").includes("wasm32-unknown-unknown")) return "present";
    await run("rustup", ["target", "add", "wasm32-unknown-unknown"]);
    return "installed";
  });

  await step("wasm-bindgen-cli", async () => {
    const want = lockedWasmBindgenVersion();
    const have = output("wasm-bindgen", ["--version"])?.trim().split(" ")[1];
    if (have === want) return `${want} present`;
    // Not --locked: the registry lacks some versions the CLI's own lockfile pins.
    await run("cargo", ["install", "wasm-bindgen-cli", "--version", want]).catch((e) => {
      throw new Error(`${e.message}; install it by hand: cargo install wasm-bindgen-cli --version ${want}`);
    });
    return `${want} installed (was ${have ?? "absent"})`;
  });

  await step("npm dependencies", async () => {
    if (directDependenciesInstalled()) return "present";
    await run("npm", ["ci", "--no-audit", "--no-fund"]).catch((e) => {
      throw new Error(`${e.message}; check access to the npm registry and run npm ci`);
    });
    return "installed";
  });

  if (!forTests) return;
  await vendorClerkUi();
  await step("chromium + chromedriver", async () => {
    if (existsSync("/usr/bin/chromium") && existsSync("/usr/bin/chromedriver")) return "present";
    const apt = [...sudo(), "apt-get"];
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    try {
      await run(apt[0], [...apt.slice(1), "update", "-qq"], { env });
      await run(apt[0], [...apt.slice(1), "install", "-y", "-qq", "chromium", "chromium-driver"], { env });
    } catch (e) {
      throw new Error(`${e.message}; install them with: apt-get install -y chromium chromium-driver`);
    }
    return "installed";
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  setup({ forTests: process.argv.includes("--test") }).catch(() => process.exit(1));
}
