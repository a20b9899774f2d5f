% q22 — What the fidelity review of issue #19 found, and how each fix shows.
%
% Rests on: 85_disagreements.kb (event_of/3, reconciled_by/2), 95_rules.kb
% (evidence_strength/2, premise_level/2, dated/3, year_mark/2,
% specialisation_joins_local_industry/4), 50_limiting_factors.kb (guessed_year/3,
% partial responses), 80_outside_evidence.kb (indirect/2, industry_group/2).
% Every rule is Valley's interpretation, not the paper's words.

% 1. disagreement/5 lists only real conflicts; reconciled pairs are kept apart.
N = count { T, A, VA, B, VB : disagreement(T, A, VA, B, VB) }.
N = count { T, A, VA, B, VB : reconciled_pair(T, A, VA, B, VB) }.
reconciled_pair(gtp_founding_year, A, VA, B, VB).
reconciled_by(Topic, Reason).

% 2. Evidence kinds: the central claim (S27) has only indirect support, so no
%    direct support level exists and the conclusions that rest on it are low.
evidence_strength(s27, Kind).
support_kind(Outside, s27, Kind).
strongest_outside_support(s27, Level).
strongest_indirect_support(s27, Level).
weakest_confidence(why_less_favoured, Level).
weakest_evidence(why_less_favoured, Kind).

% 3. Guessed years carry a mark wherever they print.
guessed_year(Thing, Year, Basis).
response(Factor, Action, Kind, Year, guessed).
dated(e30, Year, Mark).

% 4. Ids that no longer state actions that never happened.
partial_response(police_stated_wish_to_shed_image_2013, Factor).
recommends(Claim, newspaper_call_for_asv_bus_routes_2017).

% 5. Lake Sihwa measures are partial responses: the pollution image is unaddressed.
addressed(pollution_image).
response(pollution_image, Action, Kind, Year, Mark).

% 6. (The what-if of q07 keeps the quality-of-place gap while the lack holds.)
quality_of_place_gap(Place), lacks(Place, What).

% 7. Support links now marked indirect.
support_kind(e23, s17, K).
support_kind(e24, s17, K).
support_kind(e29, s17, K).
support_kind(e20, s18, K).
support_kind(e28, s18, K).
support_kind(e39, s2, K).

% 8. GTP's fields join the complex's industries through industry_group/2.
specialisation_joins_local_industry(gtp, Field, Industry, Place).

% 9. Merged near-duplicates: each retired id is gone.
entity(one_stop_support_service, K).
entity(residential_preference_for_ansan, K).
resident_complaint(Place, public_transport, Claim).
resident_complaint(Place, public_transport_access, Claim).
industry_group(Industry, electronics_group).

% 10. The Banwol New Industrial City name is on the city, not the complex.
alias(Entity, "Banwol New Industrial City").

% 11. Notes on the right clauses.
:list colocated_with
