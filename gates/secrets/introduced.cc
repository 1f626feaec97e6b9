// One finding per secret and waiver judgement, at its earliest commit
// (introduced.h).
#include "gates/secrets/introduced.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

namespace secgate::secrets {

namespace {

auto Key(const core::Finding& f) {
  return std::tie(f.location.path, f.location.line, f.id, f.fingerprint);
}

/// Indices of `findings` sorted by (order, key); `oldest_first` reverses
/// the order part only.
std::vector<size_t> Sorted(const std::vector<core::Finding>& f, const std::vector<long>& orders,
                           bool oldest_first) {
  std::vector<size_t> idx(f.size());
  std::iota(idx.begin(), idx.end(), size_t{0});
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    if (orders[a] != orders[b]) return oldest_first ? orders[a] > orders[b] : orders[a] < orders[b];
    return Key(f[a]) < Key(f[b]);
  });
  return idx;
}

std::vector<size_t> MatchingWaivers(const core::Finding& f, const core::WaiverFile& waivers) {
  std::vector<size_t> out;
  for (size_t w = 0; w < waivers.waivers.size(); ++w)
    if (core::WaiverMatches(waivers.waivers[w], f)) out.push_back(w);
  return out;
}

}  // namespace

std::vector<core::Finding> SortFindings(std::vector<core::Finding> findings,
                                        const std::vector<long>& orders) {
  std::vector<core::Finding> out;
  for (size_t i : Sorted(findings, orders, false)) out.push_back(std::move(findings[i]));
  return out;
}

std::vector<core::Finding> KeepIntroductions(std::vector<core::Finding> findings,
                                             const std::vector<long>& orders,
                                             const core::WaiverFile& waivers, long* repeats) {
  std::vector<bool> keep(findings.size(), false);
  std::map<std::string, std::vector<std::vector<size_t>>> judged;  // fingerprint -> waiver sets
  for (size_t i : Sorted(findings, orders, true)) {
    auto& seen = judged[findings[i].fingerprint];
    std::vector<size_t> matching = MatchingWaivers(findings[i], waivers);
    if (std::find(seen.begin(), seen.end(), matching) != seen.end()) {
      ++*repeats;
      continue;
    }
    seen.push_back(std::move(matching));
    keep[i] = true;
  }
  std::vector<core::Finding> out;
  for (size_t i : Sorted(findings, orders, false))
    if (keep[i]) out.push_back(std::move(findings[i]));
  return out;
}

}  // namespace secgate::secrets
