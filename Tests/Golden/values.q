% Values, value order, arithmetic and aggregates.
:assert v(1).
:assert v(1.0).
:assert v(-3).
:assert v(2.5).
:assert v(abc).
:assert v("Abc").
:assert v("안산").
:assert v("with space").
:assert v(1e3).
v(X).
v(1).
v(1.0).
X = 1, X = 1.0.
1 = 1.0.
1 < 1.5.
abc > 999999.
X = 7 / 2, Y = -7 / 2, Z = -7 mod 3, W = 7 mod -3.
X = 7.0 / 2, Y = 2 * 3 + 4 * 5, Z = (2 + 3) * 4, W = - 2 - 3.
X = 0.1 + 0.2.
gtp = "gtp".
X = "tab\there", Y = "\u{AC00}", Z = 'it''s'.
:assert w(g1, 3).
:assert w(g1, 4).
:assert w(g2, 10).
:assert w(g2, 10.5).
:assert g(g1).
:assert g(g2).
:assert g(g3).
G = "g1", S = sum { W : w(G, W) }.
g(G), N = count { W : w(G, W) }.
g(G), S = sum { W : w(G, W) }.
g(G), M = min { W : w(G, W) }.
g(G), M = max { W : w(G, W) }.
M = min { X : v(X) }, N = max { X : v(X) }.
N = count { G : g(G), not w(G, _) }.
N = count { G : g(G) } + 1.
% Counting over rows: a column left as _ must not be counted twice.
:assert pair(1, a).
:assert pair(1, b).
:assert pair(2, a).
N = count { X : pair(X, _) }.
N = count { X, Y : pair(X, Y) }.
pair(X, _), N = count { Y : pair(X, Y) }.
