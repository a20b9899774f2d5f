/// A rule head's operands with a scratch tuple to resolve them into, one solution at a time
/// (see ``PlanRunner/forEachHead(_:_:)``).
struct HeadTuple {
  /// What each column of the head is.
  let operands: [Operand]
  /// Where the values go; reused by every solution.
  private let buffer: ScratchBuffer<UInt32>

  init(_ operands: [Operand]) {
    self.operands = operands
    buffer = ScratchBuffer(count: operands.count, repeating: 0)
  }

  /// The head's values under the bindings in `frame`. The tuple is valid until the next call:
  /// copy it (insert it somewhere) to keep it.
  @inline(__always)
  func resolve(_ frame: RuleFrame) throws(EvaluationError) -> RowView {
    let tuple = buffer.view
    for k in 0..<operands.count { tuple[k] = try frame.resolve(operands[k]) }
    return tuple.row
  }
}
