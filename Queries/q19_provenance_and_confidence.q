% q19 — How much can each conclusion be trusted, and which sources are late,
% inferred or insiders?
%
% Rests on: confidence/2 of every claim (S1-S50 high as "the abstract says so";
% E1-E48 and F1-F13 as SOURCES.md rates them; I1-I8 Valley's own), rests_on/2 of
% the interpretation rules, year_of/2 and insider/2.

% The full paper was not available:
full_text_unavailable.

% How certain is each derived conclusion? (weakest premise)
weakest_confidence(Conclusion, Level).

% What does the talent-retention risk rest on? (recursive rests_on_all/2)
rests_on_all(talent_retention_risk, Claim), claim_status(Claim, Status), confidence(Claim, Level).

% Outside sources later than the paper (use as follow-up, not as the paper's evidence):
postdates_paper(Claim), dated(Claim, Year, Mark).

% Years that are inferred rather than printed (outside sources):
dated(Claim, Year, Mark), Mark != printed, claim_status(Claim, external).

% Sources that speak for themselves:
insider(Claim, Actor).

% Valley's own readings:
claim_status(Claim, interpretation), claim(Claim, Category), confidence(Claim, Level).

% Consistency checks; each should have no answers:
claim_without_entity(Claim).
untyped_entity(Entity).
claim_without_status(Claim).
claim_without_text(Claim).
