% tour.q — a first run through Valley's bundled knowledge base.
%
% The knowledge base encodes one paper: Kyoung Joo Nam (Gyeonggi Technopark),
% "Critical Roles of SP in Forming Innovation Cluster: A Case Study on Practice of
% GTP and Ansan Science Valley", about 2010. Only its English and Korean abstracts
% survive; the full paper was not available. Around the abstracts the knowledge
% base keeps outside facts and Valley's own readings, each with its claim id:
%   s1..s50  the paper's words          (status paper_words)
%   e1..e48  outside sources            (status external)
%   f1..f13  frameworks, i1..i8 Valley  (status interpretation)
% Run it with:  valley run Queries/tour.q

% 1. Which predicates exist? (name, arity, number of facts, one-line doc)
:preds

% 2. How many claims of each status are there?
claims_with_status(Status, N).

% 3. The paper's 50 claims by category (context 24, limiting 13, outcome 6,
%    recommendation 5, success factor 2).
claims_in_category(Category, N).

% 4. Read the paper's central claim, S27, in its own English words.
claim_text(s27, Text), quote_en(s27, Quote).

% 5. The Korean abstract says the same thing less firmly. hedged/2 lists the
%    words that soften a claim.
hedged(Claim, Wording).

% 6. The only success factors the paper itself names (S39, S40, Korean abstract).
paper_success_factor(Factor),
    about(Claim, Factor),
    claim(Claim, success_factor),
    claim_status(Claim, paper_words).

% 7. Key question 1: which limiting factors does nothing in the knowledge base
%    address yet? (Valley's reading I5; "addressed" does not mean "solved".)
unaddressed_limit(Factor).

% 8. Key question 2: why is Ansan less favoured to live in, says the paper?
why_less_favoured(Reason, Claim).

% 9. Key question 3: which of the paper's claims does outside evidence qualify?
qualifies(Outside, PaperClaim), claim_text(PaperClaim, Text).

% 10. Where sources disagree, every version is kept with its claim. GTP's founding:
%     1997 is its designation, 1998 its official start (see reconciliation/2).
version(gtp_founding_year, Claim, Variant, Year).

% 11. A recursive rule: what does China's rise lead to, step by step (S9-S13)?
contributes_to(china_rise_in_manufacturing, Effect).

% 12. Compare: which other clusters planned housing or amenities from the start,
%     and where does the paper's thesis find support? (E49-E101; Valley's reading)
planned_amenities_from_start(Cluster).
thesis_verdict(Cluster, Verdict).

% 13. Help on a predicate: columns and doc line.
:help unaddressed_limit

% 14. Answers can also print as CSV (or tsv, json); back to a table afterwards.
:format csv
claims_with_status(Status, N).
:format table
