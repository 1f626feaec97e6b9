#include "gates/waivers_tool/exemption_changes.h"

#include <algorithm>
#include <tuple>

namespace secgate::waivers {

namespace {

std::string Expiry(const core::Waiver& w) { return w.expires ? w.expires->ToString() : ""; }

std::string Scope(const core::Waiver& w) {
  std::string s;
  if (!w.package.empty()) s += "package " + w.package;
  if (!w.path.empty()) s += (s.empty() ? "" : ", ") + std::string("path ") + w.path;
  return s.empty() ? "any package or path" : s;
}

ExemptionChange FromWaiver(ExemptionKind kind, const core::Waiver& w, const std::string& path) {
  ExemptionChange c;
  c.kind = kind;
  c.what = w.id;
  c.gate = std::string(core::GateName(w.gate));
  c.owner = w.owner;
  c.reason = w.reason;
  c.ticket = w.ticket;
  c.expires = Expiry(w);
  c.where = path + ":" + std::to_string(w.line);
  c.loosens = kind != ExemptionKind::kWaiverRemoved;
  return c;
}

bool SameScope(const core::Waiver& a, const core::Waiver& b) {
  return a.gate == b.gate && a.id == b.id && a.package == b.package && a.path == b.path;
}

// "expires A -> B; owner X -> Y; ticket none -> T; reason changed".
std::string EditDetail(const core::Waiver& bw, const core::Waiver& hw) {
  std::vector<std::string> parts;
  if (Expiry(bw) != Expiry(hw)) parts.push_back("expires " + Expiry(bw) + " -> " + Expiry(hw));
  if (bw.owner != hw.owner) parts.push_back("owner " + bw.owner + " -> " + hw.owner);
  if (bw.ticket != hw.ticket)
    parts.push_back("ticket " + (bw.ticket.empty() ? "none" : bw.ticket) + " -> " +
                    (hw.ticket.empty() ? "none" : hw.ticket));
  if (bw.reason != hw.reason) parts.push_back("reason changed");
  std::string detail;
  for (const auto& p : parts) detail += (detail.empty() ? "" : "; ") + p;
  return detail;
}

// Entries of the two files, paired up as they are matched.
struct Pairing {
  const core::WaiverFile& base;
  const core::WaiverFile& head;
  const std::string& path;
  std::vector<bool> base_used, head_used;
  std::vector<ExemptionChange> out;

  Pairing(const core::WaiverFile& b, const core::WaiverFile& h, const std::string& p)
      : base(b), head(h), path(p), base_used(b.waivers.size()), head_used(h.waivers.size()) {}

  // The first unmatched base entry `same` pairs with head entry h, or -1.
  template <typename Same>
  int Match(size_t h, Same same) {
    for (size_t b = 0; b < base.waivers.size(); ++b) {
      if (base_used[b] || !same(base.waivers[b], head.waivers[h])) continue;
      base_used[b] = head_used[h] = true;
      return static_cast<int>(b);
    }
    return -1;
  }
};

// Same gate, id and scope: the same waiver, perhaps edited.
void MatchEdited(Pairing* p) {
  for (size_t h = 0; h < p->head.waivers.size(); ++h) {
    int b = p->Match(h, SameScope);
    if (b < 0) continue;
    const core::Waiver& bw = p->base.waivers[b];
    const core::Waiver& hw = p->head.waivers[h];
    bool later = hw.expires && (!bw.expires || *bw.expires < *hw.expires);
    bool edited = bw.owner != hw.owner || bw.reason != hw.reason || bw.ticket != hw.ticket ||
                  Expiry(bw) != Expiry(hw);
    if (!later && !edited) continue;
    ExemptionChange c = FromWaiver(later ? ExemptionKind::kWaiverExtended
                                         : ExemptionKind::kWaiverEdited, hw, p->path);
    c.detail = EditDetail(bw, hw);
    // An earlier expiry or a new owner alone does not loosen anything; a
    // changed reason or ticket is shown but is not an exemption either.
    c.loosens = later;
    p->out.push_back(std::move(c));
  }
}

// Same gate and id, another scope: re-scoped.
void MatchRescoped(Pairing* p) {
  auto same_id = [](const core::Waiver& a, const core::Waiver& b) {
    return a.gate == b.gate && a.id == b.id;
  };
  for (size_t h = 0; h < p->head.waivers.size(); ++h) {
    if (p->head_used[h]) continue;
    int b = p->Match(h, same_id);
    if (b < 0) continue;
    const core::Waiver& bw = p->base.waivers[b];
    const core::Waiver& hw = p->head.waivers[h];
    ExemptionChange c = FromWaiver(ExemptionKind::kWaiverRescoped, hw, p->path);
    c.detail = Scope(bw) + " -> " + Scope(hw);
    if (Expiry(bw) != Expiry(hw)) c.detail += "; expires " + Expiry(bw) + " -> " + Expiry(hw);
    p->out.push_back(std::move(c));
  }
}

// What is left unmatched: an entry `kind` (added in head, removed from base).
void AddUnmatched(ExemptionKind kind, const core::WaiverFile& file, const std::vector<bool>& used,
                  const std::string& path, std::vector<ExemptionChange>* out) {
  for (size_t i = 0; i < file.waivers.size(); ++i)
    if (!used[i]) {
      ExemptionChange c = FromWaiver(kind, file.waivers[i], path);
      c.detail = Scope(file.waivers[i]);
      out->push_back(std::move(c));
    }
}

}  // namespace

std::string_view ExemptionKindName(ExemptionKind k) {
  switch (k) {
    case ExemptionKind::kWaiverAdded: return "waiver added";
    case ExemptionKind::kWaiverRemoved: return "waiver removed";
    case ExemptionKind::kWaiverExtended: return "waiver extended";
    case ExemptionKind::kWaiverRescoped: return "waiver re-scoped";
    case ExemptionKind::kWaiverEdited: return "waiver edited";
    case ExemptionKind::kIgnoreFile: return "ignore file changed";
    case ExemptionKind::kMarker: return "suppression marker added";
  }
  return "change";
}

std::vector<ExemptionChange> CompareWaiverFiles(const core::WaiverFile& base,
                                                const core::WaiverFile& head,
                                                const std::string& path) {
  Pairing p(base, head, path);
  MatchEdited(&p);
  MatchRescoped(&p);
  AddUnmatched(ExemptionKind::kWaiverAdded, head, p.head_used, path, &p.out);
  AddUnmatched(ExemptionKind::kWaiverRemoved, base, p.base_used, path, &p.out);
  std::stable_sort(p.out.begin(), p.out.end(),
                   [](const ExemptionChange& a, const ExemptionChange& b) {
                     return std::tie(a.kind, a.gate, a.what) < std::tie(b.kind, b.gate, b.what);
                   });
  return std::move(p.out);
}

bool NeedsTicket(const ExemptionChange& c) {
  if (!c.loosens) return false;
  if (c.kind == ExemptionKind::kIgnoreFile || c.kind == ExemptionKind::kMarker) return true;
  return c.ticket.empty();
}

}  // namespace secgate::waivers
