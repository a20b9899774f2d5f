% q07 — What would change if lifestyle amenities were added? Which conclusions
% depend on that premise?
%
% THIS IS A WHAT-IF. It tests the paper's HYPOTHESIS (S30, S50: plan for a cluster
% "where lifestyle is alive"), not a tested result. No source reports such a plan
% carried out; lifestyle_amenity_plan is invented for the experiment.
% Rests on: S27, S47 (lack of amenities), and Valley's readings I5 and I7
% (F2 3 Ts, F5 quality of place).

% Before:
unaddressed_limit(Factor).
quality_of_place_gap(Place).
talent_retention_risk(Place).
recommendation_for_unaddressed(Action, Factor, Claim).

% Suppose a plan addresses the lack of lifestyle amenities (hypothetical):
:assert addresses(lifestyle_amenity_plan, lack_of_lifestyle_amenities).

% After: the amenity gap leaves the list of unaddressed limits (a plan is recorded),
% but the quality-of-place gap and the talent-retention risk STAY: a plan is not an
% amenity, and lacks(ansan, lifestyle_amenities) still holds (S27, S47).
unaddressed_limit(Factor).
quality_of_place_gap(Place).
talent_retention_risk(Place).
recommendation_for_unaddressed(Action, Factor, Claim).
n_unaddressed(N).

% Suppose further that the amenities were actually delivered: only then does the
% lack go, and with it the gap and the risk (still hypothetical).
:retract lacks(ansan, lifestyle_amenities).
quality_of_place_gap(Place).
talent_retention_risk(Place).

% Note what does NOT change: weak_residential_preference stays unaddressed. The
% paper hopes amenities would fix it (S27), but no fact or rule says they would.
unaddressed_limit(weak_residential_preference).

% Undo the experiment:
:assert lacks(ansan, lifestyle_amenities).
:retract addresses(lifestyle_amenity_plan, lack_of_lifestyle_amenities).
unaddressed_limit(Factor).
quality_of_place_gap(Place).
