% sg: number of sg/2 tuples.  Run from the workload's folder under bench/out/
% (bench/run.py copies this script and sg.kb beside facts.kb).
:set max_facts 100000000
:set timeout 0
:load "sg.kb"
:load "facts.kb"
N = count { X, Y : sg(X, Y) }.
