% sg: number of sg/2 tuples (same generation), with SWI-Prolog tabling.
% Run from the workload's folder under bench/out/: swipl sg.pl
:- initialization(main, main).
% Tables may hold millions of answers: lift SWI's 1 GiB default table space
% (a cap, like Valley's max_facts, not a tuning knob).
:- set_prolog_flag(table_space, 16_000_000_000).

:- table sg/2.
sg(X, Y) :- par(X, P), par(Y, P), X \== Y.
sg(X, Y) :- par(X, A), sg(A, B), par(Y, B).

:- consult('facts.pl').

main :- aggregate_all(count, sg(_, _), N), format("answer ~d~n", [N]).
