// Progressive enhancement for the toolkit's pages: each works without this file.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c); // strings become text nodes: never parsed as HTML
  return e;
}

// The phone layout (app.css): below this width the menu and the filters fold.
const phone = window.matchMedia("(max-width: 40rem)");

// Menu: the button folds the navigation on a phone; Escape closes it back to the button.
function setupMenu(button) {
  const set = (open) => button.setAttribute("aria-expanded", String(open));
  button.hidden = false;
  button.addEventListener("click", () => set(button.getAttribute("aria-expanded") !== "true"));
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") return;
    set(false);
    button.focus();
  });
}

// Filters: open at the desk, folded on a phone until asked for.
function setupFold(details) {
  const fit = () => { details.open = !phone.matches; };
  fit();
  phone.addEventListener("change", fit);
}

// Tables: on a phone each row is a card, so each cell carries its column's name
// (data-label, shown by app.css) and the roles a table has, which display: block drops
// for some screen readers. Rows added later (the sources' refresh) are labelled too.
function labelTable(table) {
  const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
  const label = () => {
    for (const tr of table.querySelectorAll("tr")) {
      tr.setAttribute("role", "row");
      [...tr.cells].forEach((cell, i) => {
        cell.setAttribute("role", cell.tagName === "TH" ? "columnheader" : "cell");
        if (cell.tagName === "TD" && heads[i] && !cell.hasAttribute("data-label")) cell.dataset.label = heads[i];
      });
    }
  };
  table.setAttribute("role", "table");
  for (const g of table.querySelectorAll("thead, tbody")) g.setAttribute("role", "rowgroup");
  label();
  for (const body of table.tBodies) new MutationObserver(label).observe(body, { childList: true });
}

// Sources: refresh the table every 5 s so marketing sees queued -> ready live.
function sourceRow(s) {
  const name = el("td", {}, el("a", { href: "/ui/sources/" + encodeURIComponent(s.id) }, s.title || s.key),
    el("br"), el("span", { class: "hint" }, s.key));
  const status = el("td", {}, el("span", { class: "badge " + s.status }, s.status));
  if (s.error) status.append(el("br"), el("span", { class: "reason" }, s.error));
  const review = el("td");
  if (s.drafts > 0 && s.status !== "withdrawn") {
    review.append(el("a", { class: "to-review", href: "/ui/sources/" + encodeURIComponent(s.id) + "?status=draft" }, s.drafts + " to review"));
  } else review.append("—");
  const counts = el("td");
  const kinds = Object.keys(s.counts || {}).sort();
  if (kinds.length === 0) counts.append("—");
  for (const k of kinds) counts.append(el("span", { class: "count" }, k + " " + s.counts[k]), " ");
  return el("tr", { "data-id": s.id }, name, status, review, counts);
}

async function refreshSources(table) {
  try {
    const res = await fetch(table.dataset.refresh, { headers: { Accept: "application/json" } });
    if (!res.ok) return;
    const { sources } = await res.json();
    if (sources.length > 0) table.tBodies[0].replaceChildren(...sources.map(sourceRow));
  } catch (_) { /* offline for a moment: the next tick tries again */ }
}

// Upload: one request per file, each with its own progress bar.
function uploadFile(file, list, done) {
  const bar = el("progress", { max: "100", value: "0", "aria-label": "Uploading " + file.name });
  const note = el("span", {}, " uploading…");
  const item = el("li", {}, file.name + " ", bar, note);
  list.append(item);
  const xhr = new XMLHttpRequest();
  xhr.open("POST", "/ui/upload");
  xhr.setRequestHeader("Accept", "application/json");
  xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
  xhr.onload = () => {
    let r = null;
    try { r = JSON.parse(xhr.responseText).files[0]; } catch (_) { /* not JSON: say what status came back */ }
    const ok = xhr.status === 200 && r && r.ok;
    bar.value = ok ? 100 : bar.value;
    item.className = ok ? "ok" : "failed";
    note.textContent = ok ? " uploaded, queued" : " " + ((r && r.error) || "upload failed (HTTP " + xhr.status + ")");
    done();
  };
  xhr.onerror = () => { item.className = "failed"; note.textContent = " the connection failed; try again"; done(); };
  const form = new FormData();
  form.append("files", file);
  xhr.send(form);
}

function setupUpload(form) {
  const input = $("#files", form), list = $("#upload-progress", form), zone = $("#dropzone", form);
  const table = $("#sources");
  const send = (files) => {
    for (const f of files) uploadFile(f, list, () => table && refreshSources(table));
    input.value = "";
  };
  form.addEventListener("submit", (e) => { e.preventDefault(); send(input.files); });
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => { e.preventDefault(); zone.classList.remove("over"); send(e.dataTransfer.files); });
}

