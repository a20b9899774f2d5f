% q15 — Does the IASP definition of a science park cover what the paper says is
% missing?
%
% Rests on: F11 (IASP definition), F13 (Korean TPs), S27 and S47 (Ansan lacks
% lifestyle amenities), S28 (planners ignored them). Interpretation throughout.

% What the IASP definition covers:
covers(iasp_science_park, Item).

% Does it cover lifestyle amenities? (expect false)
covers(iasp_science_park, lifestyle_amenities).

% Definitions GTP fits that leave out what Ansan lacks:
missing_from_definition(Concept, Item).

% Concepts that DO cover lifestyle amenities:
covers(Concept, lifestyle_amenities), framework(F, Concept).

% Valley's reading: the definition itself is consistent with S28.
framework_supports(f11, Claim), claim_text(Claim, Text).
claim_status(f11, Status).
