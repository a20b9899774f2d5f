% agg: the largest number of nodes reachable from one node.  Run from the
% workload's folder under bench/out/ (bench/run.py copies this script and
% agg.kb beside facts.kb).
:set max_facts 100000000
:set timeout 0
:load "agg.kb"
:load "facts.kb"
M = max { N : reach_count(_, N) }.
