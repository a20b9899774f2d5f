/// A Valley value: a 64-bit integer, a decimal (IEEE double) or a symbol.
///
/// Equality is structural: `1` and `1.0` are different values (a fact `p(1.0)` does not answer
/// `p(1)`). ``Value/compare(_:_:)`` gives the value order used for sorting and for comparison
/// operators: numbers before symbols, numbers numerically, symbols by Unicode scalar order.
public enum Value: Hashable, Sendable {
  /// A 64-bit signed integer.
  case integer(Int64)
  /// A finite double.
  case decimal(Double)
  /// A symbol: a bare name or quoted text (the two are the same value).
  case symbol(String)

  /// Whether the value is a number.
  public var isNumber: Bool {
    if case .symbol = self { return false }
    return true
  }

  /// The value order: -1, 0 or 1. Numbers compare numerically (so `1` and `1.0` are equal
  /// here), every number sorts before every symbol, symbols compare by Unicode scalars.
  public static func compare(_ a: Value, _ b: Value) -> Int {
    switch (a, b) {
    case (.integer(let x), .integer(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.decimal(let x), .decimal(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.integer(let x), .decimal(let y)): return compareExactly(x, y)
    case (.decimal(let x), .integer(let y)): return -compareExactly(y, x)
    case (.symbol(let x), .symbol(let y)):
      if x == y { return 0 }
      return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
    case (.symbol, _): return 1
    case (_, .symbol): return -1
    }
  }

  /// A total order for sorting answers: the value order, with an integer before a decimal
  /// of the same numeric value (`1` before `1.0`).
  public static func sortsBefore(_ a: Value, _ b: Value) -> Bool {
    let c = compare(a, b)
    if c != 0 { return c < 0 }
    if case .integer = a, case .decimal = b { return true }
    return false
  }

  /// Compares an integer with a double without losing precision.
  private static func compareExactly(_ x: Int64, _ y: Double) -> Int {
    if y >= 9_223_372_036_854_775_808.0 { return -1 }
    if y < -9_223_372_036_854_775_808.0 { return 1 }
    let floor = y.rounded(.down)
    let whole = Int64(floor)
    if x < whole { return -1 }
    if x > whole { return 1 }
    return y > floor ? -1 : 0
  }
}
