/// Hashing of rows and keys of interned values (identifiers are small integers, so a
/// multiplicative mix is enough and stays identical across runs).
enum TupleHash {
  @inline(__always)
  static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 {
    var x = (h ^ UInt64(v)) &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 29
    return x
  }

  @inline(__always)
  static func finish(_ h: UInt64) -> UInt64 {
    var x = h &* 0xBF58_476D_1CE4_E5B9
    x ^= x >> 31
    return x
  }
}
