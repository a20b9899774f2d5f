% agg: the largest number of nodes reachable from one node, with SWI-Prolog tabling.
% Run from the workload's folder under bench/out/: swipl agg.pl
:- initialization(main, main).
% Tables may hold millions of answers: lift SWI's 1 GiB default table space
% (a cap, like Valley's max_facts, not a tuning knob).
:- set_prolog_flag(table_space, 16_000_000_000).

:- table tc/2.
tc(X, Y) :- e(X, Y).
tc(X, Y) :- tc(X, Z), e(Z, Y).

reach_count(X, N) :- node(X), aggregate_all(count, tc(X, _), N).

:- consult('facts.pl').

main :- aggregate_all(max(N), reach_count(_, N), M), format("answer ~d~n", [M]).
