// Admin: while an exercise's validation is queued or running, fetch its block again every
// few seconds and swap it in, so the report appears without a reload.
(function () {
  "use strict";
  var PENDING = { queued: true, running: true };
  function watch(block) {
    if (!block || !PENDING[block.dataset.state] || !block.dataset.url) return;
    window.setTimeout(function () {
      fetch(block.dataset.url, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.text();
        })
        .then(function (html) {
          var holder = document.createElement("div");
          holder.innerHTML = html;
          var fresh = holder.querySelector(".validation");
          if (!fresh) return;
          block.replaceWith(fresh);
          watch(fresh);
        })
        .catch(function () {
          watch(block); // a hiccup (server restarting): try again
        });
    }, 1500);
  }
  document.querySelectorAll(".validation[data-state]").forEach(watch);
})();
