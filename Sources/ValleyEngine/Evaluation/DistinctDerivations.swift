/// Which rules of a stratum derive every fact at most once, so their heads can be appended
/// without checking for duplicates.
///
/// A rule qualifies when it is the only rule for its predicate, its stratum is not
/// recursive (the rule runs once, over complete relations), its relation is empty when the
/// stratum starts (no stored facts to collide with), and its head keeps every variable of
/// its positive atoms as a plain argument. Then a derivation is one combination of rows of
/// those atoms (each a set), the head's values determine that combination, and variables
/// bound by assignments or aggregates are functions of it: two derivations never give the
/// same head.
enum DistinctDerivations {
  /// The head predicates of `stratum` whose single rule qualifies, given the store at the
  /// start of the stratum.
  static func predicates(of stratum: Stratum, program: Program, store: FactStore) -> Set<Int> {
    guard !stratum.isRecursive else { return [] }
    var rulesPerHead: [Int: [Int]] = [:]
    for r in stratum.rules { rulesPerHead[program.rules[r].head.predicate, default: []].append(r) }
    var result = Set<Int>()
    for (predicate, rules) in rulesPerHead where rules.count == 1 {
      let rule = program.rules[rules[0]]
      guard rule.head.arguments.count > 0, store.relations[predicate].count == 0 else { continue }
      if headKeepsEveryAtomVariable(rule) { result.insert(predicate) }
    }
    return result
  }

  static func headKeepsEveryAtomVariable(_ rule: Rule) -> Bool {
    let headVariables = Set(rule.head.arguments.compactMap(\.variableSlot))
    for literal in rule.body {
      guard case .positive(let atom) = literal else { continue }
      for argument in atom.arguments where !argument.variables.allSatisfy(headVariables.contains) {
        return false
      }
    }
    return true
  }
}
