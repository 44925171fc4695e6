// The exercise page without reloads: run/submit through fetch, poll the submission's
// status until the verdict is in, autosave drafts, reveal hints one at a time.
// Every piece of server data is inserted with textContent: learner code, output and
// messages can contain anything, including markup.
(function () {
  "use strict";

  var LONG_POLL_S = 25;
  var POLL_FIRST_MS = 200;
  var POLL_MAX_MS = 2000;
  var POLL_GIVE_UP_MS = 3 * 60 * 1000;
  // Training runs (exercises on the grading-long queue) take minutes, not milliseconds.
  var LONG_POLL_GIVE_UP_MS = 20 * 60 * 1000;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var UNLOCK_AFTER_MS = 15 * 1000;
  var AUTOSAVE_MS = 1200;

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

  function csrfToken(form) {
    var field = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    if (field) return field.value;
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function verdictClass(data) {
    if (!data.done) return "pending";
    return data.verdict === "passed" ? "passed" : "failed";
  }

  // ---- elapsed time while a verdict is pending -------------------------------------
  // The server says how long the submission has been waiting (no clock skew); one timer
  // counts on from there in every [data-elapsed-base] element.
  function elapsedText(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    return s < 60 ? s + " s" : Math.floor(s / 60) + " min " + (s % 60) + " s";
  }
  function tickElapsed() {
    document.querySelectorAll("[data-elapsed-base]").forEach(function (node) {
      var base = parseFloat(node.dataset.elapsedBase);
      var since = parseFloat(node.dataset.elapsedAt);
      node.textContent = "running for " + elapsedText(base + (Date.now() - since) / 1000);
    });
  }
  setInterval(tickElapsed, 1000);

  // The training-loss curve of a trained-model case, drawn from its numbers (as the
  // loss_curve template tag does on the server).
  function lossCurve(model) {
    var points = model.curve || [];
    if (points.length < 2) return null;
    var W = 320, H = 140, P = 28;
    var losses = points.map(function (p) { return p[1]; }).concat([model.threshold]);
    var low = Math.min.apply(null, losses), high = Math.max.apply(null, losses);
    var span = (high - low) || 1, first = points[0][0], last = points[points.length - 1][0];
    function x(step) { return (P + (step - first) / ((last - first) || 1) * (W - 2 * P)).toFixed(1); }
    function y(loss) { return (H - P - (loss - low) / span * (H - 2 * P)).toFixed(1); }
    function el(tag, attrs, text) {
      var node = document.createElementNS(SVG_NS, tag);
      Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
      if (text) node.textContent = text;
      return node;
    }
    var svg = el("svg", { "class": "loss-curve", viewBox: "0 0 " + W + " " + H, width: W, height: H, role: "img",
      "aria-label": "Training loss from " + points[0][1].toFixed(2) + " to " + points[points.length - 1][1].toFixed(2) + " over " + last + " steps; threshold " + model.threshold.toFixed(2) });
    svg.appendChild(el("line", { "class": "loss-curve__threshold", x1: P, x2: W - P, y1: y(model.threshold), y2: y(model.threshold) }));
    svg.appendChild(el("polyline", { "class": "loss-curve__line", fill: "none", points: points.map(function (p) { return x(p[0]) + "," + y(p[1]); }).join(" ") }));
    [[2, +y(high) + 4, high.toFixed(2)], [2, +y(low) + 4, low.toFixed(2)], [P, H - 6, "step " + first], [W - P - 60, H - 6, "step " + last]].forEach(function (label) {
      svg.appendChild(el("text", { "class": "loss-curve__label", x: label[0], y: label[1] }, label[2]));
    });
    return h("figure", { className: "loss-curve-figure" }, [svg, h("figcaption", { text: "Your training loss (" + (model.unit || "") + "); dashed: the threshold" })]);
  }

  // The same structure as exercises/includes/verdict.html.
  function buildVerdict(data) {
    var cases = data.cases || [];
    var passed = cases.filter(function (c) { return c.passed; }).length;
    var headline = h("p", { className: "verdict__headline" }, [
      h("span", { className: "verdict__icon", "aria-hidden": "true" }),
      h("strong", { text: data.headline || "" }),
      cases.length ? h("span", { className: "verdict__score", text: passed + " of " + cases.length + " tests passed" }) : null,
      h("span", { className: "tag", text: data.mode_label || "" }),
      !data.done && typeof data.elapsed_seconds === "number"
        ? h("span", { className: "verdict__elapsed", "data-elapsed-base": String(data.elapsed_seconds), "data-elapsed-at": String(Date.now()), text: "running for " + elapsedText(data.elapsed_seconds) })
        : null,
    ]);
    var parts = [headline];
    if (data.notice) parts.push(h("p", { className: "verdict__notice", role: "status", text: "Your code is saved and " + data.notice + "." }));
    if (data.warning) parts.push(h("p", { className: "verdict__warning", text: data.warning }));
    if (cases.length) {
      parts.push(h("ul", { className: "cases", role: "list" }, cases.map(function (c) {
        return h("li", { className: "case case--" + (c.passed ? "passed" : "failed") }, [
          h("span", { className: "case__status" }, [
            h("span", { "aria-hidden": "true", text: c.passed ? "✓" : "✗" }),
            document.createTextNode(c.passed ? " Passed" : " Failed"),
          ]),
          document.createTextNode(" "),
          h("span", { className: "case__name", text: c.name }),
          c.visible ? null : h("span", { className: "tag tag--hidden", text: "hidden" }),
          c.visible && c.message ? h("pre", { className: "case__message", text: c.message }) : null,
          // Drawn by the server's template (exercises/includes/case_diff.html), escaped there.
          c.visible && c.diff_html ? document.createRange().createContextualFragment(c.diff_html) : null,
          c.visible && c.model ? lossCurve(c.model) : null,
        ]);
      })));
    }
    if (data.message) {
      parts.push(h("div", { className: "verdict__block" }, [
        h("h4", { text: "Feedback" }), h("pre", { className: "output", text: data.message }),
      ]));
    }
    if (data.stdout) {
      parts.push(h("details", { className: "verdict__block" }, [
        h("summary", { text: "Printed output (visible tests)" }), h("pre", { className: "output", text: data.stdout }),
      ]));
    }
    if (data.detail_url && !document.querySelector("[data-poll-url]")) {
      parts.push(h("p", { className: "verdict__link" }, [h("a", { href: data.detail_url, text: "Open this submission" })]));
    }
    return h("div", { className: "verdict verdict--" + verdictClass(data), "data-verdict": data.verdict || "" }, parts);
  }

  function showMessage(container, text, kind, link) {
    var children = [document.createTextNode(text)];
    if (link) children.push(document.createTextNode(" "), h("a", { href: link.href, text: link.text }));
    container.replaceChildren(h("p", { className: "alert alert--" + (kind || "error"), role: "alert" }, children));
  }

  // Long poll: the server answers the moment the verdict is recorded (or after `wait`
  // seconds), so a verdict shows as soon as it exists without asking again and again.
  function withWait(url) {
    return url + (url.indexOf("?") < 0 ? "?" : "&") + "wait=" + LONG_POLL_S;
  }

  async function poll(url, onUpdate, giveUpMs) {
    var delay = POLL_FIRST_MS;
    var started = Date.now();
    async function backOff() {
      await sleep(delay);
      delay = Math.min(Math.round(delay * 1.5), POLL_MAX_MS);
    }
    while (Date.now() - started < (giveUpMs || POLL_GIVE_UP_MS)) {
      var asked = Date.now();
      var response;
      try {
        response = await fetch(withWait(url), { headers: { Accept: "application/json" }, cache: "no-store", credentials: "same-origin" });
      } catch (networkError) {
        await backOff();  // offline for a moment: keep trying until the deadline
        continue;
      }
      if (response.status === 401 || response.status === 404) return { error: response.status };
      if (!response.ok) { await backOff(); continue; }
      var data = await response.json();
      onUpdate(data);
      if (data.done) return data;
      // No verdict and an early answer (a server that did not wait): do not spin.
      if (Date.now() - asked < POLL_MAX_MS) await backOff();
    }
    return { error: "timeout" };
  }

  // ---- history table -------------------------------------------------------------
  function historyRow(data) {
    var when = new Date(data.created_at || Date.now());
    var label = when.toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    return h("tr", { "data-submission": String(data.id) }, [
      h("td", {}, [h("a", { href: data.detail_url }, [h("time", { datetime: when.toISOString(), text: label })])]),
      h("td", { text: data.mode_label || data.mode }),
      h("td", {}, [h("span", { className: "pill pill--pending", text: data.status_label || data.status })]),
      h("td", { text: "–" }),
    ]);
  }

  function updateHistoryRow(data) {
    var row = document.querySelector('tr[data-submission="' + data.id + '"]');
    if (!row) return;
    var pill = row.children[2].firstChild;
    pill.className = "pill pill--" + verdictClass(data);
    pill.textContent = data.done ? data.verdict_label : data.status_label;
    if (data.done && data.score !== null && data.score !== undefined) {
      row.children[3].textContent = Math.round(data.score * 100) + "%";
    }
  }

  function addHistoryRow(data) {
    var table = document.querySelector("table[data-history]");
    if (!table) return;
    table.hidden = false;
    var empty = document.querySelector("[data-history-empty]");
    if (empty) empty.remove();
    table.tBodies[0].prepend(historyRow(data));
  }

  function markSolved() {
    var status = document.querySelector("[data-progress-status]");
    if (!status) return;
    status.replaceChildren(h("p", { className: "badge badge--success" }, [
      h("span", { "aria-hidden": "true", text: "✓" }), document.createTextNode(" Solved just now"),
    ]));
  }

  // ---- the solution form ---------------------------------------------------------
  function setupSolutionForm(form) {
    var textarea = form.querySelector("textarea[name=source_code]");
    var verdict = document.getElementById("verdict");
    var buttons = Array.prototype.slice.call(form.querySelectorAll("button[data-mode]"));
    var saveStatus = form.querySelector("[data-save-status]");
    var maxBytes = parseInt(textarea.dataset.maxBytes || "0", 10);
    var busy = false;

    function setBusy(value, mode) {
      busy = value;
      buttons.forEach(function (button) {
        button.disabled = value;
        if (value && button.dataset.mode === mode) button.classList.add("is-busy");
        if (!value) button.classList.remove("is-busy");
      });
      form.setAttribute("aria-busy", value ? "true" : "false");
    }

    // Autosave: after a pause in typing, and when the tab is hidden (sendBeacon).
    var lastSaved = textarea.value;
    var timer = null;
    function setSaveStatus(text) { if (saveStatus) saveStatus.textContent = text; }
    function draftBody() {
      var body = new FormData();
      body.set("source_code", textarea.value);
      body.set("csrfmiddlewaretoken", csrfToken(form));
      return body;
    }
    async function saveDraft() {
      var value = textarea.value;
      if (value === lastSaved) { setSaveStatus("Saved"); return; }
      setSaveStatus("Saving…");
      try {
        var response = await fetch(form.dataset.draftUrl, {
          method: "POST", body: draftBody(), credentials: "same-origin",
          headers: { Accept: "application/json", "X-CSRFToken": csrfToken(form) },
        });
        if (response.ok) {
          lastSaved = value;
          setSaveStatus(textarea.value === value ? "Saved" : "Unsaved changes");
        } else {
          var data = await response.json().catch(function () { return {}; });
          setSaveStatus(data.error ? "Not saved: " + data.error : "Not saved (HTTP " + response.status + ")");
          if (response.status === 429) {
            // Saving too often: try again once the server's Retry-After has passed.
            var seconds = parseInt(response.headers.get("Retry-After"), 10) || 10;
            clearTimeout(timer);
            timer = setTimeout(saveDraft, seconds * 1000);
          }
        }
      } catch (networkError) {
        setSaveStatus("Not saved: offline?");
      }
    }
    function changed() {
      setSaveStatus("Unsaved changes");
      clearTimeout(timer);
      timer = setTimeout(saveDraft, AUTOSAVE_MS);
    }
    textarea.addEventListener("editor-change", changed);
    textarea.addEventListener("input", changed);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden" && textarea.value !== lastSaved && navigator.sendBeacon) {
        if (navigator.sendBeacon(form.dataset.draftUrl, draftBody())) lastSaved = textarea.value;
      }
    });

    // Ctrl/Cmd+Enter runs the visible tests (the editor sends "editor-run").
    function runShortcut() {
      var run = buttons.filter(function (b) { return b.dataset.mode === "run"; })[0];
      if (run && !busy) form.requestSubmit(run);
    }
    textarea.addEventListener("editor-run", runShortcut);
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); runShortcut(); }
    });

    async function follow(data) {
      var unlock = setTimeout(function () { setBusy(false); }, UNLOCK_AFTER_MS);
      var result = await poll(data.status_url, function (update) {
        verdict.replaceChildren(buildVerdict(update));
        updateHistoryRow(update);
      }, form.hasAttribute("data-long-running") ? LONG_POLL_GIVE_UP_MS : POLL_GIVE_UP_MS);
      clearTimeout(unlock);
      setBusy(false);
      if (result.error === "timeout") {
        showMessage(verdict, "The grader is taking longer than usual. The verdict will appear in your submission history.", "warning", { href: data.detail_url, text: "Open the submission" });
      } else if (result.error) {
        showMessage(verdict, "This submission can no longer be followed: you may have been logged out.", "error", { href: window.location.pathname, text: "Reload the page" });
      } else if (result.mode === "submit" && result.verdict === "passed") {
        markSolved();
      }
    }

    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      if (busy) return;
      var mode = (event.submitter && event.submitter.value) || "submit";
      var source = textarea.value;
      var size = new TextEncoder().encode(source).length;
      if (maxBytes && size > maxBytes) {
        showMessage(verdict, "Your code is " + size.toLocaleString() + " bytes; the limit is " + maxBytes.toLocaleString() + " bytes. Make it shorter and try again.");
        return;
      }
      if (!source.trim()) {
        showMessage(verdict, "The editor is empty: write your solution first.");
        return;
      }
      setBusy(true, mode);
      var body = new FormData(form);
      body.set("mode", mode);
      body.set("source_code", source);
      var response, data = null;
      try {
        response = await fetch(form.action, {
          method: "POST", body: body, credentials: "same-origin",
          headers: { Accept: "application/json", "X-CSRFToken": csrfToken(form) },
        });
        data = await response.json().catch(function () { return null; });
      } catch (networkError) {
        setBusy(false);
        showMessage(verdict, "Could not reach the server. Check your connection and try again.");
        return;
      }
      if (response.status === 202 && data) {
        lastSaved = source;  // the server stored the draft with the submission
        setSaveStatus("Saved");
        verdict.replaceChildren(buildVerdict(data));
        addHistoryRow(data);
        follow(data);
        return;
      }
      setBusy(false);
      if (response.status === 429) {
        var wait = parseInt(response.headers.get("Retry-After") || "0", 10);
        showMessage(verdict, (data && data.error) || ("Too many submissions: wait " + wait + " seconds."), "warning");
      } else if (response.status === 401) {
        showMessage(verdict, "You are logged out. Copy your code, log in again, and paste it back.", "error", { href: "/accounts/login/?next=" + encodeURIComponent(window.location.pathname), text: "Log in" });
      } else if (response.status === 403) {
        showMessage(verdict, "This page is out of date (the security token expired). Copy your code and reload the page.", "error", { href: window.location.pathname, text: "Reload" });
      } else if (data && data.error) {
        showMessage(verdict, data.error);
      } else {
        showMessage(verdict, "Something went wrong (HTTP " + response.status + "). Please try again.");
      }
    });

    // A submission still being graded when the page loaded (e.g. after a reload): follow it.
    var pending = document.querySelector("tr[data-pending-url]");
    if (pending) {
      setBusy(true, "submit");
      follow({ status_url: pending.dataset.pendingUrl, detail_url: pending.querySelector("a").href });
    }
  }

  // ---- hints, one at a time ------------------------------------------------------
  function setupHints(section) {
    var hints = Array.prototype.slice.call(section.querySelectorAll("[data-hint]"));
    var button = section.querySelector("[data-show-hint]");
    if (!hints.length || !button) return;
    var key = "hints-shown:" + window.location.pathname;
    var shown = 0;
    try { shown = Math.min(parseInt(window.localStorage.getItem(key) || "0", 10) || 0, hints.length); } catch (e) { shown = 0; }
    function render() {
      hints.forEach(function (hint, index) { hint.hidden = index >= shown; });
      button.hidden = shown >= hints.length;
      button.textContent = shown === 0 ? "Show a hint" : "Show another hint (" + (shown + 1) + " of " + hints.length + ")";
    }
    button.addEventListener("click", function () {
      var hint = hints[shown];
      shown += 1;
      try { window.localStorage.setItem(key, String(shown)); } catch (e) { /* private mode */ }
      render();
      hint.open = true;
      hint.querySelector("summary").focus();
    });
    render();
  }

  function start() {
    var form = document.getElementById("solution-form");
    if (form) setupSolutionForm(form);
    document.querySelectorAll("[data-hints]").forEach(setupHints);
    // The submission page: follow a verdict that is not in yet.
    var area = document.querySelector("[data-poll-url]");
    if (area) {
      poll(area.dataset.pollUrl, function (update) { area.replaceChildren(buildVerdict(update)); }, LONG_POLL_GIVE_UP_MS);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
