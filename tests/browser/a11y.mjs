// Accessibility and layout check of a built example site, driven by tests/bcop/a11y.rs.
// Usage: node a11y.mjs BASE_URL
//
// Runs axe-core on every page type, in English and Japanese, in the light and dark colour
// scheme, at 1280 and 375 px, and fails on any critical or serious violation. Then checks the
// layout faults of issue 16 that a browser can measure. Prints one JSON line with what it
// found; exits non-zero listing every violation and every failed layout check.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const base = process.argv[2];
if (!base) {
  console.error("usage: node a11y.mjs BASE_URL");
  process.exit(2);
}

const widths = [{ width: 1280, height: 900 }, { width: 375, height: 812 }];
const schemes = ["light", "dark"];

// Every page type. The home and the 404 page exist once; the rest in each language.
const pages = [
  { type: "home", path: "index.html" },
  { type: "not-found", path: "en/no/such/page.html", status: 404 },
];
for (const l of ["en", "ja"]) {
  pages.push(
    { type: "catalog", path: `${l}/index.html` },
    { type: "document-index", path: `${l}/abuse-desk/index.html`, redirect: true },
    { type: "versions", path: `${l}/abuse-desk/versions.html` },
    { type: "cover", path: `${l}/cpe-security/1.0/index.html` },
    { type: "chapter", path: `${l}/cpe-security/1.0/01-scope.html` },
    { type: "chapter", path: `${l}/abuse-desk/2.0/index.html` },
    { type: "chapter", path: `${l}/abuse-desk/1.0/index.html` },
    { type: "requirements", path: `${l}/cpe-security/1.0/requirements.html` },
    { type: "changes", path: `${l}/abuse-desk/2.0/changes.html` },
    { type: "print", path: `${l}/abuse-desk/2.0/print.html` },
  );
}

const violations = [];
const failures = [];
const rules = {};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const viewport of widths) {
    for (const colorScheme of schemes) {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      // A redirect page would leave before axe ran: its meta refresh is taken out, nothing else.
      await page.route("**/abuse-desk/index.html", async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace('http-equiv="refresh"', 'data-refresh-off=""');
        await route.fulfill({ response, body });
      });
      for (const p of pages) {
        await audit(page, p, colorScheme, viewport.width);
      }
      await context.close();
    }
  }
  await layoutChecks();
} finally {
  await browser.close();
}

console.log(JSON.stringify({
  pages: pages.length,
  runs: pages.length * widths.length * schemes.length,
  violations: violations.length,
  rules,
  failed_checks: failures.length,
}));
for (const v of violations) {
  console.error(`${v.rule} (${v.impact}) on ${v.page} [${v.scheme}, ${v.width} px]: ${v.target} — ${v.summary}`);
}
for (const f of failures) console.error("FAILED: " + f);
if (violations.length || failures.length) process.exit(1);

async function audit(page, p, scheme, width) {
  const response = await page.goto(base + p.path);
  const status = response ? response.status() : 0;
  if (status !== (p.status || 200)) {
    failures.push(`${p.path} answered ${status}`);
    return;
  }
  if (p.redirect && !(await page.locator('meta[data-refresh-off]').count())) {
    failures.push(`${p.path} is not the redirect page the test expects`);
  }
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  for (const v of result.violations) {
    if (v.impact !== "critical" && v.impact !== "serious") continue;
    rules[v.id] = (rules[v.id] || 0) + v.nodes.length;
    for (const n of v.nodes) {
      violations.push({
        rule: v.id, impact: v.impact, page: p.path, scheme, width,
        target: n.target.join(" "), summary: (n.failureSummary || v.help).replace(/\s+/g, " "),
      });
    }
  }
}

async function layoutChecks() {
  const phone = await browser.newPage({ viewport: { width: 375, height: 812 } });
  const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const l of ["en", "ja"]) {
    await languageMenuFitsTheScreen(phone, `${l}/cpe-security/1.0/01-scope.html`);
    await languageMenuFitsTheScreen(desk, `${l}/cpe-security/1.0/01-scope.html`);
    await firstHeadingIsOnTheFirstScreen(phone, `${l}/cpe-security/1.0/01-scope.html`);
    await firstHeadingIsOnTheFirstScreen(phone, `${l}/abuse-desk/2.0/index.html`);
    await requirementIdsStayOnOneLine(desk, `${l}/cpe-security/1.0/requirements.html`);
    await requirementIdsStayOnOneLine(phone, `${l}/cpe-security/1.0/requirements.html`);
    await requirementIdsStayOnOneLine(desk, `${l}/abuse-desk/2.0/changes.html`);
    await wideTableUsesTheFreeWidth(desk, `${l}/abuse-desk/2.0/index.html`);
    await scrollingTableShowsItScrolls(phone, `${l}/abuse-desk/2.0/index.html`);
  }
  for (const l of ["en", "ja", "fr"]) await citationDateStaysOnOneLine(phone, `${l}/abuse-desk/2.0/index.html`);
  await languageSwitchKeepsTheSection(desk, "en/cpe-security/1.0/01-scope.html", "ja");
  await languageSwitchKeepsTheSection(phone, "ja/abuse-desk/2.0/index.html", "en");
  await notFoundPageIsStyledAnywhere(desk, "en/cpe-security/no/such/page.html");
}

