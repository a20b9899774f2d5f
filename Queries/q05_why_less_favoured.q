% q05 — Why is Ansan less favoured as a place to live, according to the paper?
% Is that the only reason it gives?
%
% Rests on: S25, S26, S45 (people and creative talent prefer to live elsewhere),
% S27 (English: "A significant reason ... is the lack of lifestyle amenities") and
% S47 (Korean, hedged: 아닐까 생각한다). The abstract offers no survey or data.
% Other possible reasons come from frameworks (F5, F7) and outside complaints
% (E26, E45); they are NOT the paper's words.

% The paper's stated reason, with its claims:
why_less_favoured(Reason, Claim).

% The premise: less favoured than whom, and by whom?
less_favoured_to_live(ansan, Than).
prefers_to_live(Group, Preferred, ansan).

% Only "a significant reason", and hedged in Korean:
hedged(Claim, Wording).
quote_en(s27, English).
quote_ko(s47, Korean).

% Outside support for the reason is indirect only (a 1993 survey, 2017 transit gaps):
corroborates(Outside, s27), indirect(Outside, s27), claim_text(Outside, Text).

% Other possible reasons (interpretation or outside complaints, not the paper's):
other_possible_reason(Reason, Basis).

% How certain is the paper-based answer?
weakest_confidence(why_less_favoured, Level).
