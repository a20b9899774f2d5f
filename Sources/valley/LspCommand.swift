import ArgumentParser
import ValleyLanguageServer

extension ValleyCommand {
  /// `valley lsp`: the language server for editors, over standard input and output.
  struct Lsp: ValleySubcommand {
    static let configuration = CommandConfiguration(
      commandName: "lsp",
      abstract: "Serve the Language Server Protocol over standard input and output (see docs/editors.md).",
      discussion: """
        Editors start it: it checks .kb and .q files as you type (the engine's diagnostics), \
        and answers hover, definition, references, rename, completion, outline, semantic \
        colouring and quick fixes. The workspace's .kb files are read from disk.
        """)

    func execute() -> Int32 {
      StandardIOServer.run()
    }
  }
}
