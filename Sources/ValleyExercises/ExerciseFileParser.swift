import ValleyEngine

/// Reads exercise files (`*.q` with `@exercise` directives; see docs/exercises.md).
///
/// The file is read with Valley's own lexer, so quoted text, escapes and comments work as in
/// knowledge files. Every problem is reported with its line and column; the parser never stops
/// at the first one.
public enum ExerciseFileParser {
  /// The directives of an exercise file.
  static let directives = ["exercise", "prompt", "hint", "knowledge", "solution", "reveal", "credit"]
  /// What `@reveal` may name.
  static let revealable = ["missing", "whynot"]

  /// Reads and parses the file at `path` through `loader` (named `path` in messages).
  public static func load(_ path: String, loader: SourceLoader) -> ExerciseSet {
    switch loader.readText(path, help: false) {
    case .success(let text):
      return parse(text: text, name: path)
    case .failure(let diagnostic):
      return ExerciseSet(
        name: path, exercises: [], file: nil, sources: SourceRegistry(), diagnostics: [diagnostic])
    }
  }

  /// Parses the text of an exercise file named `name`.
  public static func parse(text: String, name: String) -> ExerciseSet {
    var sources = SourceRegistry()
    let file = sources.add(name: name, text: text)
    let tokens = Lexer.tokenize(file)
    let (leading, segments) = DirectiveScanner.scan(tokens) { _ in true }
    var diagnostics: [Diagnostic] = []
    var exercises: [Exercise] = []
    var solutionRanges: [SourceSpan] = []
    diagnostics += stray(leading, before: "the first @exercise")

    for segment in segments {
      let span = segment.token.span
      guard directives.contains(segment.name) else {
        let suggestion = Suggestions.closest(to: segment.name, among: directives)
        diagnostics.append(
          .error(
            ExerciseCode.unknownDirective, "unknown directive '@\(segment.name)'", at: span,
            help: suggestion.map { "did you mean '@\($0)'?" }
              ?? "the directives are " + directives.map { "@" + $0 }.joined(separator: ", ")))
        diagnostics += stray(segment.body, before: "the next directive")
        continue
      }
      if segment.name == "exercise" {
        diagnostics += stray(segment.body, before: "the first directive of the exercise")
        if let exercise = parseHeader(segment, in: file, diagnostics: &diagnostics) {
          exercises.append(exercise)
        }
        continue
      }
      guard var exercise = exercises.popLast() else {
        diagnostics.append(
          .error(
            ExerciseCode.directiveOutsideExercise, "@\(segment.name) comes before the first @exercise",
            at: span, help: "start each exercise with @exercise ID \"Title\""))
        if segment.name != "solution" { diagnostics += stray(segment.body, before: "the next directive") }
        continue
      }
      defer { exercises.append(exercise) }
      if segment.name == "solution" {
        let statements = segment.arguments + segment.body
        if let last = statements.last {
          solutionRanges.append(span.merged(with: last.span))
        }
        if exercise.solutionSpan != nil {
          diagnostics.append(
            .error(
              ExerciseCode.secondSolution, "exercise \(exercise.id) has a second @solution", at: span,
              notes: exercise.solutionSpan.map { [Diagnostic.Note("the first is here", at: $0)] } ?? [],
              help: "put every clause and the final query in one @solution block"))
          continue
        }
        exercise.solutionSpan = span
        exercise.solutionHasStatements = !statements.isEmpty
        let (block, problems) = StatementBlock.split(statements, in: file, role: "solution")
        diagnostics += problems
        exercise.solution = block
        continue
      }
      diagnostics += stray(segment.body, before: "the next directive")
      switch segment.name {
      case "prompt":
        if let text = quoted(segment, what: "the prompt", diagnostics: &diagnostics) {
          exercise.prompt = exercise.hasPrompt ? exercise.prompt + "\n" + text : text
          exercise.hasPrompt = true
        }
      case "hint":
        if let text = quoted(segment, what: "the hint", diagnostics: &diagnostics) {
          exercise.hints.append(text)
        }
      case "knowledge":
        if let path = quoted(segment, what: "a knowledge file name", diagnostics: &diagnostics) {
          exercise.knowledgeFiles.append(PathJoin.resolve(path, against: PathJoin.directory(of: name)))
        }
      case "credit":
        if segment.arguments.count == 1, let word = segment.arguments[0].nameText, word == "partial" || word == "full" {
          exercise.partialCredit = word == "partial"
        } else {
          diagnostics.append(
            .error(
              ExerciseCode.badArgument, "@credit takes one word: partial or full",
              at: segment.arguments.first?.span ?? span,
              help: "write '@credit partial' to give part of the credit for a partly right answer"))
        }
      default:  // reveal
        let words = segment.arguments.map { $0.nameText ?? "" }
        if !words.isEmpty, words.allSatisfy(revealable.contains) {
          if words.contains("missing") { exercise.revealMissing = true }
          if words.contains("whynot") { exercise.revealWhyNot = true }
        } else {
          let bad = segment.arguments.first { !revealable.contains($0.nameText ?? "") }
          diagnostics.append(
            .error(
              ExerciseCode.badArgument, "@reveal takes the words missing and whynot",
              at: bad?.span ?? span,
              help: "write '@reveal missing' to show examples of missing rows, '@reveal whynot' to explain one"))
        }
      }
    }
    diagnostics += completeness(exercises, name: name)
    var set = ExerciseSet(
      name: name, exercises: exercises, file: file, sources: sources,
      diagnostics: diagnostics.inSourceOrder())
    set.solutionRanges = solutionRanges
    return set
  }

