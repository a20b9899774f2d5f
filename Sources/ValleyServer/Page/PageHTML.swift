extension PageAssets {
  /// The skeleton of the playground; app.js fills it in.
  static let pageHTML = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Valley playground</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/app.css">
    <script src="/app.js" defer></script>
    </head>
    <body>
    <a class="skip" href="#input">Skip to the input</a>
    <header class="top">
      <div class="brand">
        <h1>Valley</h1>
        <p class="tagline">Ask the knowledge base on Gyeonggi Technopark and Ansan Science Valley.</p>
      </div>
      <nav class="tools" aria-label="Page tools">
        <button type="button" id="tour-button" aria-expanded="false" aria-controls="tour">Tour</button>
        <button type="button" id="help-button">Commands</button>
        <button type="button" id="clear-button">Clear results</button>
      </nav>
    </header>

    <section id="tour" class="tour" aria-labelledby="tour-title" hidden>
      <div class="tour-head">
        <h2 id="tour-title">A ten-line tour</h2>
        <span id="tour-step" class="tour-step"></span>
      </div>
      <p id="tour-text" class="tour-text"></p>
      <pre id="tour-code" class="tour-code"></pre>
      <div class="tour-buttons">
        <button type="button" id="tour-prev">Previous</button>
        <button type="button" id="tour-next">Next</button>
        <button type="button" id="tour-run" class="primary">Run this step</button>
        <button type="button" id="tour-close" class="quiet">Close the tour</button>
      </div>
    </section>

    <div class="workspace">
    <div class="play">
    <main id="main">
      <h2 class="visually-hidden">Results</h2>
      <div id="welcome" class="welcome">
        <p>Type a query ending in <code>.</code>, for example <code>factor(F, limiting).</code>,
        and press <kbd>Enter</kbd>. Commands start with <code>:</code>; <code>:help</code> lists them.</p>
        <p>New here? <button type="button" id="welcome-tour" class="link">Take the ten-line tour.</button></p>
      </div>
      <div id="log" class="log"></div>
    </main>

    <form id="composer" class="composer" autocomplete="off">
      <label for="input" class="prompt-label">Statement <span class="prompt">?-</span></label>
      <div class="input-row">
        <textarea id="input" name="input" rows="2" spellcheck="false" autocapitalize="off"
          autocomplete="off" aria-describedby="keys" aria-autocomplete="list"
          aria-controls="choices" placeholder="for example: factor(F, limiting)."></textarea>
        <button type="submit" id="run-button" class="primary">Run</button>
      </div>
      <ul id="choices" class="choices" role="listbox" aria-label="Completions" hidden></ul>
      <p id="keys" class="keys"><kbd>Enter</kbd> runs · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line ·
        <kbd>↑</kbd>/<kbd>↓</kbd> history · <kbd>Tab</kbd> completes the word before the caret</p>
      <p id="status" class="status" role="status" aria-live="polite"></p>
    </form>
    </div>

    <aside id="exercises" class="exercises" aria-labelledby="exercises-title" hidden>
      <div class="ex-head">
        <h2 id="exercises-title">Exercises</h2>
        <p id="exercise-progress" class="ex-progress"></p>
      </div>
      <p class="ex-who">Working as <strong id="student-name"></strong>
        <button type="button" id="name-button" class="link">Change name</button></p>
      <nav aria-label="Exercise list"><ul id="exercise-list" class="ex-list"></ul></nav>
      <section id="exercise" class="ex-current" aria-labelledby="exercise-title" hidden>
        <h3 id="exercise-title" class="ex-title"></h3>
        <p id="exercise-attempts" class="ex-attempts"></p>
        <div id="exercise-prompt" class="ex-prompt"></div>
        <p class="ex-how">Type your answer in the input: clauses if you need them, then one query. Check grades it.</p>
        <div class="ex-buttons">
          <button type="button" id="check-button" class="primary">Check</button>
          <button type="button" id="hint-button">Hint</button>
        </div>
        <ol id="exercise-hints" class="ex-hints" aria-label="Hints"></ol>
        <div id="exercise-result" class="ex-result" hidden>
          <p id="exercise-verdict" class="verdict"></p>
          <pre id="exercise-feedback" class="feedback"></pre>
        </div>
      </section>
    </aside>
    </div>

    <dialog id="name-dialog" class="name-dialog" aria-labelledby="name-title">
      <form id="name-form" novalidate>
        <h2 id="name-title">Your name</h2>
        <p id="name-note" class="name-note"></p>
        <label for="name-input">Name</label>
        <input id="name-input" name="name" type="text" maxlength="80" autocomplete="name" spellcheck="false">
        <p id="name-error" class="name-error" hidden>Type a name first.</p>
        <div class="dialog-buttons">
          <button type="submit" id="name-save" class="primary">Continue</button>
          <button type="button" id="name-cancel" class="quiet">Cancel</button>
        </div>
      </form>
    </dialog>
    </body>
    </html>
    """#
}
