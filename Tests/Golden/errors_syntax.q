% Syntax errors: each statement fails on its own and the session goes on.
p(X.
"unterminated.
X = 99999999999999999999.
q(X) = 3.
:assert p() .
:assert f(g(x)).
:assert P(x).
:assert p(x) :- .
X = 1 /* never closed
