% q21 — The factor map: success and limiting factors and what they lead to or hinder.
%
% Draws the causal links of the knowledge base as a graph: leads_to/2 (links the
% sources state: S13, S16, S17, S23, S24, S27, S38, S44, and Valley's reading I4)
% and hinders/2 (S27, S44), with factors coloured by kind (factor/2: S39, S40 for
% success; S18-S20, S25-S27, S41-S45, S47 for limiting). The graph is written as DOT
% next to this script; open it with Graphviz (dot -Tsvg) or any DOT viewer.
% An .svg or .png file name draws the picture directly when Graphviz is installed.

:graph edges leads_to hinders kinds factor "factor_map.dot"
:graph deps "dependencies.dot"

% The same links as a table:
leads_to(Cause, Effect).
hinders(Factor, Target).
