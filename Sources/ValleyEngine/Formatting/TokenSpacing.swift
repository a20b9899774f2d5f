/// The blanks the canonical layout puts between two tokens of a clause, query or annotation.
///
/// One blank separates tokens, except: none after `(` or a sign, none before `,`, `)` and
/// `.`, and none between a predicate's name and its `(`. Operators (`:-`, comparisons,
/// arithmetic, `mod`) and the `:` and braces of an aggregate have a blank on each side. A `-`
/// is a sign (unary minus) unless it follows something that ends a value, as in the parser.
struct TokenSpacing {
  /// For each token of the item, whether it ends a value (a constant, a variable, a `)` or
  /// `}`), so that a `-` or `mod` after it is a binary operator.
  private var endsValue: [Bool] = []
  /// For each token, whether it is a sign: a `-` that does not follow a value.
  private var isSign: [Bool] = []

  /// The spacing of `tokens`, read once.
  init(_ tokens: [Token]) {
    var previousEndsValue = false
    for (index, token) in tokens.enumerated() {
      let next = index + 1 < tokens.count ? tokens[index + 1] : nil
      var ends = false
      var sign = false
      switch token.kind {
      case .variable, .integer, .decimal, .string:
        ends = true
      case .name(let name):
        let isOperator = name == "mod" && previousEndsValue
        let isNegation = name == "not" && next?.nameText != nil
        let isAggregate = Syntax.AggregateKind(rawValue: name) != nil && next?.isPunct(.leftBrace) == true
        ends = !(isOperator || isNegation || isAggregate)
      case .punct(.rightParen), .punct(.rightBrace):
        ends = true
      case .punct(.minus):
        sign = !previousEndsValue
      default:
        break
      }
      endsValue.append(ends)
      isSign.append(sign)
      previousEndsValue = ends
    }
  }

  /// The blanks between token `index - 1` and token `index` of `tokens`.
  func blanks(before index: Int, in tokens: [Token]) -> String {
    let previous = tokens[index - 1]
    let token = tokens[index]
    if token.isPunct(.comma) || token.isPunct(.rightParen) || token.isPunct(.period) { return "" }
    if previous.isPunct(.leftParen) || isSign[index - 1] { return "" }
    // A predicate's (or a @pred declaration's) name touches its parenthesis; `mod (` and
    // `count {` do not.
    if token.isPunct(.leftParen), previous.nameText != nil, endsValue[index - 1] { return "" }
    return " "
  }
}
