% q27 — One profile per cluster: founding, founders, place, anchors, firms,
% governance. The same queries work for every cluster, ASV included where the
% knowledge base has the facts.
%
% Rests on: E49-E101 (82_other_clusters.kb); for Korean parks also E2-E30.

compared_cluster(Cluster), label(Cluster, Name), country_of(Cluster, Country).
event(Cluster, What, Year, Claim), compared_cluster(Cluster).
founded_by(Cluster, Founder, Claim).
within(Cluster, Place), compared_cluster(Cluster).
anchor(Cluster, Institution, Claim).
notable_firm(Cluster, Firm, Claim).
governed_by(Cluster, Body, Model, Claim).

% Where do sources on these clusters disagree?
disagreement(Topic, A, VA, B, VB), about(A, Cluster), compared_cluster(Cluster).
reconciliation(hsinchu_founding_year, Text).

% Every fact traces to an outside claim with an address (both checks empty):
cluster_claim_without_url(Claim).
cluster_claim_not_external(Cluster, Claim).

% The sources: claim, confidence, year and address.
compared_cluster(Cluster),
    about(Claim, Cluster),
    claim_status(Claim, external),
    confidence(Claim, Level),
    source_url(Claim, Url).
