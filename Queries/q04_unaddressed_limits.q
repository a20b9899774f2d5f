% q04 — Which limiting factors remain unaddressed (nothing in the knowledge base
% addresses them)?
%
% Rests on: the limiting factors of S18-S20, S25-S27, S41-S45, S47 and the
% counter-measures of E43, E44 (addresses/2), under Valley's reading I5.
% "Addressed" means a measure is recorded, not that the problem went away.

% The key query:
unaddressed_limit(Factor).

% How many:
n_unaddressed(N).

% The paper claims behind each unaddressed factor:
unaddressed_limit(Factor), about(Claim, Factor), claim_status(Claim, paper_words).

% Unaddressed but with plans or proposals (E15, E16, E20, E26, E28, E30, E42):
only_partial_response(Factor).
response(Factor, Action, partial, Year, YearMark), unaddressed_limit(Factor).

% Unaddressed and without even a plan:
no_response_at_all(Factor).

% The same question as of the paper's year:
unaddressed_as_of_paper(Factor).

% How certain is this conclusion? (no more than its weakest premise)
weakest_confidence(unaddressed_limit, Level).
