// bcop default theme: search. The box in the header opens a dialog that searches the index
// `bcop build` writes under search/<lang>/ (see src/search/mod.rs for its files). The terms
// of a query are made by the same rules as the index's (src/search/text.rs): change both
// together.
(() => {
  "use strict";
  const box = document.querySelector(".site-search");
  if (!box) return;
  const button = box.querySelector("button");
  const label = (box.querySelector(".search-text") || button).textContent.trim();
  const lang = document.documentElement.lang;
  const root = new URL(box.dataset.root || "./", location.href);
  box.hidden = false;

  // ---- Terms (src/search/text.rs) ----
  const CJK = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F\u{20000}-\u{2FFFF}]/u;
  const WORD = /[\p{Alphabetic}\p{N}]/u;
  const SPECIAL = { "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ı": "i" };
  const isCjk = (c) => CJK.test(c);
  const isWord = (c) => WORD.test(c) && !isCjk(c);
  function fold(c) {
    const code = c.codePointAt(0);
    if (code < 128) return c.toLowerCase();
    if (code >= 0xFF01 && code <= 0xFF5E) return String.fromCharCode(code - 0xFEE0).toLowerCase();
    if (isCjk(c)) return c;
    if (SPECIAL[c]) return SPECIAL[c];
    return c.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  const folded = (text) => Array.from(text, fold).join("");

  // Every term of `text`, in order.
  function terms(text) {
    const chars = Array.from(folded(text));
    const out = [];
    let i = 0;
    while (i < chars.length) {
      const c = chars[i];
      if (isCjk(c)) {
        const start = i;
        while (i < chars.length && isCjk(chars[i])) i++;
        if (i - start === 1) out.push(c);
        for (let k = start; k + 1 < i; k++) out.push(chars[k] + chars[k + 1]);
      } else if (isWord(c)) {
        const start = i;
        let parts = 1;
        let wordStart = i;
        for (;;) {
          while (i < chars.length && isWord(chars[i])) i++;
          if (i - wordStart >= 2) out.push(chars.slice(wordStart, i).join(""));
          if (i + 1 < chars.length && "-._".includes(chars[i]) && isWord(chars[i + 1])) {
            i++;
            wordStart = i;
            parts++;
          } else break;
        }
        if (parts > 1) out.push(chars.slice(start, i).join(""));
      } else i++;
    }
    return out;
  }

  // The shard file that holds `term` (src/search/mod.rs, `shard`).
  function shard(term) {
    const [a, b] = Array.from(term);
    const alnum = (c) => c !== undefined && /^[a-z0-9]$/i.test(c);
    if (alnum(a) && alnum(b)) return a + b;
    if (alnum(a)) return a + "_";
    return "u" + (a.codePointAt(0) % 64);
  }

  // ---- The index ----
  const indexes = new Map();
  const fetched = new Map();
  function get(path, as) {
    if (!fetched.has(path)) {
      fetched.set(path, fetch(new URL(path, root)).then((r) => {
        if (!r.ok) throw new Error(`${path}: ${r.status}`);
        return as === "json" ? r.json() : r.text();
      }));
    }
    return fetched.get(path);
  }
  function index(code) {
    if (!indexes.has(code)) {
      indexes.set(code, get(`search/${code}/index.json`, "json").then((ix) => {
        ix.shardSet = new Set(ix.shards);
        ix.parsed = new Map();
        return ix;
      }));
    }
    return indexes.get(code);
  }
  async function shardOf(ix, name) {
    if (!ix.shardSet.has(name)) return new Map();
    if (!ix.parsed.has(name)) {
      ix.parsed.set(name, get(`search/${ix.lang}/s/${name}.txt`).then((text) => {
        const map = new Map();
        for (const line of text.split("\n")) {
          const tab = line.indexOf("\t");
          if (tab > 0) map.set(line.slice(0, tab), line.slice(tab + 1));
        }
        return map;
      }));
    }
    return ix.parsed.get(name);
  }
  function postings(list) {
    const nums = list.split(",");
    const out = [];
    let s = 0;
    for (let k = 0; k + 1 < nums.length; k += 2) {
      s += +nums[k];
      out.push([s, +nums[k + 1]]);
    }
    return out;
  }
  // Section → score for the sections that hold every term (null when one term is nowhere).
  async function lookup(ix, qterms) {
    let total = null;
    for (const term of qterms) {
      const map = await shardOf(ix, shard(term));
      const here = new Map();
      const prefix = term.length >= 3 || isCjk(term);
      for (const [t, list] of map) {
        const exact = t === term;
        if (!exact && !(prefix && t.startsWith(term))) continue;
        const hits = postings(list);
        const idf = Math.log(1 + ix.sections / hits.length);
        for (const [s, w] of hits) {
          const score = idf * (1 + Math.log(w)) * (exact ? 1 : 0.5);
          here.set(s, Math.max(here.get(s) || 0, score));
        }
      }
      if (total === null) total = here;
      else {
        const both = new Map();
        for (const [s, v] of here) if (total.has(s)) both.set(s, total.get(s) + v);
        total = both;
      }
      if (total.size === 0) return total;
    }
    return total || new Map();
  }
  // The last element of sorted `list` that is <= n (its place).
  function place(list, n, key = (x) => x) {
    let lo = 0, hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (key(list[mid]) <= n) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  async function section(ix, s) {
    const k = place(ix.chunks, s);
    const text = await get(`search/${ix.lang}/c/${k}.txt`);
    const lines = text.split("\n");
    const i = s - ix.chunks[k];
    let [url, page, id, number, heading, body] = (lines[i] || "").split("\t");
    // A page's URL and title are written on its first line in the chunk only.
    for (let j = i; !url && j > 0; ) [url, page] = lines[--j].split("\t");
    return { url, page, id, number, heading, body: body || "" };
  }

  // ---- Searching ----
  async function run(query, filter) {
    const mine = await index(lang);
    const qterms = [...new Set(terms(query))];
    if (!qterms.length) return [];
    const results = [];
    const keep = (ix, e) =>
      (filter.doc === "" || +filter.doc === e.doc) &&
      (filter.version === "all" ||
        (filter.version === "latest" ? e.version === ix.docs[e.doc].latest : +filter.version === e.version));
    const add = (ix, scores, fallbackOf) => {
      for (const [s, score] of scores) {
        const e = ix.editions[place(ix.editions, s, (x) => x.first)];
        if (!keep(ix, e)) continue;
        const p = place(e.pages, s);
        let status = "";
        if (fallbackOf) {
          if (!fallbackOf.has(`${e.doc}:${e.version}:${p}`)) continue;
          status = "fallback";
        } else if (ix.lang !== ix.source) {
          status = e.outdated.includes(p) ? "outdated" : "translation";
        }
        results.push({ ix, s, score, doc: e.doc, version: e.version, status, page: `${ix.lang}:${e.first}:${p}` });
      }
    };
    add(mine, await lookup(mine, qterms), null);
    // Untranslated pages are found through the source language's index.
    const fallbackOf = new Set();
    for (const e of mine.editions) for (const c of e.fallback) fallbackOf.add(`${e.doc}:${e.version}:${c}`);
    if (fallbackOf.size && mine.source !== lang) {
      const src = await index(mine.source);
      add(src, await lookup(src, qterms), fallbackOf);
    }
    results.sort((a, b) => b.score - a.score || a.s - b.s);
    // One result per page, ranked by its best section, with its best sections under it.
    const pages = new Map();
    for (const r of results) {
      if (!pages.has(r.page)) pages.set(r.page, []);
      pages.get(r.page).push(r);
    }
    return [...pages.values()];
  }

  // How many of a page's sections a result shows.
  const SECTIONS = 3;

  // ---- The dialog ----
  let dialog, input, docSelect, versionSelect, status, list, more, strings, shown, found;
  const el = (tag, props = {}, ...children) => {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...children);
    return e;
  };

  function open() {
    if (!dialog) build();
    if (!dialog.open) dialog.showModal();
    (input || dialog.querySelector("button")).focus();
  }

  function build() {
    dialog = el("dialog", { className: "search-dialog" });
    dialog.setAttribute("aria-label", label);
    const close = el("button", { type: "button", className: "search-close", textContent: "×" });
    close.setAttribute("aria-label", box.dataset.close || "Close");
    close.addEventListener("click", () => dialog.close());
    dialog.addEventListener("click", (e) => { if (e.target === dialog) dialog.close(); });
    document.body.append(dialog);
    if (location.protocol === "file:") {
      dialog.append(el("div", { className: "search-head" }, close),
        el("p", { className: "search-offline", textContent: box.dataset.offline }));
      return;
    }
    input = el("input", { type: "search", id: "search-query", autocomplete: "off", spellcheck: false });
    input.setAttribute("aria-label", label);
    status = el("p", { className: "search-status", role: "status" });
    list = el("ol", { className: "search-results" });
    more = el("button", { type: "button", className: "search-more", hidden: true });
    docSelect = el("select", { id: "search-doc" });
    versionSelect = el("select", { id: "search-version" });
    const docLabel = el("label", { htmlFor: "search-doc" });
    const versionLabel = el("label", { htmlFor: "search-version" });
    const form = el("form", { className: "search-form", role: "search" },
      el("div", { className: "search-head" }, input, close),
      el("div", { className: "search-filters" }, docLabel, docSelect, versionLabel, versionSelect));
    form.addEventListener("submit", (e) => e.preventDefault());
    dialog.append(form, status, list, more);
    let timer;
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(update, 120); });
    docSelect.addEventListener("change", () => { fillVersions(); update(); });
    versionSelect.addEventListener("change", update);
    more.addEventListener("click", () => show(shown + 10));
    index(lang).then((ix) => {
      strings = ix.strings;
      input.placeholder = strings["search-placeholder"];
      close.setAttribute("aria-label", strings["search-close"]);
      docLabel.textContent = strings["search-document"];
      versionLabel.textContent = strings["search-version"];
      more.textContent = strings["search-more"];
      docSelect.append(el("option", { value: "", textContent: strings["search-all-documents"] }));
      ix.docs.forEach((d, i) => docSelect.append(el("option", { value: String(i), textContent: d.title })));
      fillVersions();
      if (input.value) update();
    }, () => { status.textContent = box.dataset.failed || "Search index not found."; });
  }

  function fillVersions() {
    const ix = indexes.get(lang);
    versionSelect.replaceChildren(
      el("option", { value: "latest", textContent: strings["search-latest-versions"] }),
      el("option", { value: "all", textContent: strings["search-all-versions"] }));
    ix.then((ix) => {
      const d = ix.docs[+docSelect.value];
      if (docSelect.value === "" || !d) return;
      d.versions.forEach((v, i) => versionSelect.append(el("option", {
        value: String(i), textContent: strings["version-label"].replace("{version}", v) })));
    });
  }

  let generation = 0;
  async function update() {
    const mine = ++generation;
    const query = input.value.trim();
    if (!strings) return;
    if (!query) { list.replaceChildren(); status.textContent = ""; more.hidden = true; return; }
    // A query of one letter has no term: words of one letter are not indexed.
    if (!terms(query).length) {
      list.replaceChildren(); more.hidden = true;
      status.textContent = strings["search-too-short"];
      return;
    }
    status.textContent = strings["search-loading"];
    try {
      const results = await run(query, { doc: docSelect.value, version: versionSelect.value });
      if (mine !== generation) return;
      found = { results, query };
      list.replaceChildren();
      shown = 0;
      const rule = new Intl.PluralRules(lang).select(results.length);
      status.textContent = results.length
        ? strings[rule === "one" ? "search-count-one" : "search-count-other"].replace("{count}", results.length)
        : strings["search-none"];
      await show(10);
    } catch (e) {
      if (mine === generation) status.textContent = strings["search-failed"];
    }
  }

  async function show(upTo) {
    const { results, query } = found;
    const slice = results.slice(shown, upTo);
    shown = Math.min(upTo, results.length);
    more.hidden = shown >= results.length;
    const items = await Promise.all(slice.map((group) =>
      Promise.all(group.slice(0, SECTIONS).map(async (r) => [r, await section(r.ix, r.s)]))));
    const mine = await index(lang);
    for (const sections of items) {
      const [r, first] = sections[0];
      const other = r.ix.lang !== lang;
      // An untranslated page is linked at its address in the reader's language.
      const at = (sec) => {
        let url = sec.url;
        if (r.status === "fallback") url = lang + url.slice(r.ix.lang.length);
        return new URL(url + (sec.id ? "#" + sec.id : ""), root).href;
      };
      const doc = mine.docs[r.doc];
      const where = [doc.title, strings["version-label"].replace("{version}", doc.versions[r.version])];
      // The page's title, when it is not the document's (a chapter of several).
      const head = [];
      if (first.page && first.page !== doc.title) {
        const page = el("a", { href: at({ url: first.url }), className: "search-page-title", textContent: first.page });
        if (other) page.lang = r.ix.lang;
        head.push(page);
      }
      const meta = el("p", { className: "search-where", textContent: where.join(" · ") });
      if (r.status) {
        meta.append(" ", el("span", { className: `badge search-badge-${r.status}`,
          textContent: strings[`search-status-${r.status}`] }));
      }
      const list2 = el("ol", { className: "search-sections" });
      for (const [, sec] of sections) {
        const title = el("a", { href: at(sec), className: "search-hit" });
        if (sec.number) title.append(el("span", { className: "secno", textContent: sec.number }), " ");
        title.append(sec.heading || sec.page);
        const excerpt = el("p", { className: "search-excerpt" });
        excerpt.append(...highlight(sec.body, query));
        if (other) {
          title.lang = r.ix.lang;
          excerpt.lang = r.ix.lang;
        }
        list2.append(el("li", { className: "search-result" }, title, excerpt));
      }
      list.append(el("li", { className: "search-page" }, ...head, meta, list2));
    }
  }

  // A window of `text` around the first place the query's longest term is found, with every
  // query term in it marked (overlapping marks merged: kanji pairs overlap).
  function highlight(text, query) {
    const chars = Array.from(text);
    const map = [];
    let low = "";
    chars.forEach((c, i) => { const f = fold(c); low += f; for (let k = 0; k < f.length; k++) map.push(i); });
    const qterms = [...new Set(terms(query))].sort((a, b) => b.length - a.length);
    let spans = [];
    let first = -1;
    for (const t of qterms) {
      let at = low.indexOf(t);
      if (first < 0 && at >= 0) first = map[at];
      while (at >= 0) {
        spans.push([map[at], map[at + t.length - 1] + 1]);
        at = low.indexOf(t, at + t.length);
      }
    }
    spans.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const sp of spans) {
      const last = merged[merged.length - 1];
      if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
      else merged.push([...sp]);
    }
    const width = /[\u3040-\u9FFF]/.test(text) ? 90 : 180;
    const from = Math.max(0, Math.max(first, 0) - Math.floor(width / 3));
    const to = Math.min(chars.length, from + width);
    const out = [];
    if (from > 0) out.push("… ");
    let at = from;
    for (const [a, b] of merged) {
      if (b <= at || a >= to) continue;
      const start = Math.max(a, at);
      out.push(chars.slice(at, start).join(""), el("mark", { textContent: chars.slice(start, Math.min(b, to)).join("") }));
      at = Math.min(b, to);
    }
    out.push(chars.slice(at, to).join(""));
    if (to < chars.length) out.push(" …");
    return out;
  }

  button.addEventListener("click", open);
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    const typing = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
    if ((e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) ||
        (e.key === "k" && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      open();
    }
  });
  // Exposed for the tests and for other scripts: the terms a text is indexed under.
  window.bcopSearch = { terms, shard, run: (q, f = { doc: "", version: "latest" }) => run(q, f) };
})();
