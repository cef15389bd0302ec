// Requests per second the development server sustains over loopback, measured by the server
// crate's own load generator (dev-server/examples/bench.rs: keep-alive, 16 connections, fails on
// any error). Release build for real runs; a short debug run for the smoke run.
import { execFileSync } from "node:child_process";
import { root } from "../scripts/lib.mjs";

export function serverThroughput(smoke) {
  const args = ["run", "-q", ...(smoke ? [] : ["--release"]), "-p", "clerk-dev-server", "--example", "bench", "--"];
  const out = execFileSync("cargo", [...args, "--seconds", smoke ? "1" : "5", "--concurrency", "16"], {
    cwd: root,
    encoding: "utf8",
  });
  return out
    .split("\n")
    .map((line) => line.match(/^(.*?): (\d+) in ([\d.]+) s = (\d+)\/s .*errors: (\d+)/))
    .filter(Boolean)
    .map(([, what, total, , perSecond, errors]) => ({ what, total: +total, perSecond: +perSecond, errors: +errors }));
}
