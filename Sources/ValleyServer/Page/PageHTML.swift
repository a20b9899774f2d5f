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
    </body>
    </html>
    """#
}
