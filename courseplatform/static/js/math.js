// Typeset the math that lessons/markdown.py leaves as TeX text in .math elements.
// Without KaTeX (bundle not built) the TeX source stays readable as it is.
(function () {
  "use strict";
  function typeset(root) {
    if (!window.katex) return;
    root.querySelectorAll(".math-inline, .math-display").forEach(function (element) {
      if (element.dataset.typeset) return;
      try {
        window.katex.render(element.textContent, element, {
          displayMode: element.classList.contains("math-display"),
          throwOnError: false,
          // KaTeX's own default, stated: no \href, \url or HTML extensions from lesson text.
          trust: false,
          strict: "ignore",
        });
        element.dataset.typeset = "true";
      } catch (error) {
        element.classList.add("math-error");
      }
    });
  }
  window.CoursePlatformMath = { typeset: typeset };
  function start() { typeset(document); }
  // katex.min.js is deferred too and runs first (document order); wait for it regardless.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
