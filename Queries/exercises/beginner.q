% Beginner exercises on the GTP/ASV knowledge base: facts, joins and comparisons.
%
% Practise:  valley exercise Queries/exercises/beginner.q
% Check:     valley check Queries/exercises/beginner.q
% Grade:     valley grade --exercises Queries/exercises/beginner.q ANSWERS...
% The format is described in docs/exercises.md. Worked answers for teachers are in
% answers/beginner-solutions.answers.

@exercise b1 "Success factors"
@prompt "Which factors does the knowledge base class as success factors?"
@prompt "Answer with one column: the factor."
@hint "factor/2 has two columns: the factor's name and its kind."
@hint "The kind of a success factor is the symbol success."
@solution
factor(F, success).

@exercise b2 "Limiting factors"
@prompt "Which factors hold the park and the city back? List every limiting factor."
@hint "Look at b1 again: only the kind changes."
@solution
factor(F, limiting).

@exercise b3 "Places in Ansan"
@prompt "Which places and institutions lie directly in Ansan?"
@hint "located_in(Thing, Place) says where something lies."
@hint "Put the constant ansan in the second column and a variable in the first."
@solution
located_in(X, ansan).

@exercise b4 "What holds back city growth"
@prompt "Which factors hinder the growth of the city (the target city_growth)?"
@hint "hinders(Factor, Target)."
@solution
hinders(F, city_growth).

@exercise b5 "Who develops the success factors"
@prompt "For every success factor, list the actors that develop it."
@prompt "Two columns: the factor first, then the actor."
@hint "You need two facts about the same factor: factor/2 and develops/2."
@hint "Use the same variable for the factor in both, e.g. factor(F, success), develops(A, F)."
@reveal missing
@solution
factor(F, success), develops(A, F).

@exercise b6 "Outside support for success factors"
@prompt "The paper's claims in the category success_factor: which outside claims corroborate them?"
@prompt "Two columns: the paper's claim, then the outside claim."
@hint "claim(Id, Category) gives each claim's category."
@hint "corroborates(E, S) says that outside claim E supports paper claim S."
@solution
claim(S, success_factor), corroborates(E, S).

@exercise b7 "The paper's outcome claims"
@prompt "Which claims in the paper's own words (status paper_words) are about outcomes (category outcome)?"
@hint "Join claim/2 and claim_status/2 on the claim id."
@solution
claim(C, outcome), claim_status(C, paper_words).

@exercise b8 "Early counter-measures"
@prompt "Which counter-measures against a limiting factor began before 2005?"
@prompt "Three columns: the measure, the factor it addresses, and the year it began."
@hint "addresses(Measure, Factor) and measure_year(Measure, Year)."
@hint "A comparison such as Y < 2005 keeps only some rows; it needs Y bound by an atom."
@reveal missing
@solution
addresses(A, F), measure_year(A, Y), Y < 2005.

@exercise b9 "Large funders of GTP"
@prompt "Who gave GTP more than 20 billion won? Two columns: the funder and the amount."
@hint "funding_amount(Funder, Recipient, Amount) gives amounts in billions of won."
@hint "Numbers compare numerically: 25.0 > 20 holds."
@solution
funding_amount(F, gtp, A), A > 20.

@exercise b10 "Before the park"
@prompt "Which dated events happened before 1990?"
@prompt "Three columns: the subject, what happened, and the year (leave out the claim id)."
@hint "event(Subject, What, Year, Claim): write _ for a column you do not want."
@solution
event(S, W, Y, _), Y < 1990.
