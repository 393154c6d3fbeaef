// cordon serve: the pages' one script. Its words come from the page
// (the catalogue's "js." messages); it fetches only from the server.
"use strict";

const M = JSON.parse(document.getElementById("messages").textContent || "{}");
const csrf = document.querySelector('meta[name="csrf-token"]').content;

// msg fills a message's %d, %s and %q in order.
function msg(key, ...args) {
  const s = M[key] || key;
  return s.replace(/%[dsq%]/g, (v) => {
    if (v === "%%") return "%";
    const a = args.length ? args.shift() : "";
    return v === "%q" ? JSON.stringify(String(a)) : String(a);
  });
}

// count is the message of key for n things, in its ".one" form for one.
function count(key, n) {
  return n === 1 && M[key + ".one"] ? msg(key + ".one") : msg(key, n);
}

// post sends a JSON body (or a FormData) with the page's CSRF token.
async function post(url, body) {
  const opts = { method: "POST", headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" };
  if (body instanceof FormData) {
    opts.body = body;
  } else {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body || {});
  }
  let res;
  try {
    res = await fetch(url, opts);
  } catch (e) {
    return { status: 0, data: { general: [msg("lost")] } };
  }
  let data = {};
  const text = await res.text();
  try { data = JSON.parse(text); } catch (e) { data = { general: [text] }; }
  return { status: res.status, data: data };
}

// lines writes lines of text into a container, one paragraph each.
function lines(el, ls) {
  if (!el) return;
  el.replaceChildren(...(ls || []).map((l) => { const p = document.createElement("p"); p.textContent = l; return p; }));
}

// started follows a job the server started, or shows why it did not.
function started(res, errorsEl) {
  if (res.status === 202 && res.data.url) {
    window.location.assign(res.data.url);
    return true;
  }
  lines(errorsEl, res.data.general || [msg("failed", res.status)]);
  return false;
}

// Run buttons of the scenarios page.
document.querySelectorAll("button[data-run]").forEach((b) => b.addEventListener("click", async () => {
  b.disabled = true;
  const res = await post("/api/run", { source: b.dataset.run, changes: [] });
  if (!started(res, document.querySelector("#upload [data-errors]"))) b.disabled = false;
}));

// Adding a scenario file.
const upload = document.getElementById("upload");
if (upload) upload.addEventListener("submit", async (e) => {
  e.preventDefault();
  const res = await post("/api/scenarios", new FormData(upload));
  if (res.status === 200) window.location.reload();
  else lines(upload.querySelector("[data-errors]"), res.data.general);
});