  /// `@exercise ID "Title"`.
  private static func parseHeader(
    _ segment: DirectiveScanner.Segment, in file: SourceFile, diagnostics: inout [Diagnostic]
  ) -> Exercise? {
    if let bad = segment.arguments.compactMap(DirectiveScanner.invalid).first {
      diagnostics.append(bad)
      return nil
    }
    guard let id = DirectiveScanner.id(in: segment.arguments, of: file) else {
      diagnostics.append(
        .error(
          ExerciseCode.badArgument, "@exercise needs an id and a title",
          at: segment.arguments.first?.span ?? segment.token.span,
          help: "write @exercise b1 \"Success factors\""))
      return nil
    }
    guard DirectiveScanner.isValidID(id.text) else {
      diagnostics.append(
        .error(
          ExerciseCode.badArgument, "'\(id.text)' is not a usable exercise id", at: id.span,
          help: "an id is made of letters, digits, '_', '-' and '.'"))
      return nil
    }
    let rest = segment.arguments.dropFirst(id.count)
    guard let titleToken = rest.first, case .string(let title) = titleToken.kind else {
      diagnostics.append(
        .error(
          ExerciseCode.badArgument, "@exercise \(id.text) needs a title in quotes",
          at: rest.first?.span ?? id.span, help: "write @exercise \(id.text) \"Title\""))
      return nil
    }
    if rest.count > 1 {
      diagnostics.append(
        .error(
          ExerciseCode.badArgument, "unexpected text after the exercise's title",
          at: rest[rest.startIndex + 1].span.merged(with: rest[rest.endIndex - 1].span)))
    }
    return Exercise(id: id.text, title: title, idSpan: id.span)
  }

  /// The one quoted argument of a directive.
  private static func quoted(
    _ segment: DirectiveScanner.Segment, what: String, diagnostics: inout [Diagnostic]
  ) -> String? {
    if let bad = segment.arguments.compactMap(DirectiveScanner.invalid).first {
      diagnostics.append(bad)
      return nil
    }
    guard segment.arguments.count == 1, case .string(let text) = segment.arguments[0].kind else {
      diagnostics.append(
        .error(
          ExerciseCode.badArgument, "@\(segment.name) takes \(what) in quotes",
          at: segment.arguments.first.map { $0.span.merged(with: segment.arguments[segment.arguments.count - 1].span) }
            ?? segment.token.span,
          help: "write @\(segment.name) \"...\" on one line; use \\n for a line break"))
      return nil
    }
    return text
  }

  /// Tokens where only directives and comments may stand.
  private static func stray(_ tokens: [Token], before: String) -> [Diagnostic] {
    guard let first = tokens.first, let last = tokens.last else { return [] }
    if let bad = tokens.compactMap(DirectiveScanner.invalid).first { return [bad] }
    return [
      .error(
        ExerciseCode.unexpectedText, "unexpected text before \(before)",
        at: first.span.merged(with: last.span),
        help: "statements belong in a @solution block; comments start with %")
    ]
  }

  /// Prompts, solutions, hints and unique ids.
  private static func completeness(_ exercises: [Exercise], name: String) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if exercises.isEmpty {
      diagnostics.append(
        .error(
          ExerciseCode.noExercises, "'\(name)' has no exercises", at: nil,
          help: "start an exercise with @exercise ID \"Title\""))
    }
    var firstSeen: [String: SourceSpan] = [:]
    for exercise in exercises {
      if let first = firstSeen[exercise.id] {
        diagnostics.append(
          .error(
            ExerciseCode.duplicateID, "exercise id '\(exercise.id)' is used twice", at: exercise.idSpan,
            notes: [Diagnostic.Note("first used here", at: first)], help: "give every exercise its own id"))
      } else {
        firstSeen[exercise.id] = exercise.idSpan
      }
      if !exercise.hasPrompt {
        diagnostics.append(
          .error(
            ExerciseCode.missingPrompt, "exercise \(exercise.id) has no @prompt", at: exercise.idSpan,
            help: "add @prompt \"what the student should find\""))
      }
      if !exercise.solutionHasStatements {
        diagnostics.append(
          .error(
            ExerciseCode.missingSolution,
            exercise.solutionSpan == nil
              ? "exercise \(exercise.id) has no @solution" : "the @solution of exercise \(exercise.id) is empty",
            at: exercise.solutionSpan ?? exercise.idSpan,
            help: "add @solution followed by the reference query on the next lines"))
      }
      if exercise.hints.isEmpty {
        diagnostics.append(
          .warning(
            ExerciseCode.noHints, "exercise \(exercise.id) has no @hint", at: exercise.idSpan,
            help: "students who are stuck get nothing from :hint"))
      }
    }
    return diagnostics
  }
}
