% Every example of the language contract answers as the page implies.
:load "files/contract.kb"
?- success_factor(F).
?- established(gtp, Y), Y < 2000.
?- N = count { F : factor(F, limiting) }.
older(gtp, X).
reachable(a, X).
n_limits(A, N).
total(S).
earliest(Y).
raining.
gtp = "gtp".
1 = 1.0.
1 < 1.5.
X = -7 mod 3.
X = 1e3.
X = "안산", Y = '\u{AC00}'.
:list hinders
:help factor_doc
