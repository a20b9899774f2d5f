% Static checks on :assert, :load and queries. A failed statement changes nothing.
:load "files/broken.kb"
:preds
:assert edge(a, b).
:assert edge(a, b, c).
:assert unsafe(X, Y) :- edge(X, _).
:assert neg(X) :- not edge(X, Y).
:assert cmp(X) :- X > 3.
:assert path(X, Y) :- edge(X, Y).
:assert bad(X) :- edge(X, _), not bad2(X).
:assert bad2(X) :- edge(X, _), bad(X).
:assert odd(X) :- edge(X, _), not odd(X).
:assert total(N) :- N = count { X : total(X) }.
:assert lonely(X) :- edge(X, Y).
pathh(a, X).
path(a, X, Y).
:assert head(_) :- edge(_, _).
