/// Tokens that name a session or open the teacher's view: 128 random bits from the system's
/// generator, as 32 hex digits.
public enum RandomToken {
  /// A new token.
  public static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<4).map { _ in
      let hex = String(generator.next() as UInt32, radix: 16)
      return String(repeating: "0", count: 8 - hex.count) + hex
    }.joined()
  }
}
