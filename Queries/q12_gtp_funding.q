% q12 — Who funded GTP, and who was the largest funder?
%
% Rests on: E13 (Hankyung 2003: about 100 bn won from MOCIE, Gyeonggi, Ansan City
% and six universities), E14 (Gyeonggi Province 2003: 25 + 10 + 53.5 bn won),
% E18 (the 2007 support centre). Totals disagree (88.8 / 99.5 / about 100 bn won).
% Amounts are in billions of won.

% All funders:
funded_by(gtp, Funder).

% Named amounts:
funding_amount(Funder, gtp, BnWon).

% The largest named funder (max aggregate):
largest_funder(gtp, Funder, BnWon).

% The sum of the named amounts (the universities' share is not given):
named_funding_sum(gtp, BnWon).

% The totals the sources print, side by side:
version(gtp_funding_total_bn_won, Claim, Variant, BnWon).
reconciliation(gtp_funding_total_bn_won, Reading).

% Later funding of GTP's Specialized Technology Comprehensive Support Center (E18):
funding_amount(Funder, specialised_tech_support_centre, BnWon).
