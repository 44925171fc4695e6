// Runnable lesson code: a Run button under every Python block of a lesson (see
// lessons/codeblocks.py), an in-place editor (CodeMirror when the bundle is there, else a
// textarea), Reset, and the output and figures shown under the block without a reload.
// Server data is inserted with textContent only: output can contain anything.
(function () {
  "use strict";

  // Most runs finish within a second: poll often at first (a status read is one indexed
  // query), then back off for the slow ones.
  var POLL_FAST_MS = 30;
  var POLL_FAST_FOR_MS = 1500;
  var POLL_GROWTH = 1.4;
  var POLL_MAX_MS = 1000;
  var POLL_GIVE_UP_MS = 90 * 1000;

  function h(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "text") node.textContent = props[key];
      else if (key === "className") node.className = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function sleep(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (field) return field.value;
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  async function poll(url, onUpdate) {
    var delay = POLL_FAST_MS;
    var started = Date.now();
    while (Date.now() - started < POLL_GIVE_UP_MS) {
      await sleep(delay);
      if (Date.now() - started > POLL_FAST_FOR_MS) delay = Math.min(Math.round(delay * POLL_GROWTH), POLL_MAX_MS);
      var response;
      try {
        response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store", credentials: "same-origin" });
      } catch (networkError) {
        continue;
      }
      if (response.status === 401 || response.status === 404) return { lost: response.status };
      if (!response.ok) continue;
      var data = await response.json();
      onUpdate(data);
      if (data.done) return data;
    }
    return { lost: "timeout" };
  }

  function seconds(ms) {
    return ms < 1000 ? Math.round(ms) + " ms" : (ms / 1000).toFixed(2) + " s";
  }

  function renderResult(panel, data) {
    var parts = [];
    var headline;
    if (data.outcome === "ok") headline = "Ran block " + data.block + (data.wall_ms !== null ? " in " + seconds(data.wall_ms) : "");
    else if (data.outcome === "error") headline = "Block " + data.block + " raised an exception";
    else headline = data.outcome_label || "Could not run";
    parts.push(h("p", { className: "code-run__headline code-run__headline--" + (data.outcome || "pending"), text: headline }));
    if (data.output) parts.push(h("pre", { className: "output code-run__output", text: data.output }));
    if (data.error) parts.push(h("pre", { className: "output code-run__error", text: data.error }));
    if (data.message) parts.push(h("p", { className: "code-run__message", text: data.message }));
    (data.figures || []).forEach(function (figure, index) {
      parts.push(h("img", {
        className: "code-run__figure", src: figure.url, width: String(figure.width), height: String(figure.height),
        alt: "Figure " + (index + 1) + " drawn by block " + data.block,
      }));
    });
    if (data.outcome === "ok" && !data.output && !(data.figures || []).length) {
      parts.push(h("p", { className: "muted code-run__empty", text: "It printed nothing." }));
    }
    panel.replaceChildren.apply(panel, parts);
  }

  function setup(pre, options) {
    var number = pre.dataset.block;
    var original = pre.textContent.replace(/\n$/, "");
    var wrap = h("div", { className: "code-run", "data-run-block": number });
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    var bar = h("div", { className: "code-run__bar" });
    wrap.appendChild(bar);
    if (!options.canRun) {
      bar.appendChild(h("a", { href: options.loginUrl, className: "code-run__login", text: "Log in to run this code" }));
      return;
    }
    var run = h("button", { type: "button", className: "button button--small", "aria-label": "Run block " + number, text: "Run" });
    var edit = h("button", { type: "button", className: "button button--small button--ghost", "aria-label": "Edit block " + number, text: "Edit" });
    var reset = h("button", { type: "button", className: "button button--small button--ghost", "aria-label": "Reset block " + number + " to the lesson's code", text: "Reset" });
    reset.hidden = true;
    var note = h("span", { className: "code-run__note muted", text: "" });
    bar.append(run, edit, reset, note);
    var panel = h("div", { className: "code-run__result", "aria-live": "polite" });
    wrap.appendChild(panel);
    var editor = null;  // {textarea, frame} while editing
    var busy = false;

    function source() {
      if (!editor) return original;
      var area = editor.textarea;
      return area.codeEditor ? area.codeEditor.getValue() : area.value;
    }

    function startEditing() {
      if (editor) return;
      var id = "code-run-source-" + number;
      var label = h("label", { for: id, className: "visually-hidden", text: "Code of block " + number });
      var area = h("textarea", { id: id, className: "code-run__textarea", spellcheck: "false", rows: String(Math.min(30, original.split("\n").length + 1)) });
      area.value = original;
      var frame = h("div", { className: "code-run__editor" }, [label, area]);
      wrap.insertBefore(frame, pre);
      pre.hidden = true;
      if (window.CoursePlatformEditor) window.CoursePlatformEditor.enhance(area);
      area.addEventListener("editor-run", function () { go(); });
      area.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); go(); }
      });
      editor = { textarea: area, frame: frame };
      edit.hidden = true;
      reset.hidden = false;
      note.textContent = "Blocks after this one still build on the lesson's own code.";
      if (area.codeEditor) area.codeEditor.focus(); else area.focus();
    }

    function stopEditing() {
      if (!editor) return;
      editor.frame.remove();
      editor = null;
      pre.hidden = false;
      edit.hidden = false;
      reset.hidden = true;
      note.textContent = "";
      edit.focus();
    }

    function fail(text, kind) {
      panel.replaceChildren(h("p", { className: "alert alert--" + (kind || "error"), role: "alert", text: text }));
    }

    async function go() {
      if (busy) return;
      var code = source();
      var size = new TextEncoder().encode(code).length;
      if (options.maxBytes && size > options.maxBytes) {
        fail("This code is " + size.toLocaleString() + " bytes; a block may be at most " + options.maxBytes.toLocaleString() + " bytes.");
        return;
      }
      busy = true;
      run.disabled = true;
      run.classList.add("is-busy");
      wrap.setAttribute("aria-busy", "true");
      panel.replaceChildren(h("p", { className: "code-run__headline code-run__headline--pending", text: "Running block " + number + "…" }));
      try {
        await runOnce(code);
      } finally {
        busy = false;
        run.disabled = false;
        run.classList.remove("is-busy");
        wrap.setAttribute("aria-busy", "false");
      }
    }

    async function runOnce(code) {
      var body = new FormData();
      body.set("block", number);
      body.set("source", code);
      var response, data = null;
      try {
        response = await fetch(options.runUrl, {
          method: "POST", body: body, credentials: "same-origin",
          headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
        });
        data = await response.json().catch(function () { return null; });
      } catch (networkError) {
        fail("Could not reach the server. Check your connection and try again.");
        return;
      }
      if (response.status !== 202 || !data) {
        if (response.status === 429) fail((data && data.error) || "Too many runs: wait a little.", "warning");
        else if (response.status === 401) fail("You are logged out: log in again to run code.");
        else if (response.status === 403) fail("This page is out of date (the security token expired): reload it.");
        else fail((data && data.error) || "Something went wrong (HTTP " + response.status + "). Please try again.");
        return;
      }
      var result = await poll(data.status_url, function (update) { if (update.done) renderResult(panel, update); });
      if (result.lost === "timeout") fail("The code runner is taking longer than usual. Try again in a minute.", "warning");
      else if (result.lost) fail("This run can no longer be followed: you may have been logged out.");
    }

    run.addEventListener("click", go);
    edit.addEventListener("click", startEditing);
    reset.addEventListener("click", stopEditing);
  }

  function start() {
    var body = document.getElementById("lesson-body");
    if (!body || !body.dataset.runUrl) return;
    var options = {
      runUrl: body.dataset.runUrl,
      loginUrl: body.dataset.loginUrl,
      canRun: body.dataset.canRun === "true",
      maxBytes: parseInt(body.dataset.maxBytes || "0", 10),
    };
    body.querySelectorAll('pre.highlight[data-lang="python"][data-block]').forEach(function (pre) {
      if (pre.dataset.norun !== "true") setup(pre, options);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
