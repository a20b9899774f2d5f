% q03 — Which limiting factors does the paper name, and which has any recorded
% counter-measure?
%
% Rests on: S18-S20, S22, S25-S27, S41-S45, S47 (paper's words); counter-measures
% from E15, E16, E20, E26, E28, E30, E42-E44, classified by Valley's reading I5
% (put_in_place vs partial). S18 is a limit only by Valley's reading I1.

% The limiting factors and the paper claims that name them:
paper_limiting_factor(Factor).
limiting_factor_basis(Factor, Claim, paper_words).

% Every recorded response, with its kind and year:
response(Factor, Action, Kind, Year, YearMark).

% Which outside claims report each response:
response_claim(Factor, Action, Claim).

% Counter-measures that existed by the paper's year (about 2010):
addressed_as_of_paper(Factor).

% S22 says some core success factors are not yet developed; which ones is only
% inferred (Valley's reading I2, from S46 and the hedged S47):
not_yet_developed(Actor, Thing).
