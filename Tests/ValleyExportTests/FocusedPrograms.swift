/// Small knowledge bases aimed at what a translation to SQL can get wrong: values (integers
/// against decimals, numbers against symbols, the edges of 64-bit integers and doubles),
/// arithmetic, aggregates, every shape of recursion, and names SQL reserves or folds.
enum FocusedPrograms {
  static let all: [(name: String, text: String)] = [
    ("values", values), ("arithmetic", arithmetic), ("aggregates", aggregates), ("recursion", recursion),
    ("names", names), ("symbols", symbols),
  ]

  static let values = #"""
    @pred v(x) "values of every kind"
    v(1). v(1.0). v(2.5). v(-0.5). v(0). v(0.0). v(-3).
    v(9007199254740993). v(9007199254740992.0). v(9223372036854775807). v(-9223372036854775807).
    v(1e300). v(-1e-300). v(0.1). v(0.30000000000000004).
    v(a). v("B"). v("a b"). v("it's"). v("안산"). v(""). v("tab\there"). v("line\nbreak"). v("\"quoted\"").
    w(1.0). w(a). w(3).
    equal(X, Y) :- v(X), v(Y), X = Y.
    same(X) :- v(X), w(X).
    below(X, Y) :- v(X), v(Y), X < Y.
    at_most(X, Y) :- v(X), w(Y), X <= Y.
    above(X, Y) :- w(X), v(Y), X > Y.
    other(X, Y) :- w(X), w(Y), X != Y.
    numbers_first(X) :- v(X), X < a.
    copy(X, Y) :- w(X), Y = X.
    m(0, -1). m(1.5, -1). m(ab, 0.5).
    n(-1, 0). n(0, -1). n(ab, 2).
    % X must be a value of three columns of different kinds: a decimal row's filler 0
    % must not pass for the integer 0.
    three_columns(X) :- m(X, Y), m(_, X), n(X, _).
    constant_one(X) :- v(X), X = 1.
    """#

  static let arithmetic = #"""
    i(7). i(-7). i(2). i(0). i(9223372036854775806).
    d(7.5). d(-7.5). d(0.5). d(1e308).
    sum_pair(X, Y, Z) :- i(X), i(Y), X < 10, Y < 10, Z = X + Y.
    quotient(X, Q, R) :- i(X), X < 10, Q = X / 2, R = X mod 3.
    negative_quotient(Q, R) :- Q = -7 / 2, R = -7 mod 3.
    decimal_ops(X, A, B, C) :- d(X), X < 100.0, A = X * 2, B = X / 4, C = X mod 2.0.
    mixed_ops(X, Y, S) :- i(X), d(Y), X < 10, Y < 10.0, S = X + Y.
    minus(X, Y) :- i(X), X > -10, Y = -X.
    biggest(Y) :- i(X), X > 10, Y = X + 1.
    halves(X, Y) :- d(X), Y = X / 2.0.
    constant_fold(X) :- X = 3000000000 * 3.
    in_head(X, X + 1) :- i(X), X < 10.
    matched(X) :- i(X), X < 10, i(X + 9).
    matched_decimal(X) :- d(X), d(X - 15.0).
    compare_sum(X, Y) :- i(X), i(Y), X < 10, Y < 10, X + Y = 0.
    small(1). small(2).
    % SQLite must not rewrite X * 3 with 1.5 from X = 1.5 (its overflow check would fire).
    propagated(X) :- small(X), X * 3 < X, X = 1.5.
    """#

  static let aggregates = #"""
    n(1). n(2). n(2.0). n(0.5). n(a). n(b).
    g(x, 1). g(x, 2). g(y, 3). g(y, 3.5). g(z, a).
    k(x). k(y). k(z). k(w).
    count_all(N) :- N = count { X : n(X) }.
    count_pairs(N) :- N = count { K, V : g(K, V) }.
    per_key(K, N) :- k(K), N = count { V : g(K, V) }.
    sum_per_key(K, S) :- k(K), K != z, S = sum { V : g(K, V) }.
    sum_mixed(S) :- S = sum { X : n(X), X < a }.
    sum_ints(S) :- S = sum { X, K : g(K, X), X < 3 }.
    sum_empty(S) :- S = sum { X : n(X), X > 100, X < a }.
    lowest(M) :- M = min { X : n(X) }.
    highest(M) :- M = max { X : n(X) }.
    lowest_number(M) :- M = min { X : n(X), X < a }.
    highest_number(M) :- M = max { X : n(X), X < a }.
    tie_low(M) :- M = min { X : n(X), X >= 2 , X < a }.
    tie_high(M) :- M = max { X : n(X), X >= 2, X < a }.
    lowest_per_key(K, M) :- k(K), M = min { V : g(K, V) }.
    smaller_count(X, C) :- n(X), C = count { Y : n(Y), Y < X }.
    checked(K) :- per_key(K, N), N = count { V : g(K, V) }.
    checked_decimal(N) :- n(N), N = count { K : k(K), K != w, K != z }.
    empty_min(X, M) :- n(X), M = min { Y : n(Y), Y > X }.
    nested(N) :- N = count { X : n(X), C = count { Y : n(Y), Y < X }, C >= 2 }.
    symbols_max(M) :- M = max { K : k(K) }.
    @pred none(x) "never holds: its column has no kind"
    sum_of_none(S) :- S = sum { X : none(X) }.
    count_of_none(N) :- N = count { X : none(X) }.
    halves_of_none(X) :- none(X), n(X / 2).
    """#

  static let recursion = #"""
    e(1, 2). e(2, 3). e(3, 1). e(3, 4). e(4, 5). e(6, 6).
    tc(X, Y) :- e(X, Y).
    tc(X, Z) :- tc(X, Y), e(Y, Z).
    squared(X, Y) :- e(X, Y).
    squared(X, Z) :- squared(X, Y), squared(Y, Z).
    even(1).
    odd(Y) :- even(X), e(X, Y).
    even(Y) :- odd(X), e(X, Y).
    left(X, Y) :- e(X, Y).
    left(X, Z) :- right(X, Y), left(Y, Z).
    right(X, Y) :- left(X, Y).
    right(X, Z) :- left(X, Y), right(Y, Z).
    start(2).
    reach(Y) :- start(X), e(X, Y).
    reach(Y) :- reach(X), e(X, Y), not blocked(Y).
    blocked(5).
    count_up(0).
    count_up(Y) :- count_up(X), X < 20, Y = X + 1.
    degree(X, N) :- e(X, _), N = count { Y : e(X, Y) }.
    heavy(X, Y) :- degree(X, N), N > 1, e(X, Y).
    heavy(X, Z) :- heavy(X, Y), degree(Y, N), N >= 1, e(Y, Z).
    on :- off_seed.
    off :- on.
    on :- off.
    off_seed.
    never :- never_seed, never.
    never_seed :- e(9, 9).
    """#

  static let names = #"""
    @pred select(from, where) "SQL keywords as names"
    select(1, 2).
    order(X) :- select(X, _).
    fooBar(1). foobar(2).
    안산(1).
    valley_predicates(1).
    valley_columns(X) :- valley_predicates(X).
    a_very_long_predicate_name_that_goes_on_well_past_sixty_three_bytes_one(1).
    a_very_long_predicate_name_that_goes_on_well_past_sixty_three_bytes_two(2).
    @pred p(x, x_kind, x_int)
    p(1, 2, 3). p(a, 2.5, b).
    """#

  static let symbols = #"""
    word("é"). word("e\u{301}x"). word(zeta). word("Zeta"). word("ä"). word("中文").
    decomposed(X) :- word(X), X = "e\u{301}".
    ordered(X, Y) :- word(X), word(Y), X < Y.
    """#

  /// A program Soufflé can run: every column of one kind (Soufflé's columns have one type).
  static let souffle = #"""
    @pred e(from, to)
    e(1, 2). e(2, 3). e(3, 1). e(3, 4). e(4, 5). e(6, 6).
    d(0.1). d(-0.5). d(1e300). d(2.5). d(1e-7). d(100.0).
    s(a). s("B b"). s("안산"). s("it's \"quoted\"").
    count(1). output(2). 안산(3).
    tc(X, Y) :- e(X, Y).
    tc(X, Z) :- tc(X, Y), e(Y, Z).
    squared(X, Y) :- e(X, Y).
    squared(X, Z) :- squared(X, Y), squared(Y, Z).
    even(1).
    odd(Y) :- even(X), e(X, Y).
    even(Y) :- odd(X), e(X, Y).
    degree(X, N) :- e(X, _), N = count { Y : e(X, Y) }.
    total(S) :- S = sum { X, Y : e(X, Y) }.
    smallest(M) :- M = min { X : d(X) }.
    largest(M) :- M = max { Y : e(_, Y) }.
    no_loop(X) :- e(X, _), not e(X, X).
    scaled(X, Y) :- d(X), X < 10.0, Y = X * 3.0 + 1.
    mixed(X, Y) :- e(X, _), d(Y), X < Y, Y < 3.0.
    quotient(X, Q, R) :- e(X, _), Q = (X - 7) / 2, R = (X - 7) mod 3.
    symbol_equal(X) :- s(X), X != a.
    symbol_after_number(X) :- s(X), e(N, _), N < X.
    keywords(X, Y, Z) :- count(X), output(Y), 안산(Z).
    nothing :- e(9, 9).
    something :- e(1, 2).
    """#
}
