:help
:help language
:preds
:list edge
:describe reach
:why reach(a, X).
:whynot reach(d, a).
:assume edge(d, a).
:diff
:assumptions
:drop 1
:assert edge(x, y).
:retract edge(x, y).
:save "saved.kb"
:graph deps "g.dot"
:format json
?- reach(a, X).
:format csv
?- edge(X, Y).
:format tsv
?- num(N).
:set
:set max_facts 50
:set timeout 0.5
:load "other.kb"
:load "other.kb"
:reload
:history
:quit
