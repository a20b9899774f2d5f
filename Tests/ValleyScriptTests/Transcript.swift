import ValleyEngine

/// Runs a script in a session and records what a user would see: each statement echoed as
/// `?- text`, then its standard output and standard error in order.
enum Transcript {
  static func record(
    script: String, name: String, directory: String?, session: Session, format: OutputFormat = .table
  ) -> String {
    session.format = format
    var out = ""
    session.runScript(
      text: script, name: name, directory: directory,
      echo: { statement in
        var text = Substring(statement)
        if text.hasPrefix("?-") { text = text.dropFirst(2).drop { $0 == " " } }
        out +=
          "?- "
          + text.split(separator: "\n", omittingEmptySubsequences: false)
          .joined(separator: "\n   ") + "\n"
      },
      emit: { output in
        let rendered = OutputRenderer(format: session.format, sources: session.sources).render(output)
        out += rendered.stdout + rendered.stderr
      })
    return out
  }
}
