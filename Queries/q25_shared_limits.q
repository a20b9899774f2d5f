% q25 — Which of Ansan's limiting factors did other clusters face, and what did
% they do?
%
% Rests on: faced/3 for ASV (S19, S20, S26, S27, S42, E26) and for the other
% clusters (E60-E98); cluster_response/4; shared_limit/2 and response_elsewhere/4
% (96_comparison_rules.kb, Valley's reading).

% Ansan's conditions in the comparison terms:
faced(asv, Condition, Claim).

% The same condition elsewhere:
shared_limit(Cluster, Condition).

% What they did about it, with the claim:
response_elsewhere(Cluster, Condition, Measure, Claim), measure_status(Measure, Status).
response_elsewhere(Cluster, Condition, Measure, Claim), measure_year(Measure, Year).

% Shared conditions with no response found:
unanswered_elsewhere(Cluster, Condition).

% Other problems other clusters faced that the paper does not name for Ansan:
faced(Cluster, Condition, Claim), compared_cluster(Cluster), not faced(asv, Condition, _).

% And their responses:
cluster_response(Cluster, Condition, Measure, Claim), not shared_limit(Cluster, Condition).
