extension PageAssets {
  /// The part of app.js for classrooms: the student's name, and the exercise panel (the list
  /// with solved marks, the chosen exercise's prompt, Check, hints one at a time, progress).
  /// It shows itself only when `/api/exercises` answers with sets; otherwise the page is the
  /// plain playground. Every text from the server goes in as text.
  static let pageExercises = #"""
    const Classroom = (() => {
      const $ = (id) => document.getElementById(id);
      const el = Render.el;
      const NAME_KEY = "valley.name";
      const PICK_KEY = "valley.exercise";
      let hooks = null; // { api, startSession, say, input }
      let sets = [];
      let progress = new Map();
      let current = null; // { set, exercise }
      let checking = false;
      let memoryName = "";
      const buttons = new Map(); // "set/id" -> its button in the list
      const hintsShown = new Map(); // "set/id" -> how many hints are revealed

      const key = (setId, id) => setId + "/" + id;
      function stored(name) { try { return localStorage.getItem(name) || ""; } catch (e) { return ""; } }
      function store(name, value) { try { localStorage.setItem(name, value); } catch (e) { /* private mode */ } }
      function studentName() { return (stored(NAME_KEY) || memoryName).trim(); }
      function setStudentName(name) {
        memoryName = name;
        store(NAME_KEY, name);
        $("student-name").textContent = name;
      }
      /// The body of POST /api/sessions: the student's name when there is one.
      function sessionBody() {
        const name = studentName();
        return name ? { name } : {};
      }

      // Only well-formed sets and exercises, with every field a string.
      function text(value, fallback) { return typeof value === "string" && value.trim() ? value : fallback; }
      function cleanSets(body) {
        if (!body || !Array.isArray(body.sets)) return [];
        return body.sets.filter((s) => s && typeof s.id === "string" && Array.isArray(s.exercises)).map((s) => ({
          id: s.id,
          title: text(s.title, s.id),
          exercises: s.exercises.filter((e) => e && typeof e.id === "string").map((e) => ({
            id: e.id,
            title: text(e.title, e.id),
            prompt: typeof e.prompt === "string" ? e.prompt : "",
            hints: Array.isArray(e.hints) ? e.hints.filter((h) => typeof h === "string") : [],
          })),
        })).filter((s) => s.exercises.length > 0);
      }

      // ---- The name dialog. `first`: it cannot be dismissed without a name.
      function askName(first) {
        const dialog = $("name-dialog");
        const field = $("name-input");
        const problem = $("name-error");
        field.value = studentName();
        problem.hidden = true;
        $("name-cancel").hidden = first;
        $("name-note").textContent = first
          ? "This server has exercises. Your teacher sees this name beside your progress."
          : "A new name starts a new session: clauses you asserted so far are forgotten.";
        return new Promise((resolve) => {
          const done = (value) => {
            $("name-form").onsubmit = null;
            $("name-cancel").onclick = null;
            dialog.oncancel = null;
            if (dialog.open) dialog.close();
            resolve(value);
          };
          $("name-form").onsubmit = (event) => {
            event.preventDefault();
            const value = field.value.replace(/\s+/g, " ").trim().slice(0, 80);
            if (!value) {
              problem.hidden = false;
              field.focus();
              return;
            }
            done(value);
          };
          $("name-cancel").onclick = () => done(null);
          dialog.oncancel = (event) => { if (first) event.preventDefault(); else done(null); };
          if (typeof dialog.showModal === "function") dialog.showModal();
          else dialog.setAttribute("open", "");
          field.focus();
        });
      }
      async function changeName() {
        const name = await askName(false);
        if (!name || name === studentName()) { $("name-button").focus(); return; }
        setStudentName(name);
        try {
          await hooks.startSession();
          hooks.say("You now work as " + name + ", in a new session.");
        } catch (error) {
          hooks.say("Could not start a session: " + error.message);
        }
        await refreshProgress();
        $("name-button").focus();
      }

      // ---- The list of sets and exercises.
      function drawList() {
        buttons.clear();
        $("exercise-list").replaceChildren(...sets.map((set) => {
          const group = el("li", "ex-set");
          const heading = el("h3", "ex-set-title", set.title);
          const items = el("ol", "ex-items");
          for (const exercise of set.exercises) {
            const button = el("button", "ex-item");
            button.type = "button";
            button.dataset.set = set.id;
            button.dataset.id = exercise.id;
            const mark = el("span", "ex-mark");
            mark.setAttribute("aria-hidden", "true");
            button.append(mark, el("span", "ex-name", exercise.title), el("span", "visually-hidden ex-state"));
            button.addEventListener("click", () => select(set, exercise, true));
            buttons.set(key(set.id, exercise.id), button);
            const item = el("li");
            item.append(button);
            items.append(item);
          }
          group.append(heading, items);
          return group;
        }));
      }
      function updateMarks() {
        let solved = 0;
        let total = 0;
        for (const set of sets) {
          for (const exercise of set.exercises) {
            total += 1;
            const row = progress.get(key(set.id, exercise.id));
            const done = Boolean(row && row.solved);
            if (done) solved += 1;
            const button = buttons.get(key(set.id, exercise.id));
            if (!button) continue;
            button.classList.toggle("solved", done);
            button.querySelector(".ex-mark").textContent = done ? "✓" : "";
            button.querySelector(".ex-state").textContent = done ? " (solved)" : "";
          }
        }
        $("exercise-progress").textContent = "Solved " + solved + " of " + total;
        drawAttempts();
      }
      function drawAttempts() {
        if (!current) return;
        const row = progress.get(key(current.set.id, current.exercise.id));
        const attempts = row && Number.isFinite(row.attempts) ? row.attempts : 0;
        const word = attempts === 1 ? "attempt" : "attempts";
        let line = "Not tried yet.";
        if (row && row.solved) line = "✓ Solved (" + attempts + " " + word + ").";
        else if (attempts > 0) line = attempts + " " + word + " so far.";
        $("exercise-attempts").textContent = line;
      }

      // ---- The chosen exercise.
      function select(set, exercise, focus) {
        current = { set, exercise };
        store(PICK_KEY, key(set.id, exercise.id));
        for (const [name, button] of buttons) {
          if (name === key(set.id, exercise.id)) button.setAttribute("aria-current", "true");
          else button.removeAttribute("aria-current");
        }
        $("exercise").hidden = false;
        $("exercise-title").textContent = exercise.title;
        $("exercise-prompt").textContent = exercise.prompt;
        $("exercise-result").hidden = true;
        drawHints();
        drawAttempts();
        if (focus) $("exercise-title").scrollIntoView({ block: "nearest" });
      }
      function drawHints() {
        const hints = current.exercise.hints;
        const shown = Math.min(hints.length, hintsShown.get(key(current.set.id, current.exercise.id)) || 0);
        $("exercise-hints").replaceChildren(...hints.slice(0, shown).map((hint) => el("li", "ex-hint", hint)));
        const button = $("hint-button");
        button.disabled = shown >= hints.length;
        if (hints.length === 0) button.textContent = "No hints";
        else if (shown >= hints.length) button.textContent = "No more hints";
        else button.textContent = shown === 0 ? "Hint" : "Next hint (" + (shown + 1) + " of " + hints.length + ")";
      }
      function revealHint() {
        if (!current) return;
        const name = key(current.set.id, current.exercise.id);
        const shown = hintsShown.get(name) || 0;
        if (shown >= current.exercise.hints.length) return;
        hintsShown.set(name, shown + 1);
        drawHints();
        hooks.say("Hint " + (shown + 1) + ": " + current.exercise.hints[shown]);
      }

      function verdict(kind, headline, feedback) {
        const box = $("exercise-result");
        box.className = "ex-result " + kind;
        $("exercise-verdict").textContent = headline;
        $("exercise-feedback").textContent = feedback || "";
        $("exercise-feedback").hidden = !feedback;
        box.hidden = false;
      }
      async function check() {
        if (!current || checking) return;
        const answer = hooks.input.value.replace(/\s+$/, "");
        if (!answer.trim()) {
          verdict("problem", "Type your answer in the input first, then press Check.", "");
          hooks.input.focus();
          return;
        }
        const { set, exercise } = current;
        checking = true;
        $("check-button").disabled = true;
        verdict("pending", "Checking…", "");
        const path = "/api/exercises/" + encodeURIComponent(set.id) + "/" + encodeURIComponent(exercise.id) + "/check";
        try {
          const response = await hooks.api(path, {
            method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ answer }),
          });
          const body = await response.json().catch(() => null);
          const feedback = body && typeof body.feedback === "string" ? body.feedback : "";
          if (current.exercise !== exercise) {
            hooks.say("Checked " + exercise.title + ": " + (body && body.correct === true ? "correct." : "not yet."));
          } else if (response.ok && body && typeof body.correct === "boolean") {
            if (body.correct) verdict("correct", "✓ Correct", feedback);
            else verdict("incorrect", "✗ Incorrect, not yet", feedback);
            hooks.say((body.correct ? "Correct. " : "Incorrect. ") + feedback.split("\n")[0]);
          } else if (response.status === 404) {
            verdict("problem", "The server does not know this exercise.", (body && body.error) || "");
          } else if (response.status === 413) {
            verdict("problem", "The answer is too long for the server.", "");
          } else if (response.status === 429) {
            verdict("problem", "The server is busy; try again in a moment.", "");
          } else {
            verdict("problem", "The check failed (" + response.status + ").", (body && body.error) || "");
          }
        } catch (error) {
          verdict("problem", "Could not reach the server.", error.message);
        } finally {
          checking = false;
          $("check-button").disabled = false;
          await refreshProgress();
        }
      }

