% Runtime errors name the rule and leave the knowledge base unchanged.
:assert n(1).
:assert big(X) :- n(N), X = 9223372036854775807 + N.
n(X).
:assert div(X) :- n(N), X = N / 0.
:assert m(X) :- n(N), X = N mod 0.
:assert neg(X) :- n(N), X = -(-9223372036854775807 - 1) + N - N.
X = 10 / 0.
X = 1.0 / 0.
X = abc + 1.
X = -9223372036854775808, Y = X - 1.
:assert w(a).
:assert bad_sum(S) :- S = sum { X : w(X) }.
:set max_facts 50
:assert c(0).
:assert c(Y) :- c(X), Y = X + 1.
c(X), X > 10.
:set max_fact 10
:set timeout -1
:set
