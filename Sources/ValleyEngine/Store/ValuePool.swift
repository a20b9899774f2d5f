/// Interns values as 32-bit identifiers so that facts are flat arrays of `UInt32`.
///
/// The pool only grows: an identifier, once given, names the same value for the life of the
/// session. Identifiers carry no order; sorting goes through ``Value/compare(_:_:)``.
public final class ValuePool: @unchecked Sendable {
  private var values: [Value] = []
  private var ids: [Value: UInt32] = [:]
  /// For each identifier, whether its value is a symbol (a quick test for joins and filters).
  public private(set) var isSymbol: [Bool] = []

  /// Creates an empty pool.
  public init() {}

  /// The identifier of `value`, adding it if it is new.
  public func intern(_ value: Value) -> UInt32 {
    if let id = ids[value] { return id }
    let id = UInt32(values.count)
    values.append(value)
    isSymbol.append(!value.isNumber)
    ids[value] = id
    return id
  }

  /// The identifier of `value` if it was ever interned.
  public func lookup(_ value: Value) -> UInt32? { ids[value] }

  /// The value with identifier `id`.
  public subscript(id: UInt32) -> Value { values[Int(id)] }

  /// How many distinct values the pool holds.
  public var count: Int { values.count }
}
