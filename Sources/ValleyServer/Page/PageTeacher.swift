extension PageAssets {
  /// The teacher's page (/teacher): asks for the teacher token, then shows a table of students
  /// by exercise that refreshes itself, and a CSV download. No token is ever written into it.
  static let teacherPageHTML = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Valley: class progress</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/app.css">
    <script src="/teacher.js" defer></script>
    </head>
    <body class="teacher">
    <header class="top">
      <div class="brand">
        <h1>Valley</h1>
        <p class="tagline">Class progress on the exercises.</p>
      </div>
      <nav class="tools" aria-label="Page tools">
        <a class="link" href="/">Playground</a>
        <button type="button" id="forget-button" hidden>Forget the token</button>
      </nav>
    </header>
    <main id="main">
      <form id="token-form" class="token-form" autocomplete="off">
        <h2>Teacher token</h2>
        <p class="note">The token <code>valley serve</code> printed when it started (or <code>VALLEY_TEACHER_TOKEN</code>).
          It is kept in this tab only.</p>
        <label for="token-input">Token</label>
        <input id="token-input" name="token" type="password" spellcheck="false" autocapitalize="off">
        <p id="token-error" class="teacher-error" role="alert" hidden></p>
        <div class="dialog-buttons"><button type="submit" class="primary">Show progress</button></div>
      </form>

      <section id="board" class="board" aria-labelledby="board-title" hidden>
        <div class="board-head">
          <h2 id="board-title">Students by exercise</h2>
          <div class="board-tools">
            <a id="csv-link" class="link" href="/api/teacher/progress.csv" download="valley-progress.csv">Download CSV</a>
          </div>
        </div>
        <p id="teacher-status" class="teacher-status" role="status" aria-live="polite"></p>
        <div id="board-wrap" class="board-wrap"></div>
        <p class="legend">✓ solved · a number: attempts, not solved yet (with the best score where there is partial credit) · blank: not tried. Refreshed every 5 seconds.</p>
      </section>
    </main>
    </body>
    </html>
    """#

  /// teacher.js: the token in sessionStorage, the table drawn with text nodes only.
  static let teacherPageScript = #"""
    (() => {
      "use strict";
      const $ = (id) => document.getElementById(id);
      const TOKEN_KEY = "valley.teacherToken";
      const EVERY = 5000;
      let token = "";
      let timer = null;
      let exercises = null; // [{ set, id, title, setTitle }] from /api/exercises, when it answers

      function el(tag, cls, text) {
        const node = document.createElement(tag);
        if (cls) node.className = cls;
        if (text !== undefined && text !== null) node.textContent = String(text);
        return node;
      }
      function remembered() { try { return sessionStorage.getItem(TOKEN_KEY) || ""; } catch (e) { return ""; } }
      function remember(value) {
        try {
          if (value) sessionStorage.setItem(TOKEN_KEY, value);
          else sessionStorage.removeItem(TOKEN_KEY);
        } catch (e) { /* this page only */ }
      }
      const status = (text) => { $("teacher-status").textContent = text; };
      const authorized = () => ({ Authorization: "Bearer " + token });

      function askToken(problem) {
        if (timer) clearInterval(timer);
        timer = null;
        token = "";
        remember("");
        $("board").hidden = true;
        $("forget-button").hidden = true;
        $("token-form").hidden = false;
        const error = $("token-error");
        error.textContent = problem || "";
        error.hidden = !problem;
        $("token-input").value = "";
        $("token-input").focus();
      }

      // The exercises' order and titles, when the server lists them to this browser.
      async function loadExercises() {
        try {
          const response = await fetch("/api/exercises", { credentials: "same-origin" });
          if (!response.ok) return;
          const body = await response.json();
          if (!body || !Array.isArray(body.sets)) return;
          exercises = [];
          for (const set of body.sets) {
            if (!set || typeof set.id !== "string" || !Array.isArray(set.exercises)) continue;
            for (const e of set.exercises) {
              if (e && typeof e.id === "string") {
                exercises.push({ set: set.id, id: e.id, title: String(e.title || e.id), setTitle: String(set.title || set.id) });
              }
            }
          }
        } catch (e) { exercises = null; }
      }

      function columnsFor(students) {
        const columns = exercises ? exercises.slice() : [];
        const known = new Set(columns.map((c) => c.set + "/" + c.id));
        for (const student of students) {
          for (const row of student.progress) {
            const name = row.set + "/" + row.id;
            if (!known.has(name)) {
              known.add(name);
              columns.push({ set: row.set, id: row.id, title: row.id, setTitle: row.set });
            }
          }
        }
        return columns;
      }
      let partialCredit = false; // some exercise gives partial credit: show best scores
      function clean(body) {
        if (!body || !Array.isArray(body.students)) return null;
        partialCredit = body.partial_credit === true;
        return body.students.filter((s) => s && typeof s.name === "string").map((s) => ({
          name: s.name,
          progress: (Array.isArray(s.progress) ? s.progress : []).filter((r) => r && typeof r.set === "string" && typeof r.id === "string"),
        }));
      }
      function timeText(iso) {
        const date = new Date(iso);
        if (!iso || Number.isNaN(date.getTime())) return "";
        return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
      }

      function draw(students) {
        const columns = columnsFor(students);
        const wrap = $("board-wrap");
        if (students.length === 0) {
          wrap.replaceChildren(el("p", "board-empty", "No student has checked an answer yet."));
          return;
        }
        const table = el("table", "board-table");
        table.append(el("caption", "visually-hidden", "Progress of each student on each exercise"));
        const head = el("tr");
        const corner = el("th", "student", "Student");
        corner.scope = "col";
        head.append(corner);
        for (const column of columns) {
          const th = el("th", "", column.id);
          th.scope = "col";
          th.title = column.setTitle + ": " + column.title;
          head.append(th);
        }
        const last = el("th", "", "Last activity");
        last.scope = "col";
        head.append(last);
        table.append(el("thead"));
        table.tHead.append(head);
        const body = el("tbody");
        const sorted = students.slice().sort((a, b) => a.name.localeCompare(b.name));
        for (const student of sorted) {
          const tr = el("tr");
          tr.dataset.student = student.name;
          const name = el("th", "", student.name);
          name.scope = "row";
          tr.append(name);
          const rows = new Map(student.progress.map((r) => [r.set + "/" + r.id, r]));
          let latest = "";
          for (const r of student.progress) {
            if (typeof r.when === "string" && (!latest || new Date(r.when) > new Date(latest))) latest = r.when;
          }
          for (const column of columns) {
            const row = rows.get(column.set + "/" + column.id);
            const td = el("td");
            td.dataset.set = column.set;
            td.dataset.id = column.id;
            const attempts = row && Number.isFinite(row.attempts) ? row.attempts : 0;
            if (row && row.solved) {
              td.className = "solved";
              td.textContent = "✓";
              td.title = "solved, " + attempts + (attempts === 1 ? " attempt" : " attempts");
            } else if (row && attempts > 0) {
              td.className = "tried";
              const score = typeof row.score === "number" ? row.score.toFixed(2) : null;
              td.textContent = String(attempts) + (score ? " · " + score : "");
              td.title = attempts + (attempts === 1 ? " attempt" : " attempts") + ", not solved" + (score ? ", best score " + score : "");
            }
            tr.append(td);
          }
          const when = el("td", "when");
          if (latest) {
            const time = el("time", "", timeText(latest));
            time.dateTime = latest;
            when.append(time);
          }
          tr.append(when);
          body.append(tr);
        }
        table.append(body);
        wrap.replaceChildren(table);
      }

      async function refresh() {
        if (!token) return;
        try {
          const response = await fetch("/api/teacher/progress", { headers: authorized(), credentials: "same-origin" });
          if (response.status === 401) { askToken("That token is wrong: the server refused it."); return; }
          const body = await response.json().catch(() => null);
          const students = response.ok ? clean(body) : null;
          if (!students) {
            status("The server answered " + response.status + (body && body.error ? ": " + body.error : "."));
            return;
          }
          draw(students);
          status("Updated at " + new Date().toLocaleTimeString() + " · " + students.length + (students.length === 1 ? " student" : " students"));
        } catch (error) {
          status("Could not reach the server (" + error.message + "); trying again.");
        }
      }

      async function start(value) {
        token = value;
        remember(value);
        $("token-form").hidden = true;
        $("token-error").hidden = true;
        $("board").hidden = false;
        $("forget-button").hidden = false;
        status("Loading…");
        if (exercises === null) await loadExercises();
        await refresh();
        if (token && !timer) timer = setInterval(refresh, EVERY);
      }

      $("token-form").addEventListener("submit", (event) => {
        event.preventDefault();
        const value = $("token-input").value.trim();
        if (!value) {
          $("token-error").textContent = "Type the token first.";
          $("token-error").hidden = false;
          return;
        }
        start(value);
      });
      $("forget-button").addEventListener("click", () => askToken(""));
      $("csv-link").addEventListener("click", async (event) => {
        event.preventDefault();
        if (!token) return;
        try {
          const response = await fetch("/api/teacher/progress.csv" + (partialCredit ? "?with=score" : ""), { headers: authorized(), credentials: "same-origin" });
          if (response.status === 401) { askToken("That token is wrong: the server refused it."); return; }
          if (!response.ok) { status("The CSV download failed (" + response.status + ")."); return; }
          const blob = new Blob([await response.text()], { type: "text/csv;charset=utf-8" });
          const url = URL.createObjectURL(blob);
          const save = el("a");
          save.href = url;
          save.download = "valley-progress.csv";
          document.body.append(save);
          save.click();
          save.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10000);
          status("CSV saved as valley-progress.csv.");
        } catch (error) {
          status("Could not download the CSV (" + error.message + ").");
        }
      });

      const saved = remembered();
      if (saved) start(saved);
      else askToken("");
      document.documentElement.dataset.ready = "true";
    })();
    """#
}
