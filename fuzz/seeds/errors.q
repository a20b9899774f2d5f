?- p(X).
?- edge(X).
:nosuch
:load "missing.kb"
:load "dir"
:load "latin1.kb"
:load "self.q"
:load "locked.kb"
:load "bad.kb"
?- "unterminated.
/* unterminated
