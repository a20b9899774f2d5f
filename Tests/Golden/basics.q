% Facts, rules, recursion and the answer formats, in an empty session.
:assert edge(a, b).
:assert edge(b, c).
:assert edge(c, d).
:assert path(X, Y) :- edge(X, Y).
:assert path(X, Z) :- path(X, Y), edge(Y, Z).
path(a, X).
?- path(X, d), X != a.
path(a, d).
path(d, a).
N = count { X, Y : path(X, Y) }.
:format tsv
path(a, X).
:format csv
X = "a, \"quoted\" text".
:format json
path(a, X).
path(a, d).
path(d, a).
:format table
:quit
path(a, X).
