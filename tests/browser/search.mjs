// Search in a real browser (issue 16): the example site, built and served as a static host
// serves it, is searched through the box in its header. Each query must find what it should,
// in its language; the version filter, the untranslated (fallback) pages, the notice from
// file://, and axe-core on the open results (en and ja, light and dark, 1280 and 375 px).
//
//   node search.mjs BASE_URL FILE_URL_OF_A_PAGE
//
// Prints one JSON line with what it checked, and fails (exit 1) on the first wrong answer.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [base, fileUrl] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const errors = [];

async function open(page, lang, { key = true } = {}) {
  await page.goto(`${base}${lang}/index.html`);
  await page.waitForSelector(".site-search:not([hidden]) button");
  if (key) await page.keyboard.press("/");
  else await page.click(".site-search button");
  await page.waitForSelector("dialog.search-dialog[open]");
}

// Types `query` and waits for the count; returns the results as the reader sees them.
async function search(page, query, filters = {}) {
  await page.waitForFunction(() => document.querySelector("#search-doc option"));
  if (filters.doc !== undefined) await page.selectOption("#search-doc", filters.doc);
  if (filters.version !== undefined) await page.selectOption("#search-version", filters.version);
  await page.fill("#search-query", "");
  await page.fill("#search-query", query);
  await page.waitForFunction(() => {
    const s = document.querySelector(".search-status")?.textContent || "";
    return s && !s.endsWith("…");
  });
  await page.waitForTimeout(200);
  return page.evaluate(() => ({
    status: document.querySelector(".search-status").textContent,
    pages: [...document.querySelectorAll(".search-page")].map((p) =>
      [...p.querySelectorAll(".search-result a")].map((a) => new URL(a.href).pathname)),
    // Each section found, with what its page's result says of it.
    results: [...document.querySelectorAll(".search-result")].map((li) => ({
      href: new URL(li.querySelector("a").href).pathname + new URL(li.querySelector("a").href).hash,
      title: li.querySelector("a").textContent,
      where: li.closest(".search-page").querySelector(".search-where").textContent,
      badge: li.closest(".search-page").querySelector(".badge")?.className || "",
      marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
      lang: li.querySelector(".search-excerpt").lang || "",
    })),
  }));
}

const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.on("console", (m) => { if (m.type() === "error" && !/favicon/.test(m.location().url)) errors.push(m.text()); });
page.on("pageerror", (e) => errors.push(String(e)));
const seen = {};

// `/` opens the box and puts the cursor in it.
await open(page, "en");
check(await page.evaluate(() => document.activeElement?.id === "search-query"), "`/` opens search with the cursor in the box");

