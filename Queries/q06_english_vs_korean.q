% q06 — How do the English and Korean abstracts differ on lifestyle amenities
% and culture?
%
% Rests on: S27 vs S47 (the Korean hedges the reason), S30 vs S48 (the Korean
% calls culture MORE important than R&D), S30 vs S50 (the Korean names a cluster
% "where lifestyle is alive"), S30/S49 (both keep technology-led development).

% Every recorded difference between the two abstracts:
en_ko_difference(English, Korean, Aspect).

% The amenity claim side by side:
quote_en(s27, EnglishWords), quote_ko(s47, KoreanWords).

% Culture over R&D: Korean only.
claim_text(s48, Text), quote_ko(s48, Korean).

% All the paper's recommendations and the abstract they come from:
paper_recommendation(Action, Claim), claim_language(Claim, Language).

% Korean claims with no English counterpart:
korean_only(Claim), claim_text(Claim, Text).