// The editor.
function editor() {
  const bar = document.getElementById("toolbar");
  const source = bar.dataset.source;
  const inputs = [...document.querySelectorAll("#tab-form [data-path]")];
  const yaml = document.getElementById("yaml-text");
  const status = document.getElementById("status");
  const general = document.getElementById("general");
  const sets = document.getElementById("sets");
  let yamlEdited = false;
  let timer = null;
  let seq = 0;

  const valueOf = (el) => (el.dataset.text ? JSON.stringify(el.value) : el.value);
  const changes = () => inputs.filter((el) => el.value !== el.dataset.orig).map((el) => ({ path: el.dataset.path, value: valueOf(el) }));
  const request = () => (yamlEdited ? { source: source, yaml: yaml.value } : { source: source, changes: changes() });

  function show(p) {
    document.querySelectorAll(".err").forEach((e) => e.replaceChildren());
    document.querySelectorAll(".field.wrong").forEach((f) => f.classList.remove("wrong"));
    let n = (p.general || []).length;
    lines(general, p.general);
    for (const [path, ls] of Object.entries(p.fields || {})) {
      const box = document.querySelector('.err[data-for="' + CSS.escape(path) + '"]');
      n += ls.length;
      if (!box) { general.append(...ls.map((l) => { const x = document.createElement("p"); x.textContent = l; return x; })); continue; }
      lines(box, ls);
      box.closest(".field").classList.add("wrong");
      box.closest("details").open = true;
    }
    return n;
  }

  function mark() {
    for (const el of inputs) el.closest(".field").classList.toggle("changed", el.value !== el.dataset.orig);
  }

  async function check() {
    const mine = ++seq;
    status.textContent = msg("checking");
    const res = await post("/api/check", request());
    if (mine !== seq) return;
    const a = res.data;
    const n = show(a);
    const c = yamlEdited ? "" : " · " + count("changes", changes().length);
    status.replaceChildren();
    const s = document.createElement("span");
    s.className = a.ok ? "good" : "bad";
    s.textContent = a.ok ? msg("valid") : count("problems", n);
    status.append(s, c);
    if (!yamlEdited && a.yaml) yaml.value = a.yaml;
    if (!yamlEdited) sets.textContent = (a.sets || []).join(" \\\n  ") || sets.dataset.none;
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(check, 350);
  }

  sets.dataset.none = sets.textContent;
  inputs.forEach((el) => el.addEventListener("input", () => { mark(); later(); }));
  inputs.forEach((el) => el.addEventListener("change", () => { mark(); later(); }));
  yaml.addEventListener("input", () => {
    if (!yamlEdited) {
      yamlEdited = true;
      inputs.forEach((el) => { el.disabled = true; });
      lines(general, [msg("edited")]);
    }
    later();
  });
  document.getElementById("yaml-check").addEventListener("click", check);

  document.querySelectorAll(".tabs [data-tab]").forEach((t) => t.addEventListener("click", () => {
    document.querySelectorAll(".tabs [data-tab]").forEach((x) => x.classList.toggle("on", x === t));
    document.getElementById("tab-form").hidden = t.dataset.tab !== "form";
    document.getElementById("tab-yaml").hidden = t.dataset.tab !== "yaml";
  }));

  document.getElementById("run").addEventListener("click", async (e) => {
    e.target.disabled = true;
    status.textContent = msg("starting");
    const res = await post("/api/run", request());
    if (res.status === 202) { window.location.assign(res.data.url); return; }
    e.target.disabled = false;
    status.textContent = "";
    show(res.data);
  });

  async function save(file, replace) {
    const res = await post("/api/save", Object.assign(request(), { file: file, replace: replace }));
    if (res.status === 200) {
      status.textContent = msg("saved", res.data.file);
      window.location.assign("/edit?s=" + encodeURIComponent(res.data.ref) + "#saved");
      return;
    }
    show(res.data);
    if (res.status === 409) {
      const again = document.createElement("button");
      again.type = "button";
      again.textContent = M["replace"] || "Replace";
      again.addEventListener("click", () => save(file, true));
      general.append(again);
    }
  }
  const saveBtn = document.getElementById("save");
  if (saveBtn) saveBtn.addEventListener("click", () => save(bar.dataset.file, true));
  document.getElementById("saveas").addEventListener("click", () => {
    const name = document.getElementById("saveas-name").value.trim();
    if (!/\.ya?ml$/.test(name)) { lines(general, [msg("needname")]); return; }
    save(name, false);
  });

  document.getElementById("compare").addEventListener("click", async (e) => {
    e.target.disabled = true;
    const res = await post("/api/compare", { scenarios: [{ source: source }, request()] });
    if (!started(res, general)) e.target.disabled = false;
  });
  if (window.location.hash === "#saved") status.append(" · " + msg("saved", bar.dataset.file));
}

// The page of a job: live progress from the server's events.
function jobPage() {
  const box = document.getElementById("job");
  const id = box.dataset.job;
  const stateEl = document.getElementById("job-state");
  const bar = document.getElementById("job-progress");
  const count = document.getElementById("job-count");
  const err = document.getElementById("job-error");
  const cancel = document.getElementById("job-cancel");
  const note = document.getElementById("job-note");
  const result = document.getElementById("job-result");
  let over = false;

  function update(st) {
    box.dataset.state = st.state;
    stateEl.textContent = msg("state." + st.state);
    if (st.total > 0) {
      bar.max = st.total;
      bar.value = st.done;
      count.textContent = msg("count", st.done, st.total);
    } else if (st.state === "queued") {
      count.textContent = msg("ahead", st.ahead);
    }
    if (st.error) { err.hidden = false; err.textContent = st.error; }
    const finished = st.state === "done" || st.state === "failed" || st.state === "cancelled";
    cancel.hidden = finished;
    note.hidden = finished;
    if (st.run) {
      box.dataset.run = st.run;
      result.href = "/runs/" + st.run + "/";
      result.hidden = false;
    }
    if (finished) {
      over = true;
      events.close();
      if (st.state === "done" && st.run) window.location.assign(result.href);
    }
  }
  const events = new EventSource("/jobs/" + encodeURIComponent(id) + "/events");
  events.addEventListener("status", (e) => update(JSON.parse(e.data)));
  events.addEventListener("error", () => { if (!over && events.readyState === EventSource.CLOSED) { err.hidden = false; err.textContent = msg("lost"); } });
  cancel.addEventListener("click", async () => {
    cancel.disabled = true;
    await post("/api/jobs/" + encodeURIComponent(id) + "/cancel");
  });
}