      async function refreshProgress() {
        try {
          const response = await hooks.api("/api/progress", { method: "GET" });
          const body = response.ok ? await response.json() : null;
          if (body && Array.isArray(body.progress)) {
            progress = new Map();
            for (const row of body.progress) {
              if (row && typeof row.set === "string" && typeof row.id === "string") progress.set(key(row.set, row.id), row);
            }
          }
        } catch (error) { /* keep the marks we have */ }
        updateMarks();
      }

      // ---- Start: find the sets; with sets, a name, then a session that carries it.
      // Returns the started session (as POST /api/sessions answered), like startSession.
      async function boot(given) {
        hooks = given;
        const listing = () => fetch("/api/exercises", { credentials: "same-origin" }).catch(() => null);
        let started = null;
        let response = await listing();
        if (response && response.status === 401) {
          started = hooks.startSession();
          await started;
          response = await listing();
        }
        const body = response && response.ok ? await response.json().catch(() => null) : null;
        sets = cleanSets(body);
        document.documentElement.dataset.exercises = sets.length ? "shown" : "none";
        if (sets.length === 0) return started || hooks.startSession();

        document.body.classList.add("has-exercises");
        $("exercises").hidden = false;
        drawList();
        const pick = stored(PICK_KEY);
        const all = sets.flatMap((set) => set.exercises.map((exercise) => ({ set, exercise })));
        const chosen = all.find((x) => key(x.set.id, x.exercise.id) === pick) || all[0];
        select(chosen.set, chosen.exercise, false);
        updateMarks();
        $("check-button").addEventListener("click", check);
        $("hint-button").addEventListener("click", revealHint);
        $("name-button").addEventListener("click", changeName);
        if (!studentName()) {
          setStudentName(await askName(true));
          if (started) started = null; // that session has no name: start one that has
        } else {
          $("student-name").textContent = studentName();
        }
        const session = await (started || hooks.startSession());
        setTimeout(refreshProgress, 0);
        return session;
      }

      return { boot, sessionBody };
    })();
    """#
}