// The script splits text into terms as the index does (the same cases as the unit tests of
// src/search/text.rs).
const cases = [
  ["Operação", ["operacao"]],
  ["l'opérateur d’accès", ["operateur", "acces"]],
  ["Straße ŒUVRE", ["strasse", "oeuvre"]],
  ["Ｗｉ－Ｆｉ", ["wi", "fi", "wi-fi"]],
  ["see ABUSE-RESP-01.", ["see", "abuse", "resp", "01", "abuse-resp-01"]],
  ["RFC 2119, v1.2", ["rfc", "2119", "v1", "v1.2"]],
  ["応答時間を", ["応答", "答時", "時間", "間を"]],
  ["鍵 が", ["鍵", "が"]],
  ["SPF（送信）", ["spf", "送信"]],
];
for (const [text, want] of cases) {
  const got = await page.evaluate((t) => window.bcopSearch.terms(t), text);
  check(JSON.stringify(got) === JSON.stringify(want), `terms(${text}) = ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

// An English term, found in the latest versions, linked to the section.
let r = await search(page, "mailbox");
seen.en = r.status;
check(r.results.length > 0, "en: `mailbox` finds something");
check(r.results.every((x) => x.href.startsWith("/en/")), "en: results are English pages");
check(r.results.some((x) => x.href === "/en/abuse-desk/2.0/index.html#the-abuse-mailbox"), `en: \`mailbox\` finds § the-abuse-mailbox of abuse-desk 2.0: ${JSON.stringify(r.results.slice(0, 3))}`);
check(!r.results.some((x) => x.href.includes("/abuse-desk/1.0/")), "en: by default only the latest version");
check(r.results.every((x) => x.badge === ""), "en: source pages carry no status");

// Results are pages, each with its best sections (at most three), ranked by the best.
check(r.pages.length > 0 && r.pages.every((p) => p.length >= 1 && p.length <= 3 && new Set(p).size === 1),
  `en: one result per page, with its sections: ${JSON.stringify(r.pages.slice(0, 3))}`);
check(new Set(r.pages.map((p) => p[0])).size === r.pages.length, "en: no page twice");

// One letter is too short to search, and the box says so.
r = await search(page, "a");
check(r.results.length === 0 && r.status === "Type two letters or more.", `one letter: ${r.status}`);

// A requirement ID.
r = await search(page, "ABUSE-TRIAGE-4");
check(r.results[0]?.href === "/en/abuse-desk/2.0/index.html#triage-and-prioritisation", `requirement ID: ${JSON.stringify(r.results[0])}`);
check(r.results[0]?.marks.includes("ABUSE-TRIAGE-4"), `requirement ID marked: ${JSON.stringify(r.results[0]?.marks)}`);

// Older versions through the filter.
r = await search(page, "consensus");
check(!r.results.some((x) => x.href.includes("/abuse-desk/1.0/")), "`consensus` is only in abuse-desk 1.0: not found by default");
r = await search(page, "consensus", { version: "all" });
check(r.results.some((x) => x.href.startsWith("/en/abuse-desk/1.0/")), `all versions: \`consensus\` found in 1.0: ${JSON.stringify(r.results)}`);
r = await search(page, "mailbox", { doc: "0", version: "0" });
check(r.results.length > 0 && r.results.every((x) => x.href.startsWith("/en/abuse-desk/1.0/")), "document abuse-desk, version 1.0: only its pages");
seen.filter = r.results.length;

// Japanese: a compound of kanji from the ja translation.
await open(page, "ja");
r = await search(page, "対応時間目標");
seen.ja = r.status;
check(r.results.length > 0 && r.results.every((x) => x.href.startsWith("/ja/")), `ja: 対応時間目標 finds Japanese pages: ${JSON.stringify(r.results.slice(0, 2))}`);
check(r.results.some((x) => x.marks.includes("対応時間目標")), "ja: the compound is marked whole");
check(r.results.every((x) => /search-badge-(translation|outdated)/.test(x.badge)), "ja: results say they are translations");
check(/件$/.test(r.status), `ja: count in Japanese: ${r.status}`);

// pt-BR: a word typed without its accents.
await open(page, "pt-BR");
r = await search(page, "operacao");
seen.pt = r.status;
check(r.results.some((x) => x.marks.some((m) => /^operação$/i.test(m))), `pt-BR: operacao finds operação: ${JSON.stringify(r.results.slice(0, 2))}`);

// French: a word with an apostrophe.
await open(page, "fr");
r = await search(page, "l'opérateur");
seen.fr = r.status;
check(r.results.some((x) => x.href.startsWith("/fr/cpe-security/") && x.marks.some((m) => /^opérateur$/i.test(m))), `fr: l'opérateur: ${JSON.stringify(r.results.slice(0, 2))}`);

// A page not translated into French is found through English, once, at its French address.
r = await search(page, "triage");
seen.fallback = r.results.length;
const fallback = r.results.filter((x) => x.href.startsWith("/fr/abuse-desk/"));
check(fallback.length > 0 && fallback.every((x) => x.badge.includes("search-badge-fallback") && x.lang === "en"), `fr: untranslated abuse-desk found as a fallback: ${JSON.stringify(r.results.slice(0, 3))}`);
check(!r.results.some((x) => x.href.startsWith("/en/")), "fr: no link leaves for the English site");
check(new Set(r.results.map((x) => x.href)).size === r.results.length, "fr: no result twice");

// Accessibility of the open results.
let axeRuns = 0;
const violations = [];
for (const lang of ["en", "ja"]) {
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [1280, 375]) {
      const ctx = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
      const p = await ctx.newPage();
      await open(p, lang, { key: false });
      await search(p, lang === "ja" ? "対応" : "abuse");
      await p.addScriptTag({ path: axePath });
      const res = await p.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      for (const v of res.violations) {
        if (v.impact === "critical" || v.impact === "serious") {
          violations.push(`${v.id} (${v.impact}) ${lang} ${colorScheme} ${width}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        }
      }
      if (lang === "ja" && colorScheme === "light") await p.screenshot({ path: `${process.env.SHOTS || "/tmp"}/search-${lang}-${width}.png` });
      if (lang === "en" && colorScheme === "dark") await p.screenshot({ path: `${process.env.SHOTS || "/tmp"}/search-${lang}-dark-${width}.png` });
      axeRuns++;
      await ctx.close();
    }
  }
}
check(violations.length === 0, `axe on search results: ${violations.join("; ")}`);

// From file://, the box says that search needs a web server.
const local = await browser.newPage();
await local.goto(fileUrl);
await local.click(".site-search button");
const offline = await local.textContent("dialog[open] .search-offline");
check(/bcop serve/.test(offline || ""), `file://: ${offline}`);
await local.close();

check(errors.length === 0, `console errors: ${errors.join("; ")}`);
await browser.close();
console.log(JSON.stringify({ seen, axeRuns, violations: violations.length, failures }));
if (failures.length) {
  for (const f of failures) console.error(`FAIL: ${f}`);
  process.exit(1);
}
