// Build the browser assets into courseplatform/static/vendor/ (git-ignored):
//   vendor/editor/editor.js   CodeMirror 6 bundle from courseplatform/frontend/editor.js
//   vendor/katex/             KaTeX's distributed JS, CSS and fonts, copied as published
// Run by scripts/frontend.sh after `npm install`; safe to run again (it replaces the output).
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "courseplatform", "static", "vendor");

rmSync(vendor, { recursive: true, force: true });
mkdirSync(vendor, { recursive: true });

await build({
  entryPoints: [join(root, "courseplatform", "frontend", "editor.js")],
  outfile: join(vendor, "editor", "editor.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "linked",
  logLevel: "warning",
});

const katex = join(root, "node_modules", "katex", "dist");
mkdirSync(join(vendor, "katex"), { recursive: true });
for (const file of ["katex.min.js", "katex.min.css"]) {
  cpSync(join(katex, file), join(vendor, "katex", file));
}
// Every font format the CSS names: collectstatic's manifest storage rewrites each url() in
// katex.min.css and fails on a missing file, even one no browser would download.
cpSync(join(katex, "fonts"), join(vendor, "katex", "fonts"), { recursive: true });

const size = (path) => `${(statSync(path).size / 1024).toFixed(0)} KiB`;
console.log(`frontend: editor.js ${size(join(vendor, "editor", "editor.js"))}, ` +
  `katex.min.js ${size(join(vendor, "katex", "katex.min.js"))} → ${vendor}`);
