% tc_random: number of tc/2 tuples.  Run from the workload's folder under bench/out/
% (bench/run.py copies this script and tc_random.kb beside facts.kb).
:set max_facts 100000000
:set timeout 0
:load "tc_random.kb"
:load "facts.kb"
N = count { X, Y : tc(X, Y) }.
