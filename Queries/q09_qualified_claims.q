% q09 — Which of the paper's claims are qualified or contradicted by outside
% sources?
%
% Rests on: qualifies/2 (S1 vs E32/E34; S9 vs E47; S14 vs E2/E4/E12; S18 vs E16;
% S19/S41 vs E25; S20/S43 vs E42; S28 vs E15) and the versions kept in
% 85_disagreements.kb. Nothing is resolved silently.

% The key query, with the paper's claim in words:
qualifies(Outside, PaperClaim), claim_text(PaperClaim, Text).

% The same with the outside source's title:
qualifies(Outside, PaperClaim), source_title(Outside, Title).

% Claims that outside evidence both supports and qualifies:
corroborated_but_qualified(Claim).

% Disagreements where the paper's own claim is one side:
disagreement(Topic, ClaimA, ValueA, ClaimB, ValueB), claim_status(ClaimA, paper_words).
disagreement(Topic, ClaimA, ValueA, ClaimB, ValueB), claim_status(ClaimB, paper_words).

% Valley's reading of each dispute (interpretation):
reconciliation(Topic, Reading).
