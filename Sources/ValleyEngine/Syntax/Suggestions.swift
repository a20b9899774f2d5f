/// "Did you mean ...?" suggestions by edit distance.
public enum Suggestions {
  /// The candidate closest to `name`, if it is close enough to be a likely typo.
  public static func closest(to name: String, among candidates: [String]) -> String? {
    let target = Array(name.lowercased())
    var best: (String, Int)?
    for candidate in candidates.sorted() where candidate != name {
      let d = distance(target, Array(candidate.lowercased()))
      let limit = max(1, min(3, max(target.count, candidate.count) / 3))
      if d <= limit, best.map({ d < $0.1 }) ?? true {
        best = (candidate, d)
      }
    }
    return best?.0
  }

  /// The Levenshtein distance between two character arrays.
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var row = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      row[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        row[j] = Swift.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &row)
    }
    return previous[b.count]
  }
}
