% q10 — Which institutions belonged to Ansan Science Valley in 2009, and which
% by 2023?
%
% Rests on: E21 (Hankyung, 2009 brand declaration: seven signed, six named),
% E29 (etnews, 2023: nine institutions), E25 (undated column), E23 (Hanyang's
% own cluster list). All external; the paper names no members.

% Members named in 2009 (E21):
member_of(Member, asv, e21).

% Members listed in 2023 (E29):
member_of(Member, asv, e29).

% New by 2023, and missing in 2023:
joined_asv_after_2009(Member).
not_listed_in_2023(Member).

% How many each source lists (note E21: seven signed, six named):
n_members(asv, Claim, N).
version(asv_founding_members_2009, Claim, Variant, N).

% Membership with the year of each source:
asv_member_in(Member, Year, Claim).

% The ERICA academy-research-industry cluster as Hanyang describes it (E23):
member_of(Member, erica_academy_research_industry_cluster, e23).
