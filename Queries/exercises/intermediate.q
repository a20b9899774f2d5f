% Intermediate exercises on the GTP/ASV knowledge base: negation, aggregates, recursion,
% and what-if questions with extra knowledge (intermediate-whatif.kb).
%
% Practise:  valley exercise Queries/exercises/intermediate.q
% The format is described in docs/exercises.md. Worked answers for teachers are in
% answers/intermediate-solutions.answers.

@exercise i1 "Limits without a counter-measure"
@prompt "Which limiting factors have no recorded counter-measure (no addresses/2 fact)?"
@prompt "Write it yourself with not; do not use the ready-made rule unaddressed_limit."
@hint "Start from factor(F, limiting)."
@hint "not addresses(_, F) holds when nothing addresses F: _ means any value."
@reveal missing whynot
@solution
has_measure(F) :- addresses(_, F).
factor(F, limiting), not has_measure(F).

@exercise i2 "New members of ASV"
@prompt "ASV's member list was given in 2009 (claim e21) and in 2023 (claim e29)."
@prompt "Which members are listed in 2023 but not in 2009?"
@hint "member_of(Member, Group, Claim): the group is asv, the claim e21 or e29."
@hint "Negation needs its variables bound first: member_of(I, asv, e29), not member_of(I, asv, e21)."
@credit partial
@reveal whynot
@solution
member_of(I, asv, e29), not member_of(I, asv, e21).

@exercise i3 "How many limiting factors"
@prompt "How many limiting factors are there? One column, the number."
@hint "N = count { F : ... } counts the distinct F that satisfy the body."
@solution
N = count { F : factor(F, limiting) }.

@exercise i4 "Factors per target"
@prompt "For every target that some factor hinders, how many factors hinder it?"
@prompt "Two columns: the target and the number."
@hint "The target must be bound outside the count: hinders(_, T), N = count { ... }."
@hint "Inside the count, use the same T: count { F : hinders(F, T) }."
@solution
hinders(_, T), N = count { F : hinders(F, T) }.

@exercise i5 "GTP's named funding"
@prompt "What is the total of the funding amounts the sources name for GTP (in billions of won)?"
@hint "sum { A, F : ... } adds A once for every distinct pair (A, F)."
@hint "Why A, F and not just A? Two funders may give the same amount."
@solution
S = sum { A, F : funding_amount(F, gtp, A) }.

@exercise i6 "The earliest event"
@prompt "In which year did the earliest dated event happen?"
@hint "min { Y1 : event(_, _, Y1, _) } gives the least year."
@solution
Y = min { Y1 : event(_, _, Y1, _) }.

@exercise i7 "What the TP programme led to"
@prompt "leads_to(Cause, Effect) links causes to effects. Which effects does tp_programme lead to,"
@prompt "directly or through a chain of leads_to links? Define your own recursive rule."
@hint "Two rules: one for a direct link, one for a link followed by a chain."
@hint "chain(X, Y) :- leads_to(X, Y).   chain(X, Z) :- leads_to(X, Y), chain(Y, Z)."
@reveal missing
@solution
chain(X, Y) :- leads_to(X, Y).
chain(X, Z) :- leads_to(X, Y), chain(Y, Z).
chain(tp_programme, E).

@exercise i8 "Everything Sihwa lies within"
@prompt "located_in(Thing, Place) gives one step. List every place sihwa lies within, at any distance."
@hint "The same shape of recursion as i7, over located_in/2."
@solution
inside(X, Y) :- located_in(X, Y).
inside(X, Z) :- located_in(X, Y), inside(Y, Z).
inside(sihwa, P).

@exercise i9 "What if the amenities were addressed?"
@prompt "Suppose Ansan opened a culture complex that addresses the lack of lifestyle amenities"
@prompt "(this exercise adds that measure). Which limiting factors would still have no counter-measure?"
@knowledge "intermediate-whatif.kb"
@hint "The knowledge base already has a rule for limits without a counter-measure."
@hint "Compare with exercise i1: one factor should drop out."
@solution
unaddressed_limit(F).

@exercise i10 "What if: counting what is left"
@prompt "With the same imagined culture complex, how many limiting factors would remain unaddressed?"
@knowledge "intermediate-whatif.kb"
@hint "Count the answers of the rule you used in i9."
@solution
N = count { F : unaddressed_limit(F) }.
