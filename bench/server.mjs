// Requests per second the development server sustains over loopback, with keep-alive and 16
// requests in flight, from Node's HTTP client (the client shares the machine's two cores, so the
// figure is a floor). Release build for real runs; the debug build for the smoke run.
import { Agent, request } from "node:http";
import { run, startServer } from "../scripts/lib.mjs";

const API = "__clerk_api_version=2026-05-12";

function call(agent, base, method, path, { cookie, body } = {}) {
  return new Promise((resolve) => {
    const headers = { ...(cookie ? { cookie } : {}) };
    if (body) headers["content-type"] = "application/x-www-form-urlencoded";
    const req = request(`${base}${path}`, { method, agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, setCookie: res.headers["set-cookie"] }));
    });
    req.on("error", () => resolve({ status: 0 }));
    req.end(body);
  });
}

async function measure(what, total, concurrency, once) {
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) errors += (await once()) ? 0 : 1;
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  return { what, total, errors, perSecond: total / secs };
}

export async function serverThroughput(total, smoke) {
  const profile = smoke ? [] : ["--release"];
  await run("cargo", ["build", "-q", ...profile, "-p", "clerk-dev-server"]);
  const server = await startServer([], { binary: smoke ? "debug" : "release" });
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  try {
    const signIn = async () => {
      const body = "identifier=ada%40example.test&password=demo-password&strategy=password";
      const r = await call(agent, server.url, "POST", `/v1/client/sign_ins?${API}`, { body });
      return r.status === 200 ? r.setCookie?.[0]?.split(";")[0] : null;
    };
    const cookie = await signIn();
    if (!cookie) throw new Error("the benchmark could not sign in as ada@example.test");
    const reads = await measure("GET /v1/client", total, 16, async () =>
      (await call(agent, server.url, "GET", `/v1/client?${API}`, { cookie })).status === 200,
    );
    const cycles = await measure("sign-in + sign-out cycles", Math.ceil(total / 10), 16, async () => {
      const c = await signIn();
      if (!c) return false;
      const r = await call(agent, server.url, "POST", `/v1/client/sessions?_method=DELETE&${API}`, { cookie: c });
      return r.status === 200;
    });
    return [reads, cycles];
  } finally {
    agent.destroy();
    await server.stop();
  }
}
