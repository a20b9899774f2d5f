% q16 — Which outcomes does the paper attribute to GTP, and does it give any
% numbers?
%
% Rests on: S13, S16, S17, S23, S24, S38 (paper's words; the author works at GTP,
% so these are self-assessment). The abstract gives no figures; outside figures
% come from E12, E18, E25-E27 and later sources.

% Outcomes and the claims that attribute them:
attributed_to(Outcome, gtp), about(Claim, Outcome), claim_status(Claim, paper_words).

% How many figures does the paper's abstract give? (expect 0)
n_paper_figures(N).

% Self-assessment:
self_assessment(Claim).

% Which outcome claims have outside support, and which are only asserted:
attributed_to(Outcome, gtp),
    about(Claim, Outcome),
    claim_status(Claim, paper_words),
    corroborates(Outside, Claim).
only_asserted(Claim), claim(Claim, outcome), claim_text(Claim, Text).

% Outside figures for GTP and ASV (year, value, claim):
figure(gtp, Metric, Year, Value, Claim).
figure(asv, Metric, Year, Value, Claim).

% Chains from GTP's activities to outcomes (recursive):
contributes_to(cluster_formation, Effect).
