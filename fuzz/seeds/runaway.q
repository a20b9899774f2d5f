:assert n(0).
:assert n(Y) :- n(X), Y = X + 1.
?- n(X).
