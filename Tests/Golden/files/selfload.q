:load "good.kb"
reach(a, X).
