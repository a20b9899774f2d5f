% q18 — Is the innovation cluster confined to ASV, and how far does GTP's support
% reach?
%
% Rests on: S17, S18 ("within the limited area of Ansan Science Valley"; a limit
% only by Valley's reading I1), E14, E16 (2003 aim to serve the whole province),
% E20 (2012-2013 mini technoparks: support uneven by distance), E28 (2014 proposal
% to reach Siheung and Hwaseong).

% The paper's words and Valley's reading of them:
quote_en(s18, Words).
claim_text(i1, Reading), confidence(i1, Level).

% Where ASV lies (recursive within/2):
within(asv, Place).

% Whom GTP serves and aims to serve:
serves(gtp, Whom).
goal_of(gtp, Goal).

% Responses to the confinement (all partial):
response(cluster_confined_to_asv, Action, Kind, Year, YearMark).

% Outside evidence for and against S18:
corroborates(Outside, s18), claim_text(Outside, Text).
qualifies(Outside, s18), claim_text(Outside, Text).
