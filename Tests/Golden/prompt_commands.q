% Commands people expect at a prompt: describe, apropos, reload, save, history.
:load "files/good.kb"
:describe reach
:describe link
:describe rech
:apropos fixture
:apropos LINK
:apropos zebra
:assert link(d, e).
:assert twice(X) :- link(X, _), link(_, X).
:save "/nonexistent-folder/out.kb"
:save "files"
:reload
reach(a, X).
:history
:describe
