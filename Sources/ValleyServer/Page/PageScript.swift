extension PageAssets {
  /// The part of app.js that runs the page: the session, running statements, history, Tab
  /// completion, share links, `?q=` and the guided tour. Drawing results is PageRender.swift's.
  static let pageScript = #"""
    (() => {
      "use strict";
      const $ = (id) => document.getElementById(id);
      const input = $("input");
      const log = $("log");
      const statusLine = $("status");
      const runButton = $("run-button");
      const choiceList = $("choices");
      const welcome = $("welcome");
      const el = Render.el;

      function say(text) { statusLine.textContent = text; }

      // ---- The session: started on load, started again when the server forgot it (401).
      let session = null;
      function startSession() {
        session = fetch("/api/sessions", {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json" }, body: JSON.stringify(Classroom.sessionBody()),
        }).then(async (response) => {
          if (!response.ok) {
            const body = await response.json().catch(() => ({}));
            throw new Error(body.error || "the server refused a new session (" + response.status + ")");
          }
          return response.json();
        });
        session.catch(() => { session = null; });
        return session;
      }
      async function api(path, options, retried) {
        await (session || startSession());
        const response = await fetch(path, Object.assign({ credentials: "same-origin" }, options));
        if (response.status === 401 && !retried) {
          await startSession();
          return api(path, options, true);
        }
        return response;
      }
      const pause = (seconds) => new Promise((done) => setTimeout(done, seconds * 1000));

      // ---- History, kept in this browser.
      const HISTORY_KEY = "valley.history";
      let history = [];
      try { history = JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]").filter((x) => typeof x === "string"); } catch (e) { history = []; }
      let historyAt = history.length;
      let draft = "";
      function remember(text) {
        if (history[history.length - 1] !== text) history.push(text);
        history = history.slice(-200);
        historyAt = history.length;
        draft = "";
        try { localStorage.setItem(HISTORY_KEY, JSON.stringify(history)); } catch (e) { /* private mode: keep it for this page only */ }
      }
      function showHistory(step) {
        const target = historyAt + step;
        if (target < 0 || target > history.length) return;
        if (historyAt === history.length) draft = input.value;
        historyAt = target;
        setInput(target === history.length ? draft : history[target]);
      }

      function setInput(text) {
        input.value = text;
        input.setSelectionRange(text.length, text.length);
        fitInput();
      }
      function fitInput() { input.rows = Math.min(10, Math.max(2, input.value.split("\n").length)); }

      // ---- Running statements.
      let running = false;
      function shareLink(text) { return location.origin + "/?q=" + encodeURIComponent(text); }

      function newEntry(text) {
        welcome.hidden = true;
        const entry = el("article", "entry");
        const head = el("div", "entry-head");
        const echo = el("pre", "echo");
        echo.append(el("span", "prompt", "?- "), document.createTextNode(text));
        const actions = el("div", "entry-actions");
        const share = el("a", "share", "Share");
        share.href = shareLink(text);
        share.title = "A link that opens the page with this statement and runs it";
        share.addEventListener("click", (event) => {
          if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
          if (!navigator.clipboard) return;
          event.preventDefault();
          navigator.clipboard.writeText(share.href).then(
            () => say("Link copied. It opens the page and runs: " + text),
            () => say("Copy this link to share the statement: " + share.href));
        });
        const edit = el("button", "link", "Edit");
        edit.type = "button";
        edit.addEventListener("click", () => { setInput(text); input.focus(); });
        actions.append(share, edit);
        head.append(echo, actions);
        const body = el("div", "entry-body");
        body.append(el("p", "pending", "Running…"));
        entry.append(head, body);
        log.append(entry);
        return body;
      }

      function problem(body, text) {
        body.replaceChildren(Render.diagnostic("error: " + text, ""));
        say("Error: " + text);
      }

      // Runs `raw`; the input is emptied when it held this text (the history keeps it),
      // unless `keep` (a shared link leaves its statement there to edit).
      async function run(raw, keep) {
        const text = String(raw).replace(/\s+$/, "");
        if (!text.trim()) { say("Type a statement first, for example factor(F, limiting)."); return; }
        if (running) { say("Still running the last statement."); return; }
        running = true;
        runButton.disabled = true;
        document.body.classList.add("busy");
        say("Running…");
        remember(text);
        if (!keep && input.value.replace(/\s+$/, "") === text) setInput("");
        const body = newEntry(text);
        body.closest(".entry").scrollIntoView({ block: "nearest" });
        try {
          const request = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ input: text }) };
          let response = await api("/api/run", request);
          if (response.status === 429) {
            const wait = Math.min(5, Math.max(1, Number(response.headers.get("Retry-After")) || 1));
            say("The server is busy; trying again in " + wait + " s.");
            await pause(wait);
            response = await api("/api/run", request);
          }
          const answer = await response.json().catch(() => null);
          if (response.status === 413) problem(body, "The input is too long for the server.");
          else if (!response.ok || !answer || !Array.isArray(answer.results)) {
            problem(body, (answer && answer.error) || "The server answered " + response.status + ".");
          } else {
            body.replaceChildren(...answer.results.map((obj) => Render.result(obj, text, { run: (t) => run(t) })));
            if (answer.results.length === 0) body.append(el("p", "note", "Nothing to run."));
            say(answer.results.map(Render.summary).join("; ") || "Nothing to run.");
          }
        } catch (error) {
          problem(body, "Could not reach the server (" + error.message + ").");
        } finally {
          running = false;
          runButton.disabled = false;
          document.body.classList.remove("busy");
          const entry = body.closest(".entry");
          if (entry.getBoundingClientRect().top < 0 || entry.getBoundingClientRect().top > window.innerHeight) {
            entry.scrollIntoView({ block: "start" });
          }
        }
      }

      // ---- Tab completion: the word before the caret, completed from /api/complete.
      let cycle = null;
      let asked = 0;
      let fruitless = null;
      function wordBeforeCaret() {
        const at = input.selectionStart;
        if (at !== input.selectionEnd) return null;
        const before = input.value.slice(0, at);
        let word = /:?[\p{L}\p{N}_]*$/u.exec(before)[0];
        if (word.startsWith(":") && at > word.length && !/\s/.test(before[at - word.length - 1])) word = word.slice(1);
        return word ? { start: at - word.length, end: at, word } : null;
      }
      function put(start, end, text) {
        input.setRangeText(text, start, end, "end");
        fitInput();
      }
      function showChoices(words, active) {
        choiceList.replaceChildren(...words.map((word, i) => {
          const li = el("li", i === active ? "active" : "", word);
          li.id = "choice-" + i;
          li.setAttribute("role", "option");
          li.setAttribute("aria-selected", i === active ? "true" : "false");
          li.addEventListener("mousedown", (event) => event.preventDefault());
          li.addEventListener("click", () => {
            if (cycle) put(cycle.start, input.selectionStart, word);
            hideChoices();
            input.focus();
          });
          return li;
        }));
        choiceList.hidden = false;
        if (active >= 0) input.setAttribute("aria-activedescendant", "choice-" + active);
        else input.removeAttribute("aria-activedescendant");
      }
      function hideChoices() {
        choiceList.hidden = true;
        choiceList.replaceChildren();
        input.removeAttribute("aria-activedescendant");
        cycle = null;
      }
      function commonPrefix(words) {
        let prefix = words[0];
        for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
        return prefix;
      }
      function step(backwards) {
        const n = cycle.words.length;
        cycle.index = backwards ? (cycle.index <= 0 ? n - 1 : cycle.index - 1) : (cycle.index + 1) % n;
        put(cycle.start, input.selectionStart, cycle.words[cycle.index]);
        cycle.end = input.selectionStart;
        showChoices(cycle.words, cycle.index);
      }
      // True when Tab was used for completion (the caller then keeps the focus in the input).
      function tab(backwards) {
        if (cycle && input.selectionStart === cycle.end && input.selectionEnd === cycle.end) {
          step(backwards);
          return true;
        }
        hideChoices();
        const found = wordBeforeCaret();
        if (!found) return false;
        // A second Tab after "nothing completes" moves the focus on, so Tab never traps it.
        if (fruitless && fruitless.end === found.end && fruitless.word === found.word && fruitless.text === input.value) {
          fruitless = null;
          return false;
        }
        fruitless = null;
        const ticket = ++asked;
        api("/api/complete?prefix=" + encodeURIComponent(found.word), { method: "GET" })
          .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
          .then((answer) => {
            if (ticket !== asked || input.selectionStart !== found.end || input.value.slice(found.start, found.end) !== found.word) return;
            const words = (answer.words || []).filter((w) => typeof w === "string" && w.startsWith(found.word));
            if (words.length === 0) {
              fruitless = { end: found.end, word: found.word, text: input.value };
              say("Nothing completes " + found.word + ".");
              return;
            }
            if (words.length === 1) {
              put(found.start, found.end, words[0]);
              say(words[0] === found.word ? found.word + " is complete." : "Completed to " + words[0] + ".");
              return;
            }
            const common = commonPrefix(words);
            put(found.start, found.end, common);
            cycle = { start: found.start, end: input.selectionStart, words, index: -1 };
            showChoices(words, -1);
            say(words.length + " completions; Tab again goes through them, Escape closes the list.");
          })
          .catch(() => say("Completion is not available right now."));
        return true;
      }

      // ---- Keys in the input.
      input.addEventListener("keydown", (event) => {
        if (event.isComposing || event.keyCode === 229) return;
        const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
        if (event.key === "Tab" && plain) {
          if (tab(event.shiftKey)) event.preventDefault();
          return;
        }
        if (event.key === "Escape" && !choiceList.hidden) {
          event.preventDefault();
          hideChoices();
          return;
        }
        if (event.key === "Shift") return;
        if (!choiceList.hidden && event.key !== "Enter") hideChoices();
        if (event.key === "Enter" && !event.shiftKey) {
          event.preventDefault();
          hideChoices();
          run(input.value);
          return;
        }
        const collapsed = input.selectionStart === input.selectionEnd;
        if (event.key === "ArrowUp" && plain && !event.shiftKey && collapsed &&
            !input.value.slice(0, input.selectionStart).includes("\n")) {
          event.preventDefault();
          showHistory(-1);
        } else if (event.key === "ArrowDown" && plain && !event.shiftKey && collapsed &&
            !input.value.slice(input.selectionEnd).includes("\n")) {
          event.preventDefault();
          showHistory(1);
        }
      });
      input.addEventListener("input", () => { if (cycle) hideChoices(); fitInput(); });
      input.addEventListener("blur", () => setTimeout(() => { if (document.activeElement !== input) hideChoices(); }, 150));
      $("composer").addEventListener("submit", (event) => { event.preventDefault(); run(input.value); input.focus(); });

      // ---- The ten-line tour (README.md).
      const TOUR = [
        ["factor(F, limiting).", "The limiting factors in the knowledge base."],
        ["unaddressed_limit(F).", "Which of them nothing addresses yet."],
        ["why_less_favoured(Reason, Claim).", "Why Ansan is less favoured to live in, and which claim says so."],
        ["qualified_claim(S), claim_text(S, T).", "The paper's claims that outside evidence qualifies."],
        [":why unaddressed_limit(crime_image).", "The proof, with the claims and sources behind it: open and fold its branches."],
        [":whynot addressed(crime_image).", "Which premise fails, rule by rule."],
        [":assume addresses(amenity_plan, lack_of_lifestyle_amenities).", "What if a plan addressed the lack of lifestyle amenities? An assumption, only for you."],
        [":diff", "What changes under that hypothesis: facts that appear and disappear."],
        [":list factor", "The clauses of factor, with their @source lines."],
        [":help", "Every command, with an example."],
      ];
      const tourPanel = $("tour");
      const tourButton = $("tour-button");
      let tourAt = 0;
      function showStep(i) {
        tourAt = Math.max(0, Math.min(TOUR.length - 1, i));
        const [statement, words] = TOUR[tourAt];
        $("tour-step").textContent = "Step " + (tourAt + 1) + " of " + TOUR.length;
        $("tour-text").textContent = words;
        $("tour-code").textContent = statement;
        $("tour-prev").disabled = tourAt === 0;
        $("tour-next").disabled = tourAt === TOUR.length - 1;
        setInput(statement);
      }
      function openTour() {
        tourPanel.hidden = false;
        tourButton.setAttribute("aria-expanded", "true");
        showStep(tourAt);
        $("tour-run").focus();
      }
      function closeTour() {
        tourPanel.hidden = true;
        tourButton.setAttribute("aria-expanded", "false");
        tourButton.focus();
      }
      tourButton.addEventListener("click", () => (tourPanel.hidden ? openTour() : closeTour()));
      $("welcome-tour").addEventListener("click", openTour);
      $("tour-prev").addEventListener("click", () => showStep(tourAt - 1));
      $("tour-next").addEventListener("click", () => showStep(tourAt + 1));
      $("tour-run").addEventListener("click", () => run(TOUR[tourAt][0]));
      $("tour-close").addEventListener("click", closeTour);
      tourPanel.addEventListener("keydown", (event) => { if (event.key === "Escape") closeTour(); });

      $("help-button").addEventListener("click", () => run(":help"));
      $("clear-button").addEventListener("click", () => {
        log.replaceChildren();
        welcome.hidden = false;
        say("Results cleared.");
        input.focus();
      });

      // ---- Start: a session (with the student's name when the server has exercises), and the
      // statement of a shared link (?q=...), which runs once the session is there.
      session = Classroom.boot({ api, startSession, say, input });
      session.catch((error) => {
        session = null;
        say("Could not start a session: " + error.message);
      });
      const shared = new URLSearchParams(location.search).get("q");
      if (shared) {
        setInput(shared);
        run(shared, true);
      } else if (window.matchMedia && window.matchMedia("(pointer: fine)").matches) {
        input.focus();
      }
      document.documentElement.dataset.ready = "true";
    })();
    """#
}
