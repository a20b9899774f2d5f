% What if: assumptions over the knowledge base, their differences, and explanations
% that label assumed premises. The base knowledge is unchanged afterwards.
:load "files/good.kb"
:assert limit(amenities).
:assert limit(pollution).
:assert addresses(odour_unit, pollution).
:assert addressed(F) :- addresses(_, F).
:assert unaddressed(F) :- limit(F), not addressed(F).
unaddressed(F).
:diff
:assume addresses(amenity_plan, amenities).
unaddressed(F).
:diff
:why addressed(amenities).
:assume not link(b, c).
:assume not link(x, y).
:assume reach(d, a).
:assumptions
:diff
reach(a, X).
:assert limit(crime).
unaddressed(F).
:drop 2
:assumptions
:drop 7
:reset
unaddressed(F).
reach(a, X).
:assumptions
