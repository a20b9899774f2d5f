/// Collects the diagnostics of one phase or one statement, in the order they were found.
public struct DiagnosticLog: Sendable {
  /// Everything logged so far.
  public private(set) var diagnostics: [Diagnostic] = []

  /// Creates an empty log.
  public init() {}

  /// Adds one diagnostic.
  public mutating func add(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// Adds several diagnostics.
  public mutating func add(contentsOf more: [Diagnostic]) {
    diagnostics.append(contentsOf: more)
  }

  /// Whether any error (not warning) was logged.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// The number of errors logged.
  public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

  /// The diagnostics sorted by file, position, then severity, without exact duplicates.
  public func sorted() -> [Diagnostic] {
    var seen = Set<Diagnostic>()
    let unique = diagnostics.filter { seen.insert($0).inserted }
    return unique.enumerated().sorted { a, b in
      let sa = a.element.span
      let sb = b.element.span
      let ka = (sa?.file ?? Int.max, sa?.start ?? Int.max, a.element.severity)
      let kb = (sb?.file ?? Int.max, sb?.start ?? Int.max, b.element.severity)
      if ka.0 != kb.0 { return ka.0 < kb.0 }
      if ka.1 != kb.1 { return ka.1 < kb.1 }
      if ka.2 != kb.2 { return ka.2 < kb.2 }
      return a.offset < b.offset
    }.map(\.element)
  }
}

extension DiagnosticLog {
  /// Diagnostics by file and position, errors before warnings at the same place.
  public static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var log = DiagnosticLog()
    log.add(contentsOf: diagnostics)
    return log.sorted()
  }
}
