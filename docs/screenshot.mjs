// Takes the README's screenshots of the user button (docs/user-button.png, light, and
// docs/user-button-dark.png) from the demo's multi-session page, against a development server
// started with --faults: `CLERK_DEV_SERVER_URL=http://127.0.0.1:PORT node docs/screenshot.mjs`
// after `npm run build`.
import { fileURLToPath } from "node:url";
import { dev, launch, signInContext } from "../e2e/harness.mjs";

const server = process.env.CLERK_DEV_SERVER_URL;
if (!server) {
  console.error("CLERK_DEV_SERVER_URL is not set (a development server started with --faults)");
  process.exit(2);
}
const out = (name) => fileURLToPath(new URL(name, import.meta.url));

const browser = await launch();
try {
  for (const [scheme, file] of [["light", "user-button.png"], ["dark", "user-button-dark.png"]]) {
    await dev(server, "POST", "/__dev/reset", { multi_session: true, dev_instance: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 560 }, deviceScaleFactor: 2, colorScheme: scheme });
    await signInContext(context, server, ["grace@example.test", "linus", "ada@example.test"]);
    const page = await context.newPage();
    await page.goto(`${server}/multi-session.html`);
    await page.locator("#user-button .cl-userButtonTrigger").click();
    const panel = page.getByRole("dialog");
    await panel.waitFor({ state: "visible" });
    await page.locator("#user-button img").first().evaluate((img) => img.decode());
    const box = await panel.boundingBox();
    const x = Math.max(0, box.x - 32);
    await page.screenshot({ path: out(file), clip: { x, y: 0, width: 1280 - x, height: box.y + box.height + 24 } });
    console.log(`wrote docs/${file}`);
    await context.close();
  }
} finally {
  await browser.close();
}
