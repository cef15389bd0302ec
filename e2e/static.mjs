// A minimal static file server on 127.0.0.1 for the bundler fixtures' output: a page on another
// origin than the Frontend API, as in a real app. Stopped by the test that starts it.
import { createServer } from "node:http";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };

export function serveStatic(dir) {
  const server = createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = path.join(dir, rel.endsWith("/") ? `${rel}index.html` : rel);
    if (!file.startsWith(dir + path.sep)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        // Idle keep-alive connections too: close() alone waits up to 5 s for the browser's.
        stop: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections();
          }),
      }),
    ),
  );
}

/**
 * Serves `files` (name → HTML), and `links` (name → a directory served under that name), from a
 * temporary directory on another origin while `fn(url)` runs.
 */
export async function withPage(files, fn, links = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "clerk-wasm-page-"));
  for (const [name, html] of Object.entries(files)) writeFileSync(path.join(dir, name), html);
  for (const [name, target] of Object.entries(links)) symlinkSync(target, path.join(dir, name));
  const site = await serveStatic(dir);
  try {
    await fn(site.url);
  } finally {
    await site.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The development server's publishable key (`pk_test_` + base64 of `host$`). */
export const keyFor = (server) => `pk_test_${Buffer.from(`${new URL(server).host}$`).toString("base64").replace(/=+$/, "")}`;
