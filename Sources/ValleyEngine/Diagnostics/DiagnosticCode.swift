// swift-format-ignore-file: AlwaysUseLowerCamelCase
// Codes are named as they are printed (E201), not in lower camel case.

/// Every diagnostic code Valley gives, with its meaning: the one catalogue.
///
/// A diagnostic is made from a case of this enum, so the compiler checks that every code
/// used exists, and docs/language.md lists exactly these codes (a test compares them).
/// Codes never change meaning once published; a code no longer given stays, marked retired,
/// so it is never reused. E1xx syntax, E2xx checks, E3xx stratification, E4xx evaluation,
/// E5xx commands and files, E6xx exercises, E7xx tables, E8xx export; W for warnings.
public enum DiagnosticCode: String, CaseIterable, Sendable {
  case E100
  case E101
  case E102
  case E103
  case E104
  case E105
  case E106
  case E108
  case E110
  case E111
  case E112
  case E113
  case E114
  case E115
  case E201
  case E202
  case E203
  case E204
  case E205
  case E206
  case E207
  case E301
  case E302
  case E401
  case E402
  case E403
  case E404
  case E405
  case E406
  case E501
  case E502
  case E503
  case E504
  case E505
  case E506
  case E507
  case E508
  case E509
  case E510
  case E511
  case E512
  case E513
  case E514
  case E515
  case E516
  case E517
  case E518
  case E519
  case E520
  case E521
  case E522
  case E523
  case E524
  case E525
  case E526
  case E527
  case E528
  case E529
  case E530
  case E601
  case E602
  case E603
  case E604
  case E605
  case E606
  case E607
  case E608
  case E609
  case E610
  case E611
  case E612
  case E613
  case E614
  case E615
  case E616
  case E617
  case E618
  case E619
  case E701
  case E702
  case E703
  case E704
  case E705
  case E706
  case E801
  case E802
  case W101
  case W102
  case W501
  case W502
  case W601
  case W602
  case W603
  case W604

  /// Whether the code is a warning's (W) rather than an error's (E).
  public var isWarning: Bool { rawValue.hasPrefix("W") }

  /// What the code means, in Markdown (as docs/language.md shows it).
  public var meaning: String {
    switch self {
    case .E100: "unexpected end of input (the statement is unfinished)"
    case .E101: "unexpected character"
    case .E102: "number literal out of range"
    case .E103: "bad quoted text: unterminated, or an unknown escape"
    case .E104: "unterminated block comment"
    case .E105: "nesting deeper than 1,000 levels"
    case .E106: "unknown annotation"
    case .E108: "file is not valid UTF-8"
    case .E110: "expected one thing, found another"
    case .E111: "a predicate name that starts with an upper-case letter"
    case .E112: "empty parentheses"
    case .E113: "a predicate compared as if it were a value"
    case .E114: "a compound term (`f(x)` as a value)"
    case .E115: "a query or command inside a knowledge file"
    case .E201: "one predicate used with two arities"
    case .E202: "unknown predicate"
    case .E203: "unbound variable (safety)"
    case .E204: "predicate declared twice"
    case .E205: "`_` in a rule head"
    case .E206: "`_` where a value is needed"
    case .E207: "an aggregate's result is also a variable inside it, bound nowhere else"
    case .E301: "negation inside a recursive cycle"
    case .E302: "aggregate inside a recursive cycle"
    case .E401: "arithmetic error: overflow, division by zero, non-finite result, arithmetic on a symbol"
    case .E402: "`sum` over a symbol"
    case .E403: "derived-fact cap reached (by rules, by a query's answers or by an aggregate's tuples)"
    case .E404: "time limit reached"
    case .E405: "interrupted"
    case .E406: "(no longer used: provenance has no limit)"
    case .E501: "unknown command"
    case .E502: "unexpected text after a command"
    case .E503: "`:load` without a file name"
    case .E504: "unknown format"
    case .E505: "a file that does not exist"
    case .E506: "a file name that names a folder"
    case .E507: "a file that cannot be read"
    case .E508: "`:retract` of something that is not a fact"
    case .E509: "`:retract` of a derived fact"
    case .E510: "`:retract` of a fact that is not stored"
    case .E511: "(no longer used: explanations are available)"
    case .E512: "unknown `:set` option"
    case .E513: "a bad value for a `:set` option"
    case .E514: "no help on a topic"
    case .E515: "the knowledge folder cannot be read"
    case .E516: "(no longer used: provenance is always kept)"
    case .E517: "`:whynot` without a ground goal"
    case .E518: "`:assume not` of something that is not a fact with constant arguments"
    case .E519: "`:assume not` of a fact that is not stored"
    case .E520: "`:drop` of an assumption that does not exist"
    case .E521: "`:describe` without a predicate name"
    case .E522: "`:apropos` without a word"
    case .E523: "`:save` without a file name"
    case .E524: "a file that cannot be written (`:save`)"
    case .E525: "`:graph` usage"
    case .E526: "a predicate that `:graph edges` cannot draw"
    case .E527: "Graphviz failed"
    case .E529: "a statement that would read or write the server's files (`:load`, `:import`, `:reload`, `:save`)"
    case .E528: "`:import` usage"
    case .E530: "`valley fmt` would have changed what a file means (a bug; the file is left as it was)"
    case .E601: "text outside a `@solution` block that is not a directive or a comment"
    case .E602: "unknown directive"
    case .E603: "a directive before the first `@exercise`"
    case .E604: "a directive's argument is missing or malformed (id, quoted text, `missing`)"
    case .E605: "two exercises with the same id"
    case .E606: "an exercise without `@prompt`"
    case .E607: "an exercise without `@solution`, or with an empty one"
    case .E608: "a solution or answer that does not end with a query"
    case .E609: "a query or a command (other than `:assert`) before the last statement of a solution or answer"
    case .E610: "a solution that does not run (its own errors follow)"
    case .E611: "a solution that gives no answer"
    case .E612: "an exercise's knowledge that does not load (its errors follow)"
    case .E613: "a second `@solution` in one exercise"
    case .E614: "text before the first `@answer` of an answer file"
    case .E615: "two answers to the same exercise"
    case .E616: "`:load` while practising"
    case .E617: "`:goto` with an unknown exercise id"
    case .E618: "`:check` before any query"
    case .E619: "an exercise file with no exercises"
    case .E701: "unterminated quoted field (CSV)"
    case .E702: "text after a quoted field"
    case .E703: "a table file without a header"
    case .E704: "unknown column type"
    case .E705: "a row with the wrong number of fields"
    case .E706: "a cell that does not fit its column's type"
    case .E801: "a construct the chosen export target cannot express (`valley export`)"
    case .E802: "a value the chosen export target cannot hold (`valley export`)"
    case .W101: "a variable that occurs once in a rule"
    case .W102: "a `@note` that no clause follows"
    case .W501: "a picture was asked for but Graphviz is not installed (DOT written instead)"
    case .W502: "`:set provenance`: an option that no longer has an effect (provenance is always kept)"
    case .W601: "an exercise without hints"
    case .W602: "an answer to an exercise the file does not have"
    case .W603: "progress could not be saved; the previous progress file is kept"
    case .W604: "the progress file could not be read; practice starts over"
    }
  }

  /// The table of docs/language.md §8, in Markdown.
  public static func markdownTable() -> String {
    (["| code | meaning |", "| --- | --- |"] + allCases.map { "| \($0.rawValue) | \($0.meaning) |" })
      .joined(separator: "\n")
  }
}
