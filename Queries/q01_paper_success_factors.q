% q01 — Which success factors did GTP develop, according to the paper itself?
%
% Rests on: S39, S40 (Korean abstract: 클러스터의 조성, 중소기업의 기술 고도화를 위한
% 각종 프로그램 의 운영), and S21 (the paper says it examines "the major success
% factors", but the abstract does not list them). Paper's words only.
% Answer: two factors — forming the cluster and running SME technology-upgrading
% programmes. Nothing more detailed is in the abstract (see q02 for other sources).

% The paper's own success factors:
paper_success_factor(Factor).

% Each one with the claim that names it and its Korean wording:
paper_success_factor(Factor),
    about(Claim, Factor),
    claim(Claim, success_factor),
    claim_status(Claim, paper_words),
    quote_ko(Claim, Korean).

% Who develops them (paper's words):
develops(Actor, Factor), paper_success_factor(Factor).

% The paper promises a list it does not give in the abstract:
claim_text(s21, Text).

% The programmes of S40 are not named. These are examples from OUTSIDE sources,
% linked by Valley's reading I3 (not the paper's words):
example_of(Programme, sme_tech_upgrading_programmes),
    about(Claim, Programme),
    claim_status(Claim, external).
