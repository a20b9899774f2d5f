import ValleyEngine

/// The three kinds of Valley value, in the order Valley sorts numbers and symbols apart:
/// integers and decimals (compared numerically with each other) before symbols.
enum ValueKind: Int, CaseIterable, Comparable, Sendable {
  case integer = 0
  case decimal = 1
  case symbol = 2

  static func < (a: ValueKind, b: ValueKind) -> Bool { a.rawValue < b.rawValue }

  /// The kind of `value`.
  init(of value: Value) {
    switch value {
    case .integer: self = .integer
    case .decimal: self = .decimal
    case .symbol: self = .symbol
    }
  }

  /// The name the exported catalogue gives the kind.
  var name: String {
    switch self {
    case .integer: "integer"
    case .decimal: "decimal"
    case .symbol: "symbol"
    }
  }

  var isNumber: Bool { self != .symbol }
}

/// The kinds of value a column, a variable or an expression may hold.
struct KindSet: OptionSet, Hashable, Sendable {
  let rawValue: Int

  static let integer = KindSet(rawValue: 1)
  static let decimal = KindSet(rawValue: 2)
  static let symbol = KindSet(rawValue: 4)
  static let numbers: KindSet = [.integer, .decimal]
  static let all: KindSet = [.integer, .decimal, .symbol]

  init(rawValue: Int) { self.rawValue = rawValue }

  init(_ kind: ValueKind) { self.init(rawValue: 1 << kind.rawValue) }

  /// The kinds in value order.
  var kinds: [ValueKind] { ValueKind.allCases.filter { contains(KindSet($0)) } }

  /// The one kind, when there is exactly one.
  var single: ValueKind? {
    let list = kinds
    return list.count == 1 ? list[0] : nil
  }

  func has(_ kind: ValueKind) -> Bool { contains(KindSet(kind)) }
}