// Editor: a live count of the user's version exactly as it goes out — their own link and
// the disclosure in it, counted by the server (the share preview) — copy, and share links
// that carry the edited text, each shown only while its channel takes it.
const shareNotes = {
  fits: (s) => s.channel === "linkedin"
    ? "LinkedIn's share dialog takes only the link: Share on LinkedIn copies your post, then opens the composer; paste it there."
    : "Fits " + s.channel + " with your link: " + s.count + " of " + s.limit + ".",
  long: (s) => "Too long for " + s.channel + " with your link: " + s.count + " of " + s.limit + "; shorten it to share it there.",
};

async function postJSON(path, body) {
  const res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const out = await res.json();
  return res.ok ? { ok: out } : { refused: (out.error && out.error.message) || "HTTP " + res.status };
}

// showCount writes a count into its counter: an empty text is not over the limit.
function showCount(counter, c) {
  const over = c.weighted_length > c.limit;
  counter.textContent = c.weighted_length + " of " + c.limit + (over ? " — over the limit, shorten it" : "");
  counter.classList.toggle("over", over);
}

function setupEditor(editor) {
  const counter = $("#counter"), topic = editor.dataset.topic, status = $("#share-status");
  const offers = [...document.querySelectorAll("a[data-share]")];
  const preview = (channel) => postJSON("/api/v1/topics/" + encodeURIComponent(topic) + "/share/preview", { channel, text: editor.value });
  let timer = 0, seq = 0;
  const update = async () => {
    const mine = ++seq;
    try {
      // The translation editor has no topic: it counts the text as typed.
      const [own, ...shares] = await Promise.all([topic ? preview("") : {}, ...offers.map((a) => preview(a.dataset.share))]);
      if (mine !== seq) return;
      offers.forEach((a, i) => {
        const r = shares[i], s = r.ok, note = $('[data-share-note="' + a.dataset.share + '"]');
        a.hidden = !(s && s.fits);
        if (s) {
          const u = new URL(a.href);
          u.searchParams.set("text", editor.value);
          a.href = u.toString();
          a.dataset.text = s.text;
        }
        if (note) note.textContent = s ? (s.fits ? shareNotes.fits(s) : shareNotes.long(s)) : "Not shareable: " + r.refused;
      });
      if (!counter) return;
      if (own.ok) {
        showCount(counter, { weighted_length: own.ok.count, limit: own.ok.limit, valid: own.ok.fits });
        return;
      }
      // Not a channel people share on, or a version the brand rules refuse: count it as typed.
      const c = await postJSON("/api/v1/count", { channel: editor.dataset.channel, text: editor.value });
      if (mine === seq && c.ok) showCount(counter, c.ok);
    } catch (_) { /* keep the last count */ }
  };
  editor.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(update, 250); });

  // LinkedIn's dialog takes only the link: copy the post first, then open it.
  for (const a of offers.filter((a) => a.dataset.share === "linkedin")) {
    a.addEventListener("click", async (e) => {
      if (!navigator.clipboard) return; // the link opens the dialog; the note says to copy by hand
      e.preventDefault();
      try {
        await navigator.clipboard.writeText(a.dataset.text);
        status.textContent = "Your post is copied. Paste it into LinkedIn's composer, which opens in a new tab.";
      } catch (_) {
        status.textContent = "Copying was blocked: copy your post from the box above, then paste it into LinkedIn's composer.";
      }
      window.open(a.href, "_blank", "noopener");
    });
  }

  const copy = $("#copy"), copied = $("#copy-status");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", async () => {
      try { await navigator.clipboard.writeText(editor.value); copied.textContent = "Copied."; }
      catch (_) { copied.textContent = "Copying was blocked; select the text and copy it."; }
    });
  }
}

// Review: each edit form's textarea counts live, as a save will count it, into the
// element its data-counter names.
function setupCounter(editor) {
  const counter = document.getElementById(editor.dataset.counter);
  let timer = 0, seq = 0;
  editor.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        // The editor's own count URL counts as the save will (link and disclosure); the
        // generic counter counts the text alone.
        const c = editor.dataset.countUrl
          ? await postJSON(editor.dataset.countUrl, { text: editor.value })
          : await postJSON("/api/v1/count", { channel: editor.dataset.channel, text: editor.value });
        if (mine === seq && c.ok && counter) showCount(counter, c.ok);
      } catch (_) { /* keep the last count */ }
    }, 250);
  });
}

