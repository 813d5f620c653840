// Screenshot helper for looking at pages by hand: node shot.mjs URL OUT.png [WIDTH] [HEIGHT] [SELECTOR]
import { chromium } from "playwright-core";
const [url, out, w = "1280", h = "900", selector] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
await page.goto(url);
if (selector) await page.locator(selector).first().scrollIntoViewIfNeeded();
if (selector) await page.evaluate((s) => document.querySelector(s).scrollIntoView(), selector);
await page.screenshot({ path: out });
await browser.close();
