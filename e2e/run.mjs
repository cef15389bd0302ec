// Runs every e2e/*.test.mjs against the development server at CLERK_DEV_SERVER_URL
// (npm test starts one and passes it in).
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runAll } from "./harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const server = process.env.CLERK_DEV_SERVER_URL;
if (!server) {
  console.error("CLERK_DEV_SERVER_URL is not set: run the e2e suite through `npm test`");
  process.exit(2);
}
const only = process.argv[2];
for (const file of readdirSync(here).filter((f) => f.endsWith(".test.mjs")).sort()) {
  if (!only || file.includes(only)) await import(pathToFileURL(path.join(here, file)).href);
}
process.exit((await runAll(server)) ? 0 : 1);
