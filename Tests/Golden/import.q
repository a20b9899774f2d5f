% Bulk data: @import in knowledge files and :import at the prompt (CSV and TSV).
:load "files/imports.kb"
older(A, B).
city(Name, P, Pop, Area), Pop > 100000.
:describe founded
:list founded
:import founded "files/founded.tsv"
founded(N, Y).
:import pair "files/cities.csv"
:import city "files/founded.tsv"
:import bad "files/bad.csv"
:import badtype "files/badtype.csv"
% A blank line and a quoted line break do not shift the row numbers of errors.
:import badrow "files/badrow.csv"
:import nothing "files/missing.csv"
:why older(gtp, asv).
:why older(A, B).
