% Explanations: :why proof trees with sources, :whynot failing premises.
:load "files/good.kb"
:assert blocked(c).
:assert open_reach(X, Y) :- reach(X, Y), not blocked(Y).
:assert fan(X, N) :- link(X, _), N = count { Y : reach(X, Y) }.
:assert far(X, Y) :- reach(X, Y), fan(X, N), N >= 3, D = N * 10, D > 25.
:why reach(a, d).
:why reach(a, X).
:why open_reach(a, X).
:why far(X, Y).
:whynot reach(d, a).
:whynot open_reach(a, c).
:whynot link(a, c).
:whynot reach(a, b).
:whynot reach(X, b).
% Each kind of failure: a head that cannot match, a false comparison, an empty group.
:assert special(a, yes) :- link(a, _).
:whynot special(a, no).
:assert after(X, Y) :- link(X, Y), X > Y.
:whynot after(a, b).
:assert lowest(X, M) :- link(X, _), M = min { Y : link(Y, X) }.
:whynot lowest(a, a).
:whynot lowest(b, z).
:why lowest(X, M).
:format json
:why reach(a, c).
:whynot reach(d, a).
