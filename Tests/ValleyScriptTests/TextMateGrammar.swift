import Foundation

/// A small reader of TextMate grammars, enough to test Valley's: `match` rules with
/// `captures`, `begin`/`end` rules with inner `patterns`, and `include` of the repository.
///
/// At each position it takes the rule whose match starts first (the earlier rule on a tie; a
/// `begin`/`end` rule's end wins a tie with its inner rules), as TextMate does.
struct TextMateGrammar {
  /// A compiled rule.
  indirect enum Rule {
    case match(NSRegularExpression, scope: String?)
    case span(begin: NSRegularExpression, end: NSRegularExpression, scope: String?, inner: [Rule])
  }

  /// The rules open at the end of the last line (for comments that span lines).
  struct State {
    var open: [(end: NSRegularExpression, scope: String?, inner: [Rule])] = []
  }

  /// A piece of a line and the scopes it is in, outermost first.
  struct Token {
    var text: String
    var scopes: [String]
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The grammar file's JSON.
  let json: [String: Any]
  /// The top-level rules.
  let rules: [Rule]
  /// How many patterns were compiled.
  private(set) var patternCount = 0

  init(contentsOf path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw Failure(description: "the grammar is not a JSON object")
    }
    self.json = json
    let repository = json["repository"] as? [String: Any] ?? [:]
    var count = 0
    rules = try Self.compile(json["patterns"] as? [Any] ?? [], repository: repository, count: &count)
    patternCount = count
  }

  private static func regex(_ pattern: Any?, _ count: inout Int) throws -> NSRegularExpression {
    guard let pattern = pattern as? String else { throw Failure(description: "a pattern is not a string") }
    count += 1
    do {
      return try NSRegularExpression(pattern: pattern)
    } catch {
      throw Failure(description: "pattern does not compile: \(pattern)")
    }
  }

  private static func compile(_ patterns: [Any], repository: [String: Any], count: inout Int) throws -> [Rule] {
    var rules: [Rule] = []
    for case let pattern as [String: Any] in patterns {
      rules += try compile(rule: pattern, repository: repository, count: &count)
    }
    return rules
  }

  private static func compile(rule: [String: Any], repository: [String: Any], count: inout Int) throws -> [Rule] {
    if let include = rule["include"] as? String {
      guard include.hasPrefix("#"), let target = repository[String(include.dropFirst())] as? [String: Any] else {
        throw Failure(description: "unknown include \(include)")
      }
      return try compile(rule: target, repository: repository, count: &count)
    }
    let scope = rule["name"] as? String
    if let match = rule["match"] {
      return [.match(try regex(match, &count), scope: scope)]
    }
    if let begin = rule["begin"] {
      let inner = try compile(rule["patterns"] as? [Any] ?? [], repository: repository, count: &count)
      return [.span(begin: try regex(begin, &count), end: try regex(rule["end"], &count), scope: scope, inner: inner)]
    }
    return try compile(rule["patterns"] as? [Any] ?? [], repository: repository, count: &count)
  }

  /// Splits `line` into tokens with their scopes; `state` carries open rules to the next line.
  func tokenize(_ line: String, state: inout State) -> [Token] {
    let text = line as NSString
    var tokens: [Token] = []
    var position = 0
    let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]
    func find(_ regex: NSRegularExpression) -> NSRange? {
      let range = NSRange(location: position, length: text.length - position)
      return regex.firstMatch(in: line, options: options, range: range)?.range
    }
    func emit(_ range: NSRange, _ extra: String?) {
      guard range.length > 0 else { return }
      let scopes = state.open.compactMap(\.scope) + (extra.map { [$0] } ?? [])
      tokens.append(Token(text: text.substring(with: range), scopes: scopes))
    }
    // Each turn either moves past a match of some length or closes an open rule, so it ends.
    while true {
      var best: (range: NSRange, rule: Rule?)?
      if let end = state.open.last?.end, let range = find(end) { best = (range, nil) }
      for rule in state.open.last?.inner ?? rules {
        let regex: NSRegularExpression
        switch rule {
        case .match(let r, _): regex = r
        case .span(let r, _, _, _): regex = r
        }
        guard let range = find(regex), range.length > 0 else { continue }
        if let current = best, current.range.location <= range.location { continue }
        best = (range, rule)
      }
      guard let (range, rule) = best else {
        emit(NSRange(location: position, length: text.length - position), nil)
        return tokens
      }
      emit(NSRange(location: position, length: range.location - position), nil)
      switch rule {
      case nil:
        let scope = state.open.last?.scope
        emit(range, scope)
        state.open.removeLast()
      case .match(_, let scope):
        emit(range, scope)
      case .span(_, let end, let scope, let inner):
        state.open.append((end, scope, inner))
        emit(range, nil)
      }
      position = range.location + range.length
    }
  }
}
