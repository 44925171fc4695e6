// The code editor: CodeMirror 6 enhancing every <textarea data-code-editor>.
//
// The textarea stays in the page and in the form (hidden) and is kept in sync with the
// editor, so a form post without JavaScript and the fetch-based buttons read the same
// field. Pages work without this bundle: the textarea is then the editor.
import { defaultKeymap, history, historyKeymap, indentLess, indentMore } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import {
  bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, indentUnit,
  syntaxHighlighting,
} from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { EditorSelection, EditorState } from "@codemirror/state";
import {
  drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, keymap, lineNumbers, placeholder,
} from "@codemirror/view";

// Colours come from the page's CSS variables (the same as the lessons' code blocks), so the
// editor follows the light or dark theme that the system setting selects.
const highlightStyle = HighlightStyle.define([
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "var(--hl-comment)", fontStyle: "italic" },
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword, tags.bool, tags.null, tags.self],
    color: "var(--hl-keyword)", fontWeight: "600" },
  { tag: [tags.typeName, tags.className, tags.namespace, tags.standard(tags.variableName)], color: "var(--hl-type)" },
  { tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName)), tags.function(tags.propertyName)],
    color: "var(--hl-function)" },
  { tag: [tags.string, tags.special(tags.string), tags.docString], color: "var(--hl-string)" },
  { tag: [tags.number, tags.integer, tags.float], color: "var(--hl-number)" },
  { tag: [tags.operator, tags.compareOperator, tags.arithmeticOperator], color: "var(--hl-operator)" },
  { tag: tags.invalid, color: "var(--danger)" },
]);

const theme = EditorView.theme({
  "&": { fontSize: "0.95rem", color: "var(--text)", backgroundColor: "var(--code-bg, #fff)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--text)" },
  ".cm-activeLine": { backgroundColor: "var(--editor-active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--editor-active-line)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground": { backgroundColor: "var(--editor-selection)" },
  ".cm-matchingBracket": { backgroundColor: "var(--editor-selection)", outline: "1px solid var(--border-strong)" },
  ".cm-content": { fontFamily: "var(--font-mono)", minHeight: "16rem", padding: "0.5rem 0" },
  ".cm-gutters": {
    fontFamily: "var(--font-mono)", backgroundColor: "var(--gutter-bg, #f3f4f6)", color: "var(--muted)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-scroller": { overflow: "auto", maxHeight: "70vh" },
  "&.cm-focused": { outline: "none" },
});

// Tab: with a selection, indent the selected lines; otherwise insert spaces up to the next
// multiple of four at the cursor (CodeMirror's indentMore would leave the cursor in front
// of the new indentation on an empty line). Shift-Tab dedents.
function tabIndent(view) {
  const { state } = view;
  if (state.readOnly) return false;
  if (state.selection.ranges.some((range) => !range.empty)) return indentMore(view);
  view.dispatch(state.changeByRange((range) => {
    const column = range.head - state.doc.lineAt(range.head).from;
    const spaces = 4 - (column % 4);
    return {
      changes: { from: range.head, insert: " ".repeat(spaces) },
      range: EditorSelection.cursor(range.head + spaces),
    };
  }), { scrollIntoView: true, userEvent: "input.indent" });
  return true;
}

// The nonce that the page's style-src allows (exercise_detail.html); scripts get none.
function cspNonce() {
  const meta = document.querySelector('meta[name="csp-style-nonce"]');
  return meta ? meta.content : "";
}

function enhance(textarea) {
  if (textarea.dataset.enhanced) return null;
  textarea.dataset.enhanced = "true";
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  const readOnly = textarea.readOnly;

  const notify = EditorView.updateListener.of((update) => {
    if (!update.docChanged) return;
    textarea.value = update.state.doc.toString();
    textarea.dispatchEvent(new CustomEvent("editor-change", { bubbles: true }));
  });
  // Mod-Enter runs the visible tests: the page script listens for this event.
  const runKey = keymap.of([{
    key: "Mod-Enter",
    run: () => { textarea.dispatchEvent(new CustomEvent("editor-run", { bubbles: true })); return true; },
  }]);

  const view = new EditorView({
    parent: textarea.parentNode,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(),
        foldGutter(), drawSelection(), indentOnInput(), bracketMatching(), closeBrackets(),
        highlightActiveLine(), highlightSelectionMatches(),
        syntaxHighlighting(highlightStyle),
        python(), indentUnit.of("    "), EditorState.tabSize.of(4),
        runKey,
        // Tab indents; Escape then Tab (a CodeMirror default) moves focus out, as the page says.
        keymap.of([{ key: "Tab", run: tabIndent, shift: indentLess }, ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap,
                   ...historyKeymap, ...foldKeymap]),
        EditorState.readOnly.of(readOnly),
        EditorView.contentAttributes.of({
          "aria-label": label ? label.textContent.trim() : "Code editor",
          ...(textarea.getAttribute("aria-describedby")
            ? { "aria-describedby": textarea.getAttribute("aria-describedby") } : {}),
          "aria-multiline": "true",
          spellcheck: "false",
          autocapitalize: "off",
          autocorrect: "off",
        }),
        placeholder(textarea.placeholder || ""),
        theme,
        notify,
        // The page's Content-Security-Policy admits CodeMirror's <style> element by nonce.
        ...(cspNonce() ? [EditorView.cspNonce.of(cspNonce())] : []),
      ],
    }),
  });
  textarea.after(view.dom);
  textarea.hidden = true;
  textarea.setAttribute("aria-hidden", "true");
  textarea.tabIndex = -1;
  // Clicking the label should focus the editor, not the hidden textarea.
  if (label) label.addEventListener("click", (event) => { event.preventDefault(); view.focus(); });
  textarea.codeEditor = {
    view,
    getValue: () => view.state.doc.toString(),
    setValue: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
  };
  document.documentElement.classList.add("has-code-editor");
  return view;
}

function enhanceAll() {
  document.querySelectorAll("textarea[data-code-editor]").forEach(enhance);
}

window.CoursePlatformEditor = { enhance, enhanceAll };
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", enhanceAll);
} else {
  enhanceAll();
}
