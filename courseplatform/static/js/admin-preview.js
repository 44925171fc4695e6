// Admin: render the Markdown being edited through the server's own renderer (the same
// sanitised HTML learners get), then typeset its math.
(function () {
  "use strict";
  function csrf() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }
  document.querySelectorAll("[data-preview-url]").forEach(function (box) {
    var button = box.querySelector("[data-preview-button]");
    var output = box.querySelector("[data-preview-output]");
    var status = box.querySelector(".live-preview__status");
    var source = document.querySelector(box.dataset.source);
    if (!button || !source) return;
    // Show the preview right under the field it previews.
    var row = source.closest(".form-row");
    if (row) row.after(box);
    button.addEventListener("click", function () {
      var body = new FormData();
      body.set("text", source.value);
      status.textContent = "Rendering…";
      fetch(box.dataset.previewUrl, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRFToken": csrf(), Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          // data.html comes from render_markdown, which sanitises with an allow-list (nh3).
          output.innerHTML = data.html;
          output.hidden = false;
          status.textContent = "Preview updated.";
          if (window.CoursePlatformMath) window.CoursePlatformMath.typeset(output);
        })
        .catch(function (error) { status.textContent = "Preview failed: " + error.message; });
    });
  });
})();
