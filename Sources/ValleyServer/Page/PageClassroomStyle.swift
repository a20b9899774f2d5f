extension PageAssets {
  /// The classroom's part of app.css: the name dialog, the exercise panel beside the playground
  /// (below it on a phone), and the teacher's progress table.
  static let classroomStyle = #"""
    .workspace { flex: 1; display: flex; flex-direction: column; min-width: 0; }
    .play { flex: 1; display: flex; flex-direction: column; min-width: 0; }
    body.has-exercises { max-width: 86rem; }
    @media (min-width: 58rem) {
      .has-exercises .workspace { display: grid; grid-template-columns: minmax(0, 1fr) minmax(17rem, 23rem); gap: 0 1.25rem; }
      .has-exercises .exercises { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; margin-top: 1rem; }
    }

    .exercises { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 0.9rem 0.9rem; margin: 1rem 0; min-width: 0; }
    .exercises[hidden] { display: none; }
    .ex-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.3rem 0.8rem; }
    .ex-head h2 { margin: 0; font-size: 1.15rem; }
    .ex-progress { margin: 0; color: var(--accent); font-weight: 600; font-size: 0.92rem; }
    .ex-who { margin: 0.2rem 0 0.5rem; color: var(--muted); font-size: 0.9rem; }
    .ex-who strong { color: var(--ink); }
    .ex-list { list-style: none; margin: 0; padding: 0; max-height: 16rem; overflow-y: auto; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); }
    .ex-set-title { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 0.5rem 0 0.2rem; }
    .ex-items { list-style: none; margin: 0 0 0.3rem; padding: 0; }
    .ex-item {
      display: flex; align-items: baseline; gap: 0.4rem; width: 100%; text-align: left; border: none; background: none;
      border-radius: 4px; padding: 0.2rem 0.4rem; min-height: 2rem; font-size: 0.92rem;
    }
    .ex-item:hover { background: var(--accent-soft); }
    .ex-item[aria-current="true"] { background: var(--accent-soft); color: var(--accent); font-weight: 600; }
    .ex-mark { flex: 0 0 1.1em; color: var(--accent); font-weight: 700; }
    .ex-name { flex: 1; min-width: 0; }
    .ex-current { margin-top: 0.6rem; }
    .ex-title { margin: 0.2rem 0 0; font-size: 1.05rem; }
    .ex-attempts { margin: 0.1rem 0 0.4rem; color: var(--muted); font-size: 0.85rem; }
    .ex-prompt { white-space: pre-wrap; background: var(--code-bg); border-radius: 6px; padding: 0.5rem 0.7rem; }
    .ex-how { color: var(--muted); font-size: 0.85rem; margin: 0.4rem 0; }
    .ex-buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; }
    .ex-hints { margin: 0.5rem 0 0; padding-left: 1.4rem; }
    .ex-hint { margin: 0.2rem 0; }
    .ex-hint::marker { color: var(--warn); font-weight: 700; }
    .ex-result { margin-top: 0.6rem; border-left: 4px solid var(--line); border-radius: 4px; padding: 0.4rem 0.7rem; background: var(--code-bg); }
    .ex-result[hidden] { display: none; }
    .ex-result.correct { border-left-color: var(--accent); background: var(--accent-soft); }
    .ex-result.incorrect { border-left-color: var(--error); background: var(--error-soft); }
    .ex-result.problem { border-left-color: var(--warn); background: var(--warn-soft); }
    .verdict { margin: 0; font-weight: 700; }
    .correct .verdict { color: var(--accent); }
    .incorrect .verdict { color: var(--error); }
    .feedback { margin-top: 0.3rem; font-size: 0.88rem; max-height: 20rem; overflow: auto; }

    .name-dialog { border: 1px solid var(--line); border-radius: 10px; background: var(--panel); color: var(--ink); padding: 1rem 1.2rem; width: min(26rem, calc(100vw - 2rem)); }
    .name-dialog::backdrop { background: rgb(0 0 0 / 0.45); }
    .name-dialog h2 { margin: 0 0 0.3rem; font-size: 1.2rem; }
    .name-note { margin: 0 0 0.7rem; color: var(--muted); font-size: 0.92rem; }
    .name-dialog label, .token-form label { display: block; font-size: 0.9rem; color: var(--muted); margin-bottom: 0.2rem; }
    .name-dialog input, .token-form input {
      width: 100%; font: inherit; padding: 0.45rem 0.6rem; border: 1px solid var(--line); border-radius: 6px;
      background: var(--bg); color: var(--ink);
    }
    .name-error, .teacher-error { color: var(--error); margin: 0.3rem 0 0; font-size: 0.9rem; }
    .dialog-buttons { display: flex; gap: 0.4rem; margin-top: 0.8rem; }

    .teacher main { padding: 1rem 0 2rem; }
    .token-form { max-width: 26rem; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.8rem 1rem; }
    .token-form[hidden], .board[hidden] { display: none; }
    .board-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 1rem; }
    .board-head h2 { margin: 0.2rem 0; font-size: 1.15rem; }
    .board-tools { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.8rem; }
    .teacher-status { color: var(--muted); font-size: 0.88rem; margin: 0.3rem 0 0.6rem; min-height: 1.2em; }
    .board-wrap { max-width: 100%; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
    table.board-table { border-collapse: collapse; font-size: 0.92rem; }
    .board-table th, .board-table td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.55rem; text-align: center; white-space: nowrap; }
    .board-table th[scope="row"], .board-table th.student { text-align: left; position: sticky; left: 0; background: var(--panel); }
    .board-table thead th { background: var(--code-bg); font-family: var(--mono); font-weight: 600; }
    .board-table td.solved { color: var(--accent); font-weight: 700; background: var(--accent-soft); }
    .board-table td.tried { color: var(--warn); }
    .board-table td.when { color: var(--muted); text-align: left; font-size: 0.85rem; }
    .board-empty { color: var(--muted); padding: 0.6rem; margin: 0; }
    .legend { color: var(--muted); font-size: 0.85rem; margin: 0.5rem 0 0; }
    """#
}
