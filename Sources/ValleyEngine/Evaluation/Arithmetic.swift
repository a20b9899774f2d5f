/// Arithmetic and comparison on values, with every failure reported (never a trap).
///
/// Integer operations check for overflow; `/` truncates toward zero and `mod` takes the sign
/// of the dividend; any decimal operand makes the result decimal; a non-finite decimal
/// result, a division by zero or arithmetic on a symbol is an error.
public enum Arithmetic {
  /// Why an operation failed.
  public enum Failure: Error, Equatable, Sendable {
    case overflow(String)
    case divisionByZero
    case notANumber(Value)
    case nonFinite(String)

    /// A sentence for the diagnostic.
    public var message: String {
      switch self {
      case .overflow(let what): "integer overflow in \(what)"
      case .divisionByZero: "division by zero"
      case .notANumber(let v): "arithmetic on the symbol \(ValueFormatter.source(v))"
      case .nonFinite(let what): "\(what) gives a result that is not a finite number"
      }
    }
  }

  /// Applies a binary operator.
  public static func apply(_ op: Syntax.ArithmeticOperator, _ a: Value, _ b: Value) throws(Failure)
    -> Value
  {
    switch (a, b) {
    case (.integer(let x), .integer(let y)):
      return .integer(try integer(op, x, y))
    case (.symbol, _):
      throw .notANumber(a)
    case (_, .symbol):
      throw .notANumber(b)
    default:
      let x = double(a)
      let y = double(b)
      let r: Double
      switch op {
      case .add: r = x + y
      case .subtract: r = x - y
      case .multiply: r = x * y
      case .divide:
        if y == 0 { throw .divisionByZero }
        r = x / y
      case .modulo:
        if y == 0 { throw .divisionByZero }
        r = x.truncatingRemainder(dividingBy: y)
      }
      guard r.isFinite else { throw .nonFinite("\(describe(a)) \(op.rawValue) \(describe(b))") }
      return .decimal(r)
    }
  }

  /// Unary minus.
  public static func negate(_ a: Value) throws(Failure) -> Value {
    switch a {
    case .integer(let x):
      let (r, overflow) = Int64(0).subtractingReportingOverflow(x)
      if overflow { throw .overflow("-(\(x))") }
      return .integer(r)
    case .decimal(let x): return .decimal(-x)
    case .symbol: throw .notANumber(a)
    }
  }

  private static func integer(_ op: Syntax.ArithmeticOperator, _ x: Int64, _ y: Int64)
    throws(Failure) -> Int64
  {
    let result: (partialValue: Int64, overflow: Bool)
    switch op {
    case .add: result = x.addingReportingOverflow(y)
    case .subtract: result = x.subtractingReportingOverflow(y)
    case .multiply: result = x.multipliedReportingOverflow(by: y)
    case .divide:
      if y == 0 { throw .divisionByZero }
      result = x.dividedReportingOverflow(by: y)
    case .modulo:
      if y == 0 { throw .divisionByZero }
      // The remainder by -1 is always 0; only the quotient of Int64.min / -1 overflows.
      result = y == -1 ? (0, false) : x.remainderReportingOverflow(dividingBy: y)
    }
    if result.overflow { throw .overflow("\(x) \(op.rawValue) \(y)") }
    return result.partialValue
  }

  private static func double(_ v: Value) -> Double {
    switch v {
    case .integer(let i): Double(i)
    case .decimal(let d): d
    case .symbol: .nan
    }
  }

  private static func describe(_ v: Value) -> String { ValueFormatter.source(v) }

  /// Evaluates a comparison in the value order (numbers numerically, so `1 = 1.0`).
  public static func compare(_ op: Syntax.ComparisonOperator, _ a: Value, _ b: Value) -> Bool {
    let c = Value.compare(a, b)
    switch op {
    case .equal: return c == 0
    case .notEqual: return c != 0
    case .less: return c < 0
    case .lessEqual: return c <= 0
    case .greater: return c > 0
    case .greaterEqual: return c >= 0
    }
  }
}
