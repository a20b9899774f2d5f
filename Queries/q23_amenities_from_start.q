% q23 — Which clusters planned housing and amenities from the start, and which
% added them later (or not at all, as far as the sources found say)?
%
% Rests on: E49-E101 (82_other_clusters.kb) for place_measure/4, in_original_plan/2,
% measure_year/2, measure_status/2 and founding events; rules of
% 96_comparison_rules.kb (Valley's reading: "from the start" = in the original plan
% or delivered within five years of founding). For ASV: E15, E30 (plans only).

% When was each cluster founded (earliest year any source gives)?
founding_year(Cluster, Year).

% Early measures: housing, schools, green space in the original plan or soon after.
early_measure(Cluster, Measure, Kind).
planned_amenities_from_start(Cluster).

% Added later (more than five years after founding) or of unknown date:
late_measure(Cluster, Measure, Kind, Year).

% Status of each measure (delivered, planned, contested), with its claim:
place_measure(Cluster, Measure, Kind, Claim), measure_status(Measure, Status).

% For these clusters no source on housing or amenities was found (unknown, not "none"):
no_place_measure_found(Cluster).

% Ansan Science Valley for comparison: only plans (2003, and an undated later one).
place_measure(asv, Measure, Kind, Claim),
    measure_status(Measure, Status),
    response(lack_of_lifestyle_amenities, Measure, _, Year, Mark).
