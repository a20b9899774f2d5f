% neg: number of unreach/2 tuples (pairs with no path), with SWI-Prolog tabling.
% Run from the workload's folder under bench/out/: swipl neg.pl
:- initialization(main, main).
% Tables may hold millions of answers: lift SWI's 1 GiB default table space
% (a cap, like Valley's max_facts, not a tuning knob).
:- set_prolog_flag(table_space, 16_000_000_000).

% Subsumptive tabling: the ground calls reach(x, y) made under \+ are answered
% from the completed table of reach(x, _) that the first of them builds.  With
% plain (variant) tabling every ground call gets a table of its own: on the
% main size that took about 55 s and 3.3 GB instead of about 9 s and 35 MB.
:- table reach/2 as subsumptive.
reach(X, Y) :- e(X, Y).
reach(X, Y) :- reach(X, Z), e(Z, Y).

unreach(X, Y) :- node(X), node(Y), \+ reach(X, Y).

:- consult('facts.pl').

main :- aggregate_all(count, unreach(_, _), N), format("answer ~d~n", [N]).
