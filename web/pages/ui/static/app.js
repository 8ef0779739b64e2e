// Progressive enhancement for the toolkit's pages: each works without this file.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c); // strings become text nodes: never parsed as HTML
  return e;
}

// Sources: refresh the table every 5 s so marketing sees queued -> ready live.
function sourceRow(s) {
  const name = el("td", {}, el("a", { href: "/ui/sources/" + encodeURIComponent(s.id) }, s.title || s.key),
    el("br"), el("span", { class: "hint" }, s.key));
  const status = el("td", {}, el("span", { class: "badge " + s.status }, s.status));
  if (s.error) status.append(el("br"), el("span", { class: "reason" }, s.error));
  const counts = el("td");
  const kinds = Object.keys(s.counts || {}).sort();
  if (kinds.length === 0) counts.append("—");
  for (const k of kinds) counts.append(el("span", { class: "count" }, k + " " + s.counts[k]), " ");
  return el("tr", { "data-id": s.id }, name, status, counts);
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

function showCount(counter, c) {
  counter.textContent = c.weighted_length + " of " + c.limit + (c.valid ? "" : " — over the limit, shorten it");
  counter.classList.toggle("over", !c.valid);
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

// Review: each edit form's textarea counts live into the element its data-counter names.
function setupCounter(editor) {
  const counter = document.getElementById(editor.dataset.counter);
  let timer = 0, seq = 0;
  editor.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const c = await postJSON("/api/v1/count", { channel: editor.dataset.channel, text: editor.value });
        if (mine === seq && c.ok && counter) showCount(counter, c.ok);
      } catch (_) { /* keep the last count */ }
    }, 250);
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
  const table = $("#sources[data-refresh]");
  if (table) setInterval(() => { if (!document.hidden) refreshSources(table); }, 5000);
  const upload = $("#upload");
  if (upload) setupUpload(upload);
  const editor = $("#editor");
  if (editor) setupEditor(editor);
  for (const e of document.querySelectorAll("textarea[data-counter]")) setupCounter(e);
  setupReminder();
});
