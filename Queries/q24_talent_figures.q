% q24 — How do the talent and workforce figures compare?
%
% Rests on: figure/5 and figure_undated/4 of E25 (ASV) and E49-E101 (other
% clusters); talent_figure/5 and latest_dated_workforce/4 (96_comparison_rules.kb).
% Each number is the source's own, with its year; "more than" is in the @note of
% the clause. Undated figures are marked undated. Different sources count
% different things (park, zone, city region), so compare with care.

talent_figure(Cluster, Metric, Year, Value, Claim).

% The most recent dated workforce figure per cluster:
latest_dated_workforce(Cluster, Year, Workers, Claim).

% ASV's own figure (undated column, E25):
figure_undated(asv, workers, N, Claim).

% Size: areas converted to hectares (several sources, several boundaries):
area_ha(Cluster, Hectares, Claim), compared_cluster(Cluster).

% Firms per cluster, dated and undated:
figure(Cluster, companies, Year, N, Claim), compared_cluster(Cluster).
figure_undated(Cluster, companies, N, Claim), compared_cluster(Cluster).

% How trustworthy is each number? Confidence of the claim behind it:
talent_figure(Cluster, Metric, Year, Value, Claim), confidence(Claim, Level).
