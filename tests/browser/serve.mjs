// Real-browser check of `bcop serve`, driven by tests/bcop/serve.rs.
// Usage: node serve.mjs BASE_URL SITE_DIR SCREENSHOT_DIR
// Prints one JSON line with what it measured; exits non-zero on the first failed expectation.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [base, site, shots] = process.argv.slice(2);
const chapter = join(site, "content/cpe-security/1.0/01-scope.md");
const index = join(site, "content/cpe-security/1.0/index.md");
const result = {};

function fail(message) {
  console.error("FAILED: " + message);
  process.exit(1);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(base + "en/cpe-security/1.0/01-scope.html");
  // The event stream must be connected before we edit, or the reload could be missed.
  await page.waitForFunction(() => window.__bcopConnected === true, null, { timeout: 10000 })
    .catch(() => fail("the page never connected to /__bcop/events"));

  // 1. An edit shows up in the open page within a second.
  const marker = "Live edit marker " + Date.now();
  const original = readFileSync(chapter, "utf8");
  const t0 = Date.now();
  writeFileSync(chapter, original + "\n\n" + marker + "\n");
  await page.waitForFunction((m) => document.body && document.body.innerText.includes(m), marker, { timeout: 5000 })
    .catch(() => fail("the edited text did not appear"));
  result.reload_ms = Date.now() - t0;
  if (result.reload_ms > 1000) fail(`reload took ${result.reload_ms} ms`);
  await page.screenshot({ path: join(shots, "serve-page.png") });

  // 2. Broken front matter: an overlay with the file and line, over the page.
  const goodIndex = readFileSync(index, "utf8");
  writeFileSync(index, goodIndex.replace(/^status: .*$/m, "status: [published"));
  const overlay = page.locator("#__bcop_overlay");
  await overlay.waitFor({ timeout: 5000 }).catch(() => fail("no error overlay"));
  const text = await overlay.innerText();
  if (!/content\/cpe-security\/1\.0\/index\.md:\d+:\d+/.test(text)) fail("overlay lacks path:line:col: " + text);
  result.overlay = text.split("\n").slice(0, 4).join(" | ");
  await page.screenshot({ path: join(shots, "serve-overlay.png") });

  // 3. Fixing it clears the overlay.
  writeFileSync(index, goodIndex);
  await page.waitForFunction(() => !document.getElementById("__bcop_overlay"), null, { timeout: 5000 })
    .catch(() => fail("the overlay did not go away"));
  await page.waitForFunction(() => window.__bcopConnected === true, null, { timeout: 10000 });

  // 4. The language switcher lands on the same document, version and chapter.
  await page.click(".lang-switcher summary");
  await page.click('.lang-switcher a[hreflang="ja"]');
  await page.waitForURL("**/ja/cpe-security/1.0/01-scope.html", { timeout: 5000 })
    .catch(() => fail("language switch went to " + page.url()));
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== "ja") fail("html lang is " + lang);
  result.switched_to = new URL(page.url()).pathname;
  await page.screenshot({ path: join(shots, "serve-ja.png") });

  writeFileSync(chapter, original);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
