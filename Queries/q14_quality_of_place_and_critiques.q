% q14 — Which framework concept does "lifestyle amenities roughly indicated by
% the preference of the talented" correspond to, and what are its critiques?
%
% Rests on: S29 (the paper's proxy), S27, S47; F5 (Florida's quality of place),
% F1, F2, F4 (creative class, 3 Ts and their measures), F6 (consumer city),
% F7 (innovation districts, 2014, after the paper), F8 (Peck's critique).
% The abstract cites none of these authors: every link is interpretation.

% The paper's proxy:
indicated_by(lifestyle_amenities, Indicator), quote_en(s29, Words).

% The matching concept, its framework claim and dimensions:
instance_of(lifestyle_amenities, Concept), framework(F, Concept), claim_text(F, Text).
component_of(Dimension, quality_of_place).

% Frameworks that support the paper's claims (interpretation):
framework_supports(F, Claim).

% Critiques and counter-views:
critiques(Critic, Target).
counter_view_to(F, Claim), claim_text(F, Text).

% Ansan on Florida's 3 Ts (direction strong, weak or mixed, with the evidence):
three_t_evidence(ansan, T, Direction, Claim).
