extension PageAssets {
  /// app.css: system fonts only, light and dark, one column that fits a phone; wide tables and
  /// pictures scroll in their own box, never the page.
  static let pageStyle = #"""
    :root {
      --bg: #f7f7f4; --panel: #ffffff; --ink: #1f2a2e; --muted: #5b676b; --line: #d9ddd8;
      --accent: #1f6f5c; --accent-ink: #ffffff; --accent-soft: #e3f0eb; --error: #a3271f;
      --error-soft: #fbecea; --warn: #7a5400; --warn-soft: #fbf3df; --focus: #1a5fb4;
      --code-bg: #f0f1ed; --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Noto Sans Mono CJK KR", Menlo, Consolas, monospace;
      color-scheme: light dark;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #15191b; --panel: #1d2326; --ink: #e4e8e6; --muted: #a3adb0; --line: #344045;
        --accent: #5fbf9f; --accent-ink: #0d1a16; --accent-soft: #203a32; --error: #ff9b8f;
        --error-soft: #3a211f; --warn: #f0c674; --warn-soft: #352d1b; --focus: #8ab4f8; --code-bg: #252d30;
      }
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0 auto; max-width: 62rem; padding: 0 1rem; background: var(--bg); color: var(--ink);
      font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR", sans-serif;
      overflow-wrap: anywhere; min-height: 100vh; display: flex; flex-direction: column;
    }
    main { flex: 1; }
    h1, h2, h3 { line-height: 1.25; }
    code, kbd, pre, textarea { font-family: var(--mono); font-size: 0.92rem; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
    kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 0.3em; background: var(--panel); }
    code { background: var(--code-bg); border-radius: 4px; padding: 0.05em 0.3em; }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .visually-hidden, .skip:not(:focus) {
      position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
    }
    .skip { position: absolute; top: 0.5rem; left: 0.5rem; background: var(--panel); padding: 0.5rem; z-index: 10; }

    button, .share {
      font: inherit; font-size: 0.95rem; color: var(--ink); background: var(--panel); border: 1px solid var(--line);
      border-radius: 6px; padding: 0.35rem 0.8rem; cursor: pointer; min-height: 2.25rem;
    }
    button:hover { border-color: var(--accent); }
    button:disabled { opacity: 0.5; cursor: default; }
    button.primary { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); font-weight: 600; }
    button.quiet { border-color: transparent; background: transparent; color: var(--muted); }
    button.link, a.link, .share {
      border: none; background: none; padding: 0.1rem 0.2rem; min-height: 0; color: var(--accent);
      text-decoration: underline; text-underline-offset: 2px; font-size: 0.9rem;
    }

    .top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; padding: 1rem 0 0.5rem; border-bottom: 1px solid var(--line); }
    .brand h1 { margin: 0; font-size: 1.5rem; color: var(--accent); letter-spacing: 0.02em; }
    .tagline { margin: 0; color: var(--muted); font-size: 0.95rem; }
    .tools { display: flex; flex-wrap: wrap; gap: 0.4rem; }

    .tour { background: var(--accent-soft); border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 1rem; margin-top: 1rem; }
    .tour-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem; }
    .tour h2 { margin: 0; font-size: 1.1rem; }
    .tour-step { color: var(--muted); font-size: 0.9rem; }
    .tour-text { margin: 0.4rem 0; }
    .tour-code { background: var(--panel); border-radius: 6px; padding: 0.4rem 0.6rem; }
    .tour-buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-top: 0.6rem; }

    .welcome { color: var(--muted); margin: 1.25rem 0; }
    .welcome p { margin: 0.3rem 0; }

    .log { display: flex; flex-direction: column; gap: 1rem; padding: 1rem 0; }
    .entry { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 0.9rem 0.8rem; min-width: 0; }
    .entry-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 0.5rem; border-bottom: 1px dashed var(--line); padding-bottom: 0.4rem; margin-bottom: 0.5rem; }
    .echo { flex: 1; min-width: 0; font-weight: 600; }
    .prompt { color: var(--accent); font-weight: 700; }
    .entry-actions { display: flex; gap: 0.3rem; flex-shrink: 0; }
    .pending { color: var(--muted); margin: 0; }
    .result + .result { margin-top: 0.8rem; padding-top: 0.6rem; border-top: 1px dotted var(--line); }

    .table-wrap { width: fit-content; max-width: 100%; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
    table.answers { border-collapse: collapse; min-width: 100%; font-size: 0.93rem; }
    .answers th, .answers td { text-align: left; padding: 0.3rem 0.7rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: normal; }
    .answers td { min-width: 6rem; max-width: 28rem; overflow-wrap: break-word; }
    .answers th { background: var(--code-bg); font-family: var(--mono); font-weight: 600; position: sticky; top: 0; }
    .answers tbody tr:nth-child(even) { background: color-mix(in srgb, var(--code-bg) 45%, transparent); }
    .answers td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .count, .note { color: var(--muted); font-size: 0.9rem; margin: 0.35rem 0 0; }
    .truth { font-family: var(--mono); font-weight: 600; margin: 0; }
    .truth.yes { color: var(--accent); }
    .truth.no { color: var(--muted); }

    .diagnostic { border-left: 4px solid var(--error); background: var(--error-soft); border-radius: 4px; padding: 0.4rem 0.7rem; margin: 0.3rem 0; }
    .diagnostic.warning { border-left-color: var(--warn); background: var(--warn-soft); }
    .headline { margin: 0; }
    .severity { color: var(--error); }
    .warning .severity { color: var(--warn); }
    .where, .code-tag { color: var(--muted); font-size: 0.88rem; }
    .source { margin-top: 0.35rem; white-space: pre; overflow-x: auto; overflow-wrap: normal; }
    .gutter { color: var(--muted); user-select: none; }
    .pad { visibility: hidden; }
    .caret { color: var(--error); font-weight: 700; }

    .report-title { font-size: 1rem; font-family: var(--mono); margin: 0.2rem 0 0.5rem; }
    details > summary { cursor: pointer; }
    details.proof { border: 1px solid var(--line); border-radius: 6px; padding: 0.3rem 0.6rem; margin: 0.4rem 0; }
    .proof-summary { font-family: var(--mono); font-weight: 600; }
    ul.tree { list-style: none; margin: 0.2rem 0 0.2rem 0.4rem; padding-left: 0.9rem; border-left: 1px solid var(--line); }
    ul.tree.root { border-left: none; padding-left: 0; margin-left: 0; }
    .node { margin: 0.25rem 0; }
    .atom { background: none; padding: 0; }
    .tag { display: inline-block; font-size: 0.78rem; border-radius: 999px; padding: 0 0.5rem; margin-left: 0.2rem; background: var(--code-bg); color: var(--muted); white-space: nowrap; max-width: 100%; overflow: hidden; text-overflow: ellipsis; vertical-align: middle; }
    .tag-assumption { background: var(--warn-soft); color: var(--warn); font-weight: 700; }
    .tag-absent { background: var(--accent-soft); color: var(--accent); }
    .source-line, .note-line { margin: 0.1rem 0 0 1rem; font-size: 0.88rem; color: var(--muted); }
    .label { color: var(--muted); font-size: 0.9rem; }
    .rules-used { margin-top: 0.6rem; }
    .rules-used > summary { color: var(--muted); }
    .rule-list { list-style: none; padding: 0; margin: 0.3rem 0; }
    .rule-list li { margin: 0.35rem 0; }
    .at { font-family: var(--mono); font-size: 0.85rem; color: var(--muted); }
    .rule-text { background: var(--code-bg); border-radius: 4px; padding: 0.2rem 0.5rem; margin: 0.1rem 0; }
    .rule-card { border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.7rem; margin: 0.4rem 0; }
    .rule-card p { margin: 0.2rem 0; }
    .fails .atom { color: var(--error); font-weight: 600; }
    .fact-list { list-style: none; padding-left: 0.5rem; margin: 0.2rem 0; }
    .fact-list.added .sign { color: var(--accent); font-weight: 700; }
    .fact-list.removed .sign { color: var(--error); font-weight: 700; }
    .message { background: var(--code-bg); border-radius: 6px; padding: 0.5rem 0.7rem; overflow-x: auto; white-space: pre; overflow-wrap: normal; max-height: 32rem; }
    .picture { overflow: auto; max-height: 36rem; border: 1px solid var(--line); border-radius: 6px; background: #ffffff; }
    .picture img { display: block; max-width: none; }

    .composer { position: sticky; bottom: 0; background: var(--bg); border-top: 1px solid var(--line); padding: 0.6rem 0 0.5rem; }
    .prompt-label { display: block; font-size: 0.9rem; color: var(--muted); margin-bottom: 0.2rem; }
    .input-row { display: flex; gap: 0.5rem; align-items: stretch; }
    textarea#input {
      flex: 1; min-width: 0; resize: vertical; padding: 0.5rem 0.6rem; border: 1px solid var(--line); border-radius: 6px;
      background: var(--panel); color: var(--ink); line-height: 1.45; font-size: 1rem;
    }
    textarea#input:focus { border-color: var(--accent); }
    .busy #run-button { cursor: progress; }
    .choices { list-style: none; margin: 0.3rem 0 0; padding: 0.2rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); max-height: 10rem; overflow-y: auto; display: flex; flex-wrap: wrap; gap: 0.2rem; }
    .choices[hidden] { display: none; }
    .choices li { font-family: var(--mono); font-size: 0.9rem; padding: 0.1rem 0.45rem; border-radius: 4px; cursor: pointer; }
    .choices li.active, .choices li:hover { background: var(--accent-soft); color: var(--accent); }
    .keys { margin: 0.3rem 0 0; color: var(--muted); font-size: 0.8rem; }
    .status { margin: 0.1rem 0 0; min-height: 1.2em; font-size: 0.85rem; color: var(--muted); }

    @media (max-width: 40rem) {
      body { padding: 0 0.6rem; }
      .tagline { font-size: 0.85rem; }
      .entry { padding: 0.5rem 0.6rem; }
      .entry-head { flex-direction: column; }
      .keys { display: none; }
      .answers td { min-width: 4rem; }
    }
    @media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
    """#
}
