% Loading files, listing, retracting, reloading, and the file-system errors.
:load "files/good.kb"
reach(a, X).
:list link
:list
:help link
:retract link(c, d).
reach(a, X).
:retract link(c, d).
:retract reach(a, b).
:retract reach(X, b).
:load "files/good.kb"
reach(a, X).
:load "files/missing.kb"
:load "files"
:load "files/latin1.kb"
:load "files/selfload.q"
:bogus
:lst link
:format xml
:help
:help language
:help assert
:help nothing_here
