% q13 — Which industries does the Banwol-Sihwa complex host? Which are named only
% in Korean?
%
% Rests on: S5-S8 (English: fine chemistry, machinery, textile, steel), S32-S36
% (Korean: textiles, shoes, toys, leather goods; ICT among core parts and
% materials), S37; outside: E32, E33, E37.

% Industries the paper names, with the claim:
paper_industry(Industry, Claim).

% How the paper classes them (note textiles: core in English, light in Korean):
paper_industry(Industry, _),
    industry_class(Industry, Class),
    Class != polluting,
    Class != non_polluting.
disagreement(textiles_classification, ClaimA, ValueA, ClaimB, ValueB).

% Named only in the Korean abstract:
korean_only_industry(Industry).

% Industries outside sources list for Banwol and Banwol-Sihwa, with their claims:
industry_in(Industry, banwol), about(Claim, Industry), claim_status(Claim, external).
industry_in(Industry, banwol_sihwa), about(Claim, Industry), claim_status(Claim, external).

% How the Banwol plan zoned industries (E32), and which it counted as polluting:
planned_zone(Industry, Zone).
industry_class(Industry, polluting).
