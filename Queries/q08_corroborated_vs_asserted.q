% q08 — Which of the paper's claims are corroborated by outside evidence, and
% which are only asserted?
%
% Rests on: corroborates/2 and indirect/2 links from E1-E48 to S1-S50 (Valley's
% judgement following SOURCES.md). Recommendations (S30, S46, S48-S50) and
% sentences about the paper itself (S21, S31) are not counted as factual claims.

% Claims with direct outside support:
corroborated(Claim).

% Claims whose outside support is indirect only:
only_indirectly_supported(Claim), claim_text(Claim, Text).

% Factual claims with no outside support at all:
only_asserted(Claim), claim_text(Claim, Text).

% The best-supported claims (three or more outside facts):
n_outside_supports(Claim, N), N >= 3.

% The supporting facts for one claim, with their confidence:
corroborates(Outside, s2), confidence(Outside, Level).

% Positive claims about GTP written by a GTP author (self-assessment):
self_assessment(Claim), claim_text(Claim, Text).
