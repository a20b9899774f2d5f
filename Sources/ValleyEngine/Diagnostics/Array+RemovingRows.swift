extension Array {
  /// Removes the elements at `rows` (ascending, distinct indices), keeping the others in
  /// their order, in one pass from the first removed index: the way every per-row table
  /// (offsets, lengths, annotation numbers) follows rows removed from its relation.
  mutating func remove(rows: [Int]) {
    guard let first = rows.first, first < count else { return }
    var write = first
    var next = 0
    for r in first..<count {
      if next < rows.count, rows[next] == r {
        next += 1
        continue
      }
      self[write] = self[r]
      write += 1
    }
    removeLast(count - write)
  }
}
