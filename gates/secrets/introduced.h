// Which history findings are reported: a secret is reported once, at the
// commit that introduced it first (docs/secrets.md "What introduced
// means"). The sources find it wherever a commit adds it; this module
// keeps, per fingerprint, the earliest finding (the largest walk order: the
// walk lists children before parents) and a later one only when a
// different set of waivers matches it, so content moved out of a waived
// path is still judged at its new path.
//
//   long repeats = 0;
//   std::vector<core::Finding> kept =
//       KeepIntroductions(std::move(findings), orders, waivers, &repeats);
#pragma once

#include <vector>

#include "gates/core/finding.h"
#include "gates/core/waiver.h"

namespace secgate::secrets {

/// `findings[i]` was found at walk order `orders[i]`. Returns the kept
/// findings sorted newest first (order, then path, line, rule,
/// fingerprint); `*repeats` counts the findings left out.
std::vector<core::Finding> KeepIntroductions(std::vector<core::Finding> findings,
                                             const std::vector<long>& orders,
                                             const core::WaiverFile& waivers, long* repeats);

/// The same order without leaving anything out (files, staged, stdin).
std::vector<core::Finding> SortFindings(std::vector<core::Finding> findings,
                                        const std::vector<long>& orders);

}  // namespace secgate::secrets
