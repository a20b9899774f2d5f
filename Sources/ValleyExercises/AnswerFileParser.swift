import ValleyEngine

/// One student's answer to one exercise: `@answer ID` and the statements after it.
public struct Answer: Sendable {
  /// The exercise answered.
  public var exerciseID: String
  /// The id on the `@answer` line.
  public var idSpan: SourceSpan
  /// The student's clauses and final query.
  public var block: StatementBlock
  /// Problems found while splitting the statements (they make the answer an error).
  public var diagnostics: [Diagnostic]
}

/// An answer file: every answer of one student, for batch grading.
public struct AnswerSheet: Sendable {
  /// The file's name as given.
  public var name: String
  /// The student, as grading shows it: the file name without folder and extension.
  public var student: String
  /// The answers, in file order.
  public var answers: [Answer]
  /// The file's text, registered for diagnostics (nil when it could not be read).
  public var file: SourceFile?
  /// The files diagnostics point into.
  public var sources: SourceRegistry
  /// Problems with the file as a whole (unreadable, text before the first `@answer`).
  public var diagnostics: [Diagnostic]

  /// The answers to one exercise (more than one is an error).
  public func answers(to id: String) -> [Answer] {
    answers.filter { $0.exerciseID == id }
  }

  /// The student name for a file path: the last path component without its extension.
  public static func studentName(for path: String) -> String {
    let base = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
    return String(base[..<dot])
  }
}

/// Reads answer files (`@answer ID` followed by statements; see docs/exercises.md).
///
/// An answer runs from its `@answer` line to the next line that starts with `@answer`. Its
/// statements follow the same rule as a solution: the last one is the query that is checked,
/// the ones before it are clauses (plain, or with `:assert`).
public enum AnswerFileParser {
  /// Reads and parses the file at `path` through `loader`.
  public static func load(_ path: String, loader: SourceLoader) -> AnswerSheet {
    switch loader.readText(path, help: false) {
    case .success(let text):
      return parse(text: text, name: path)
    case .failure(let diagnostic):
      return AnswerSheet(
        name: path, student: AnswerSheet.studentName(for: path), answers: [], file: nil,
        sources: SourceRegistry(), diagnostics: [diagnostic])
    }
  }

  /// Parses the text of an answer file named `name`.
  public static func parse(text: String, name: String) -> AnswerSheet {
    var sources = SourceRegistry()
    let file = sources.add(name: name, text: text)
    let (leading, segments) = DirectiveScanner.scan(Lexer.tokenize(file)) { $0 == "answer" }
    var diagnostics: [Diagnostic] = []
    if let first = leading.first, let last = leading.last {
      diagnostics.append(
        .error(
          ExerciseCode.textBeforeAnswer, "unexpected text before the first @answer",
          at: first.span.merged(with: last.span),
          help: "start each answer with @answer ID, the id of the exercise"))
    }
    var answers: [Answer] = []
    for segment in segments {
      guard let id = DirectiveScanner.id(in: segment.arguments, of: file),
        id.count == segment.arguments.count
      else {
        diagnostics.append(
          .error(
            ExerciseCode.badArgument, "@answer takes the id of one exercise",
            at: segment.arguments.first?.span ?? segment.token.span, help: "write @answer b1"))
        continue
      }
      let (block, problems) = StatementBlock.split(segment.body, in: file, role: "answer")
      answers.append(Answer(exerciseID: id.text, idSpan: id.span, block: block, diagnostics: problems))
    }
    return AnswerSheet(
      name: name, student: AnswerSheet.studentName(for: name), answers: answers, file: file,
      sources: sources, diagnostics: diagnostics)
  }
}