async function languageMenuFitsTheScreen(page, path) {
  await page.goto(base + path);
  await page.click(".lang-switcher summary");
  const box = await page.locator(".lang-switcher ul").boundingBox();
  const width = page.viewportSize().width;
  if (!box || box.x < 0 || box.x + box.width > width) {
    failures.push(`${path} at ${width} px: the open language menu spans ${box && box.x}..${box && box.x + box.width}, outside 0..${width}`);
  }
}

async function firstHeadingIsOnTheFirstScreen(page, path) {
  await page.goto(base + path);
  const { width, height } = page.viewportSize();
  const bottom = await page.evaluate(() => {
    const h = document.querySelector("main article :is(h1, h2)");
    return h ? h.getBoundingClientRect().bottom : Infinity;
  });
  if (bottom > height) failures.push(`${path} at ${width} px: the first heading ends at ${bottom} px, below the first screen (${height} px)`);
}

async function requirementIdsStayOnOneLine(page, path) {
  await page.goto(base + path);
  const broken = await page.evaluate(() => [...document.querySelectorAll("td .req-id, .req-id-cell")]
    .filter((e) => {
      const text = e.querySelector("a") || e;
      const range = document.createRange();
      range.selectNodeContents(text);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return lines.size > 1;
    })
    .map((e) => e.textContent.trim()));
  if (broken.length) failures.push(`${path} at ${page.viewportSize().width} px: requirement IDs break over lines: ${broken.slice(0, 5).join(", ")}`);
}

// "Cite this": the date (2025-03-14) never breaks at a hyphen, at any width from 300 to 800 px.
async function citationDateStaysOnOneLine(page, path) {
  await page.goto(base + path);
  const broken = [];
  for (let w = 300; w <= 800; w += 3) {
    await page.setViewportSize({ width: w, height: 812 });
    const lines = await page.evaluate(() => {
      const d = document.querySelector(".cite-text .cite-date");
      if (!d) return 0;
      const range = document.createRange();
      range.selectNodeContents(d);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    if (lines === 0) { failures.push(`${path}: the citation has no date`); break; }
    if (lines > 1) broken.push(w);
  }
  await page.setViewportSize({ width: 375, height: 812 });
  if (broken.length) failures.push(`${path}: the citation's date breaks over lines at ${broken.slice(0, 8).join(", ")} px`);
}

// The response-time table of abuse-desk 2.0 has six columns: at 1280 px there is room for all.
async function wideTableUsesTheFreeWidth(page, path) {
  await page.goto(base + path);
  const wrap = page.locator("#rto ~ .table-wrap").first();
  const m = await wrap.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
  if (m.scroll > m.client) failures.push(`${path} at 1280 px: the six-column table scrolls (${m.scroll} > ${m.client} px) although the page has room`);
}

// At 375 px the same table must scroll, and say so: a shadow at the edge it scrolls towards.
async function scrollingTableShowsItScrolls(page, path) {
  await page.goto(base + path);
  const wrap = page.locator("#rto ~ .table-wrap").first();
  const m = await wrap.evaluate((e) => ({
    scroll: e.scrollWidth, client: e.clientWidth, cue: getComputedStyle(e).backgroundImage,
  }));
  if (m.scroll <= m.client) failures.push(`${path} at 375 px: the six-column table does not scroll; the check is void`);
  if (!m.cue.includes("gradient")) failures.push(`${path} at 375 px: a table that scrolls shows no shadow at its edge`);
}

async function languageSwitchKeepsTheSection(page, path, to) {
  await page.goto(base + path);
  const id = await page.evaluate(() => document.querySelector(".content h2[id]").id);
  await page.goto(base + path + "#" + id);
  await page.click(".lang-switcher summary");
  await page.click(`.lang-switcher a[hreflang="${to}"]`);
  await page.waitForURL(`**/${to}/**`, { timeout: 5000 }).catch(() => {});
  const url = new URL(page.url());
  const found = await page.evaluate((i) => !!document.getElementById(i), id);
  if (url.hash !== "#" + id || !found) failures.push(`switching ${path} to ${to} went to ${url.pathname}${url.hash}, not #${id}`);
}

// Served from another host than base_url and at a nested path: its stylesheet must load, and
// its links must lead to pages that exist.
async function notFoundPageIsStyledAnywhere(page, path) {
  const response = await page.goto(base + path);
  if (response.status() !== 404) failures.push(`${path} answered ${response.status()}, not 404`);
  const sheets = await page.evaluate(() => [...document.styleSheets]
    .filter((s) => { try { return s.cssRules.length > 0; } catch { return false; } }).length);
  if (sheets === 0) failures.push(`${path}: the 404 page's stylesheet did not load`);
  const links = await page.evaluate(() => [...new Set([...document.querySelectorAll("a[href]")]
    .map((a) => a.href).filter((h) => !h.includes("#")))]);
  for (const href of links) {
    const status = await page.evaluate((h) => fetch(h).then((r) => r.status, () => 0), href);
    if (status !== 200) failures.push(`${path}: the 404 page links to ${href}, which answers ${status}`);
  }
}
