% q11 — When were GTP and the Korean technopark programme started? Why do
% sources disagree (1995 / 1997 / 1998)?
%
% Rests on: S12 ("mid-90s"), S14 ("established in 1998"), E2, E3, E4, E5, E10,
% E12, E21, E27. Every version is kept; reconciliation/2 is Valley's reading.

% GTP's founding year, every version with the event it refers to:
version(gtp_founding_year, Claim, Variant, Year).

% The programme's start, every version (S12's "mid-1990s" is marked vague):
version(tp_programme_start, Claim, Variant, Start).
vague(Topic, Claim).

% Which pairs disagree:
disagreement(tp_programme_start, ClaimA, ValueA, ClaimB, ValueB).
% No real conflict: the versions date different events (event_of/3), so the pairs
% are reconciled, not disagreements:
reconciled_pair(tp_programme_start, ClaimA, ValueA, ClaimB, ValueB).
event_of(tp_programme_start, Variant, Event).

% The range of firm values per disputed topic:
value_range(Topic, Low, High).

% Valley's readings:
reconciliation(gtp_founding_year, Reading).
reconciliation(tp_programme_start, Reading).

% The early timeline of the programme and of GTP, with sources:
timeline(Year, tp_programme, What, Claim).
timeline(Year, gtp, What, Claim), Year <= 2003.
