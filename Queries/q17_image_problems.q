% q17 — What image problems does Ansan face, and since when are they documented?
%
% Rests on: S19, S20, S41-S44 (paper's words: pollution, odour and crime images
% that hold back the city's growth); E35 (1998, reputation since 1977), E44
% (Lake Sihwa after 1994), E41 (2002), E42 (2013, 2018), E43 (2004), E25.

% Images by place, with the claims that attach them (paper and outside sources):
has_image(Place, Image), about(Claim, Place), about(Claim, Image).

% The limiting factor behind each image, and what it holds back (S44):
stigma_factor(Image, Factor), hinders(Factor, Target).

% Nicknames that carry the image:
image_label(Place, Label).

% Every dated source on the images:
image_evidence(Image, Place, Year, Claim).

% Earliest documentation per image (min aggregate), and an older reputation:
documented_since(Image, Year).
reputation_since(Image, Place, Year, Claim).

% Outside sources that qualify the paper's image claims (image vs reality):
qualifies(Outside, Claim), about(Claim, Image), has_image(_, Image).

% What caused Lake Sihwa's image (E44), as a chain:
contributes_to(Cause, pollution_image).
