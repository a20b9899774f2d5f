:assume not edge(a, b).
?- reach(a, X).
:assume lonely2(X) :- node(X), not reach(X, X).
:diff
:reset
?- N = count { X : reach(X, Y) }, S = sum { Z : num(Z), Z < 5, Z > -5 }.
