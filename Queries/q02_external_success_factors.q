% q02 — Which success factors do OTHER sources credit to GTP and ASV?
%
% Rests on: E3, E5-E7, E9, E12-E19, E21-E23, E27 (external facts) and Valley's
% reading I3, which calls them success factors. None of this is the paper's words:
% the abstract names only S39 and S40 (see q01).

% Success factors that only outside sources support:
external_success_factor(Factor).

% Each with the outside claims behind it:
success_factor_basis(Factor, Claim, external), external_success_factor(Factor).

% The interpretation that turns these facts into "success factors":
claim_text(i3, Text), confidence(i3, Level).

% Who developed them:
develops(Actor, Factor), external_success_factor(Factor).

% GTP's programmes and facilities as outside sources describe them:
runs(gtp, Programme), about(Claim, Programme), claim_status(Claim, external).

% What the one-stop support service offered (E13-E15):
provides(one_stop_support, Service).

% How certain is the label "external success factor"?
weakest_confidence(external_success_factor, Level).