// The page of a result.
function runPage() {
  document.querySelectorAll("[data-delete-run]").forEach((b) => b.addEventListener("click", async () => {
    if (!window.confirm(msg("confirmdelete", 1))) return;
    const res = await post("/api/runs/" + encodeURIComponent(b.dataset.deleteRun) + "/delete");
    if (res.status === 200) window.location.assign("/runs");
  }));
  const cmp = document.getElementById("compare-form");
  if (cmp) cmp.addEventListener("submit", async (e) => {
    e.preventDefault();
    const ref = cmp.elements.reference.value;
    const res = await post("/api/compare", { scenarios: [{ source: ref }, { source: cmp.dataset.this }], reps: Number(cmp.dataset.reps) || 0 });
    started(res, cmp.querySelector("[data-errors]"));
  });
  const planned = document.getElementById("save-planned");
  if (planned) planned.addEventListener("submit", async (e) => {
    e.preventDefault();
    const file = planned.elements.file.value.trim();
    const errs = planned.querySelector("[data-errors]");
    if (!/\.ya?ml$/.test(file)) { lines(errs, [msg("needname")]); return; }
    const res = await post("/api/save", { source: planned.dataset.source, changes: [], file: file, replace: false });
    if (res.status === 200) {
      lines(errs, []);
      const a = document.createElement("a");
      a.href = "/edit?s=" + encodeURIComponent(res.data.ref);
      a.textContent = msg("saved", res.data.file);
      planned.querySelector("[data-status]").replaceChildren(a);
    } else lines(errs, res.data.general);
  });
}

// The history.
function runsPage() {
  const form = document.getElementById("runs-form");
  if (!form) return;
  const errs = form.querySelector("[data-errors]");
  const picked = () => [...form.querySelectorAll('input[name="run"]:checked')];
  document.getElementById("runs-compare").addEventListener("click", async () => {
    const runs = picked().filter((c) => c.dataset.ref);
    if (runs.length < 2 || runs.length > 4) { lines(errs, [msg("pick")]); return; }
    const res = await post("/api/compare", { scenarios: runs.map((c) => ({ source: c.dataset.ref })) });
    started(res, errs);
  });
  document.getElementById("runs-delete").addEventListener("click", async () => {
    const runs = picked();
    if (!runs.length || !window.confirm(msg("confirmdelete", runs.length))) return;
    for (const c of runs) await post("/api/runs/" + encodeURIComponent(c.value) + "/delete");
    window.location.reload();
  });
}

// The forms of the compare, plan and replay pages.
function formPages() {
  const cmp = document.getElementById("compare-page");
  if (cmp) cmp.addEventListener("submit", async (e) => {
    e.preventDefault();
    const refs = [...cmp.querySelectorAll('select[name="scenario"]')].map((s) => s.value).filter((v) => v);
    const res = await post("/api/compare", { scenarios: refs.map((r) => ({ source: r })), reps: Number(cmp.elements.reps.value) || 0 });
    started(res, cmp.querySelector("[data-errors]"));
  });
  const plan = document.getElementById("plan-page");
  if (plan) plan.addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = plan.elements;
    const res = await post("/api/plan", {
      source: f.source.value, targets: f.targets.value, only_given: f.only_given.checked, allow_cuts: f.allow_cuts.checked,
      budget: Number(f.budget.value) || 0, reps: Number(f.reps.value) || 0, confirm: Number(f.confirm.value) || 0,
      sensitivity: f.sensitivity.checked,
    });
    started(res, plan.querySelector("[data-errors]"));
  });
  const replay = document.getElementById("replay-page");
  if (replay) replay.addEventListener("submit", async (e) => {
    e.preventDefault();
    const res = await post("/api/replay", new FormData(replay));
    started(res, replay.querySelector("[data-errors]"));
  });
}

switch (document.body.dataset.page) {
  case "edit": if (document.getElementById("toolbar")) editor(); break;
  case "job": jobPage(); break;
  case "run": runPage(); break;
  case "runs": runsPage(); break;
  default: formPages();
}