// Review keys (listed on the page): j/k move between posts, a approves, r rejects, e edits
// the post in focus, Esc leaves its editor. Typing in a field is never taken for a key.
function setupReviewKeys(root) {
  const cards = () => [...root.querySelectorAll("article.review-card")];
  const current = () => document.activeElement && document.activeElement.closest("article.review-card");
  const move = (step) => {
    const all = cards(), at = all.indexOf(current());
    const next = all[at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step))];
    if (next) { next.focus(); next.scrollIntoView({ block: "nearest" }); }
  };
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t.closest && t.closest("input, textarea, select, [contenteditable]")) {
      if (e.key === "Escape" && t.closest("details.review-edit")) {
        t.closest("details.review-edit").open = false;
        t.closest("article.review-card").focus();
      }
      return;
    }
    const card = current();
    switch (e.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": case "r": {
        const b = card && card.querySelector(`button[data-key=${e.key === "a" ? "approve" : "reject"}]`);
        if (!b) return;
        b.click();
        break;
      }
      case "e": {
        const d = card && card.querySelector("details.review-edit");
        if (!d) return;
        d.open = true;
        $("textarea", d).focus();
        break;
      }
      default: return;
    }
    e.preventDefault();
  });
  // Back from a decision at #d-…: that post has the focus, so the keys go on from there.
  const target = location.hash.startsWith("#d-") && document.getElementById(location.hash.slice(1));
  if (target && !document.querySelector("[autofocus]")) target.focus();
}

// Translations: a whole source is machine-translated in small batches, so the page shows
// how far it got and each text that failed; then the queue is shown again with the outcome.
function setupBatch(form) {
  const bar = $(".tr-batch-progress", form), status = $(".tr-batch-status", form), errors = $(".tr-batch-errors", form);
  const button = $("button", form), step = form.dataset.step || "5";
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    button.disabled = true;
    bar.hidden = false;
    let done = 0, failed = 0, retry = "1", remaining = 0;
    try {
      for (;;) {
        const res = await fetch(form.action, { method: "POST", headers: { "Accept": "application/json" },
          body: new URLSearchParams({ batch: step, retry }) });
        const r = await res.json();
        if (!res.ok) throw new Error((r.error && r.error.message) || res.statusText);
        retry = "";
        done += r.translated;
        for (const f of r.failed) {
          failed++;
          errors.append(el("li", {}, f.label + ": " + f.error));
        }
        remaining = r.remaining;
        bar.max = done + failed + remaining;
        bar.value = done + failed;
        status.textContent = done + " of " + bar.max + " translated" + (failed ? ", " + failed + " failed" : "") + "…";
        if (remaining === 0 || r.translated + r.failed.length === 0) break;
      }
    } catch (err) {
      status.textContent = "Stopped: " + err.message;
      button.disabled = false;
      return;
    }
    const q = new URLSearchParams(location.search);
    const src = form.action.split("/sources/")[1].split("/")[0];
    const loc = decodeURIComponent(form.action.split("/sources/")[1].split("/")[1]);
    q.set("locale", loc);
    for (const [k, v] of Object.entries({ batch: src, translated: done, failed, remaining })) q.set(k, v);
    location.assign("/ui/translations?" + q.toString() + "#src-" + src);
  });
}

// Reminder: default to the browser's time zone and the next full hour.
function setupReminder() {
  const tz = $("#tz"), at = $("#at");
  if (!tz || !at) return;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) {
    if (![...tz.options].some((o) => o.value === zone)) tz.append(el("option", {}, zone));
    tz.value = zone;
  }
  if (!at.value) {
    const d = new Date(Date.now() + 3600e3);
    const p = (n) => String(n).padStart(2, "0");
    at.value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:00`;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const menu = $("header .menu[aria-controls]");
  if (menu) setupMenu(menu);
  for (const d of document.querySelectorAll("details.fold")) setupFold(d);
  for (const t of document.querySelectorAll("main table")) labelTable(t);
  const table = $("#sources[data-refresh]");
  if (table) setInterval(() => { if (!document.hidden) refreshSources(table); }, 5000);
  const upload = $("#upload");
  if (upload) setupUpload(upload);
  const editor = $("#editor");
  if (editor) setupEditor(editor);
  for (const e of document.querySelectorAll("textarea[data-counter]")) setupCounter(e);
  const review = $("[data-review]");
  if (review) setupReviewKeys(review);
  for (const f of document.querySelectorAll("form.tr-batch")) setupBatch(f);
  setupReminder();
});
