extension PageAssets {
  /// The part of app.js that draws one statement's JSON result: answers as tables, proofs as
  /// folding trees, why-not reports, differences, pictures, messages and errors with a caret.
  /// Every text goes in through `textContent` or text nodes.
  static let pageRender = #"""
    "use strict";
    const Render = (() => {
      const ROWS_AT_ONCE = 200;

      function el(tag, cls, text) {
        const node = document.createElement(tag);
        if (cls) node.className = cls;
        if (text !== undefined && text !== null) node.textContent = String(text);
        return node;
      }
      function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
      function code(text, cls) { return el("code", cls || "", text); }
      function title(text) { return el("h3", "report-title", text); }
      function cellText(value) {
        if (typeof value === "string") return value;
        if (typeof value === "number") return String(value);
        return JSON.stringify(value);
      }

      // Characters as the server counts columns (grapheme clusters where the browser can tell).
      function characters(text) {
        if (typeof Intl !== "undefined" && Intl.Segmenter) {
          return Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (s) => s.segment);
        }
        return Array.from(text);
      }

      // "input:3:7: error: message [E110]" -> its parts; some headlines have no location.
      function parseHeadline(headline) {
        const text = String(headline);
        let m = /^(.*?):(\d+):(\d+): (error|warning): ([\s\S]*)$/.exec(text);
        const parts = m ? { line: +m[2], column: +m[3], severity: m[4], message: m[5] } : null;
        if (!parts) {
          m = /^(error|warning): ([\s\S]*)$/.exec(text);
          return m ? { severity: m[1], message: m[2] } : { severity: "error", message: text };
        }
        return parts;
      }

      // The line of the submitted text, and a caret under the column. The text before the column
      // is repeated invisibly, so the caret lines up under wide characters and tabs.
      function caretBlock(submitted, line, column) {
        const lines = String(submitted).split("\n");
        if (!(line >= 1 && line <= lines.length)) return null;
        const source = lines[line - 1].replace(/\r$/, "");
        const before = characters(source).slice(0, Math.max(0, column - 1)).join("");
        const gutter = String(line);
        const pre = el("pre", "source");
        pre.append(el("span", "gutter", gutter + " | "), document.createTextNode(source), "\n");
        const pad = el("span", "pad", before);
        pad.setAttribute("aria-hidden", "true");
        const caret = el("span", "caret", "^");
        caret.setAttribute("aria-label", "column " + column);
        pre.append(el("span", "gutter", " ".repeat(gutter.length) + " | "), pad, caret);
        return pre;
      }

      function diagnostic(headline, submitted) {
        const d = parseHeadline(headline);
        const box = el("div", d.severity === "warning" ? "diagnostic warning" : "diagnostic error");
        const head = el("p", "headline");
        const codeMatch = /\s*\[([EW]\d+)\]$/.exec(d.message);
        const message = codeMatch ? d.message.slice(0, codeMatch.index) : d.message;
        head.append(el("strong", "severity", d.severity === "warning" ? "Warning" : "Error"));
        if (d.line) head.append(el("span", "where", " line " + d.line + ", column " + d.column));
        head.append(document.createTextNode(": " + message));
        if (codeMatch) head.append(" ", el("span", "code-tag", codeMatch[1]));
        box.append(head);
        if (d.line) {
          const block = caretBlock(submitted, d.line, d.column);
          if (block) box.append(block);
        }
        return box;
      }

      function errorReport(obj, submitted) {
        const box = el("div", "errors");
        const list = Array.isArray(obj.errors) && obj.errors.length ? obj.errors : [obj.error];
        for (const headline of list) box.append(diagnostic(headline, submitted));
        return box;
      }

      function answerTable(obj) {
        const box = el("div", "answer");
        const vars = Array.isArray(obj.vars) ? obj.vars : [];
        const rows = Array.isArray(obj.rows) ? obj.rows : [];
        if (vars.length === 0 || rows.length === 0) {
          const yes = vars.length === 0 && rows.length > 0;
          box.append(el("p", yes ? "truth yes" : "truth no", yes ? "true." : "false."));
          if (vars.length > 0) box.append(el("p", "count", "no answers"));
          return box;
        }
        const wrap = el("div", "table-wrap");
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Answers to " + (obj.query || "the query"));
        const table = el("table", "answers");
        const headRow = el("tr");
        for (const name of vars) {
          const th = el("th", "", name);
          th.scope = "col";
          headRow.append(th);
        }
        const head = el("thead");
        head.append(headRow);
        table.append(head);
        const body = el("tbody");
        table.append(body);
        const addRows = (from, to) => {
          for (const row of rows.slice(from, to)) {
            const tr = el("tr");
            vars.forEach((_, i) => {
              const value = Array.isArray(row) ? row[i] : undefined;
              tr.append(el("td", typeof value === "number" ? "num" : "", cellText(value)));
            });
            body.append(tr);
          }
        };
        addRows(0, ROWS_AT_ONCE);
        wrap.append(table);
        box.append(wrap);
        const count = el("p", "count", plural(rows.length, "answer", "answers"));
        box.append(count);
        if (rows.length > ROWS_AT_ONCE) {
          const more = el("button", "link", "Show all " + rows.length + " answers");
          more.type = "button";
          count.prepend("Showing " + ROWS_AT_ONCE + " of ");
          more.addEventListener("click", () => {
            addRows(ROWS_AT_ONCE, rows.length);
            count.textContent = plural(rows.length, "answer", "answers");
            more.remove();
          });
          box.append(more);
        }
        return box;
      }

      function tag(kind, label) { return el("span", "tag tag-" + kind, label); }

      function sourceLines(node, into) {
        if (node.source) {
          const p = el("p", "source-line");
          p.append(el("span", "label", "source: "), document.createTextNode(node.source));
          into.append(p);
        }
        if (node.note) {
          const p = el("p", "note-line");
          p.append(el("span", "label", "note: "), document.createTextNode(node.note));
          into.append(p);
        }
      }

      function proofNode(node, depth, actions) {
        const kind = node && typeof node.kind === "string" ? node.kind : "unknown";
        const li = el("li", "node node-" + kind);
        if (kind === "rule") {
          const details = el("details", "rule-node");
          details.open = depth < 2;
          const summary = el("summary");
          summary.append(code(node.atom, "atom"), " ", tag("rule", "rule " + (node.at || "")));
          details.append(summary);
          const list = el("ul", "tree");
          for (const premise of node.premises || []) list.append(proofNode(premise, depth + 1, actions));
          details.append(list);
          li.append(details);
        } else if (kind === "fact" || kind === "assumption") {
          const line = el("div", "leaf");
          line.append(code(node.atom, "atom"), " ", tag(kind, (kind === "fact" ? "fact " : "ASSUMPTION ") + (node.at || "")));
          li.append(line);
          sourceLines(node, li);
        } else if (kind === "absent") {
          const line = el("div", "leaf");
          line.append(code("not " + node.atom, "atom"), " ", tag("absent", "absent"));
          li.append(line);
        } else if (kind === "check" || kind === "aggregate") {
          const line = el("div", "leaf");
          line.append(code(node.text, "atom"), " ", tag(kind, kind));
          li.append(line);
        } else if (kind === "truncated") {
          const line = el("div", "leaf");
          line.append(code(node.atom, "atom"), " ", tag("truncated", "… deeper"), " ");
          const more = el("button", "link", "Explain this");
          more.type = "button";
          more.addEventListener("click", () => actions.run(":why " + node.atom + "."));
          line.append(more);
          li.append(line);
        } else {
          li.append(el("pre", "raw", JSON.stringify(node)));
        }
        return li;
      }

      function bindingsText(bindings) {
        const pairs = Object.entries(bindings || {}).map(([name, value]) => name + " = " + value);
        return pairs.join(", ");
      }

      function rulesUsed(rules, heading) {
        const details = el("details", "rules-used");
        details.open = true;
        details.append(el("summary", "", heading + " (" + rules.length + ")"));
        const list = el("ul", "rule-list");
        for (const rule of rules) {
          const li = el("li");
          li.append(el("span", "at", rule.at || ""), el("pre", "rule-text", rule.text || ""));
          sourceLines(rule, li);
          list.append(li);
        }
        details.append(list);
        return details;
      }

      function whyReport(obj, actions) {
        const box = el("div", "why");
        box.append(title("Why " + obj.why));
        const answers = Array.isArray(obj.answers) ? obj.answers : [];
        if (answers.length === 0) {
          box.append(el("p", "truth no", "No answers, so there is nothing to prove. :whynot tells what fails."));
        }
        answers.forEach((answer, i) => {
          const details = el("details", "proof");
          details.open = i === 0;
          const label = bindingsText(answer.bindings);
          details.append(el("summary", "proof-summary", label ? label : "The proof"));
          const tree = el("ul", "tree root");
          for (const node of answer.proofs || []) tree.append(proofNode(node, 0, actions));
          details.append(tree);
          box.append(details);
        });
        if (obj.omitted > 0) {
          box.append(el("p", "note", plural(obj.omitted, "more answer", "more answers") + " not shown (:set why_answers N shows more)."));
        }
        if (Array.isArray(obj.rules) && obj.rules.length) box.append(rulesUsed(obj.rules, "Rules used"));
        return box;
      }

      function whynotReport(obj) {
        const box = el("div", "whynot");
        box.append(title(obj.whynot + (obj.holds ? " holds." : " does not hold.")));
        if (obj.holds) box.append(el("p", "note", "It holds: :why shows its proof."));
        const rules = Array.isArray(obj.rules) ? obj.rules : [];
        if (!obj.holds && rules.length === 0) box.append(el("p", "note", "No rule can derive it, and no stored fact matches."));
        for (const rule of rules) {
          const card = el("div", "rule-card");
          const head = el("p", "rule-head");
          head.append(el("span", "label", "rule "), el("span", "at", rule.at || ""));
          card.append(head, el("pre", "rule-text", rule.text || ""));
          if (rule.head_mismatch) card.append(el("p", "reason", "The head cannot match: " + rule.head_mismatch));
          const bound = bindingsText(rule.bindings);
          if (bound) card.append(el("p", "with", "with " + bound));
          if (rule.fails_at) {
            const p = el("p", "fails");
            p.append(el("span", "label", "fails at: "), code(rule.fails_at, "atom"));
            card.append(p);
          }
          if (rule.reason) card.append(el("p", "reason", "because " + rule.reason));
          box.append(card);
        }
        const closest = Array.isArray(obj.closest) ? obj.closest : [];
        if (closest.length) {
          box.append(el("p", "label", "Closest facts (one argument different):"));
          const list = el("ul", "fact-list");
          for (const fact of closest) {
            const li = el("li");
            li.append(code(fact, "atom"));
            list.append(li);
          }
          box.append(list);
        }
        return box;
      }

      function diffReport(obj) {
        const box = el("div", "diff");
        const appear = Array.isArray(obj.appear) ? obj.appear : [];
        const disappear = Array.isArray(obj.disappear) ? obj.disappear : [];
        if (!appear.length && !disappear.length) {
          box.append(el("p", "note", "Nothing changes under the assumptions."));
          return box;
        }
        for (const [facts, sign, heading] of [[appear, "+", "Appear"], [disappear, "−", "Disappear"]]) {
          if (!facts.length) continue;
          box.append(el("h3", "report-title", heading + " (" + facts.length + ")"));
          const list = el("ul", "fact-list " + (sign === "+" ? "added" : "removed"));
          for (const fact of facts) {
            const li = el("li");
            li.append(el("span", "sign", sign + " "), code(fact, "atom"));
            list.append(li);
          }
          box.append(list);
        }
        return box;
      }

      function graphReport(obj) {
        const box = el("div", "graph");
        if (obj.format === "svg") {
          const url = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(obj.graph);
          const frame = el("div", "picture");
          frame.tabIndex = 0;
          frame.setAttribute("role", "region");
          frame.setAttribute("aria-label", "Picture");
          const img = el("img");
          img.src = url;
          img.alt = "The graph drawn by :graph";
          frame.append(img);
          const save = el("a", "link", "Save the picture (SVG)");
          save.href = url;
          save.download = "valley-graph.svg";
          box.append(frame, save);
        } else {
          box.append(el("p", "note", "Graphviz is not installed on the server, so here is the graph as DOT text:"));
          box.append(el("pre", "message", obj.graph));
        }
        return box;
      }

      function result(obj, submitted, actions) {
        let node;
        if (!obj || typeof obj !== "object") node = el("pre", "raw", JSON.stringify(obj));
        else if ("error" in obj) node = errorReport(obj, submitted);
        else if ("query" in obj) node = answerTable(obj);
        else if ("why" in obj) node = whyReport(obj, actions);
        else if ("whynot" in obj) node = whynotReport(obj);
        else if ("appear" in obj || "disappear" in obj) node = diffReport(obj);
        else if ("graph" in obj) node = graphReport(obj);
        else if ("message" in obj) node = el("pre", "message", obj.message);
        else node = el("pre", "raw", JSON.stringify(obj));
        const box = el("div", "result");
        if (obj && Array.isArray(obj.warnings)) {
          for (const warning of obj.warnings) box.append(diagnostic(warning, submitted));
        }
        box.append(node);
        return box;
      }

      // A few words for the live region.
      function summary(obj) {
        if (!obj || typeof obj !== "object") return "done";
        if ("error" in obj) return "Error: " + parseHeadline(obj.error).message;
        if ("query" in obj) {
          const rows = Array.isArray(obj.rows) ? obj.rows.length : 0;
          if (!obj.vars || obj.vars.length === 0) return rows ? "true" : "false";
          return rows ? plural(rows, "answer", "answers") : "false, no answers";
        }
        if ("why" in obj) return "proofs for " + plural((obj.answers || []).length, "answer", "answers");
        if ("whynot" in obj) return obj.whynot + (obj.holds ? " holds" : " does not hold");
        if ("appear" in obj) return (obj.appear || []).length + " appear, " + (obj.disappear || []).length + " disappear";
        if ("graph" in obj) return "a picture";
        if ("message" in obj) return String(obj.message).split("\n")[0];
        return "done";
      }

      return { el, result, summary, diagnostic };
    })();
    """#
}
