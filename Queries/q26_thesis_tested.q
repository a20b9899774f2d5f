% q26 — Where does the paper's thesis (clusters fail to keep talent without
% lifestyle amenities, S27, S45, S50) find support among other clusters, and where
% does it not?
%
% THIS IS VALLEY'S READING (96_comparison_rules.kb), not the paper's words and not
% the sources': it sets talent_evidence/4 against faced/3 and the early place
% measures. supports/consistent = the evidence fits the thesis; against = talent
% held without amenities, or left despite them; complicates = the trouble is
% housing cost, which the thesis does not name. It proves nothing either way.

% The thesis in the paper's words:
quote_en(s27, Words).

% What each source says about talent, by direction:
talent_evidence(Cluster, Finding, Direction, Claim).

% The findings, with the claim and its confidence:
thesis_finding(Cluster, Verdict, Claim), confidence(Claim, Level).

% Per cluster:
thesis_verdict(Cluster, Verdict).
n_thesis_findings(Verdict, N).

% Clusters with no talent evidence found (unknown):
compared_cluster(Cluster), not talent_evidence(Cluster, _, _, _).

% The notes that explain each verdict:
:why thesis_finding(tsukuba_science_city, supports, e94).
