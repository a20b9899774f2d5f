% tc_random: number of tc/2 tuples, with SWI-Prolog tabling.
% Run from the workload's folder under bench/out/: swipl tc_random.pl
:- initialization(main, main).
% Tables may hold millions of answers: lift SWI's 1 GiB default table space
% (a cap, like Valley's max_facts, not a tuning knob).
:- set_prolog_flag(table_space, 16_000_000_000).

:- table tc/2.
tc(X, Y) :- e(X, Y).
tc(X, Y) :- tc(X, Z), e(Z, Y).

:- consult('facts.pl').

main :- aggregate_all(count, tc(_, _), N), format("answer ~d~n", [N]).
