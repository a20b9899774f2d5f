% q20 — Why, why not, and what if: explanations with their sources.
%
% Shows the three explanation commands on the bundled knowledge base:
% - :why on an unaddressed limiting factor: the rule (Valley's reading I5), the
%   paper's claim behind the factor (S19, S20; S27, S47) and the @source of each fact;
% - :whynot on a conclusion that does not hold: the premise that fails;
% - :assume of a lifestyle-amenities plan, then :diff: which conclusions change.
% The plan is the paper's hypothesis (S30, S50), not a tested result: nothing in the
% knowledge base says such a plan exists or would work.

% Why is the lack of lifestyle amenities an unaddressed limiting factor?
:why unaddressed_limit(lack_of_lifestyle_amenities).

% Why is the crime image not counted as addressed?
:whynot addressed(crime_image).

% What if a lifestyle-amenities plan were put in place?
:assume addresses(lifestyle_amenity_plan, lack_of_lifestyle_amenities).
:diff
unaddressed_limit(Factor).
:why addressed(lack_of_lifestyle_amenities).

% Withdraw the hypothesis: the knowledge base is as it was.
:reset
unaddressed_limit(Factor).
