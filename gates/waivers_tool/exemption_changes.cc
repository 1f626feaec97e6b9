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
  std::vector<ExemptionChange> out;
  std::vector<bool> base_used(base.waivers.size()), head_used(head.waivers.size());
  // Same gate, id and scope: the same waiver, perhaps edited.
  for (size_t h = 0; h < head.waivers.size(); ++h) {
    const core::Waiver& hw = head.waivers[h];
    for (size_t b = 0; b < base.waivers.size(); ++b) {
      if (base_used[b] || !SameScope(base.waivers[b], hw)) continue;
      const core::Waiver& bw = base.waivers[b];
      base_used[b] = head_used[h] = true;
      bool later = hw.expires && (!bw.expires || *bw.expires < *hw.expires);
      bool edited = bw.owner != hw.owner || bw.reason != hw.reason || bw.ticket != hw.ticket ||
                    Expiry(bw) != Expiry(hw);
      if (!later && !edited) break;
      ExemptionChange c = FromWaiver(later ? ExemptionKind::kWaiverExtended
                                           : ExemptionKind::kWaiverEdited, hw, path);
      std::vector<std::string> parts;
      if (Expiry(bw) != Expiry(hw)) parts.push_back("expires " + Expiry(bw) + " -> " + Expiry(hw));
      if (bw.owner != hw.owner) parts.push_back("owner " + bw.owner + " -> " + hw.owner);
      if (bw.ticket != hw.ticket)
        parts.push_back("ticket " + (bw.ticket.empty() ? "none" : bw.ticket) + " -> " +
                        (hw.ticket.empty() ? "none" : hw.ticket));
      if (bw.reason != hw.reason) parts.push_back("reason changed");
      for (const auto& p : parts) c.detail += (c.detail.empty() ? "" : "; ") + p;
      // An earlier expiry or a new owner alone does not loosen anything; a
      // changed reason or ticket is shown but is not an exemption either.
      c.loosens = later;
      out.push_back(std::move(c));
      break;
    }
  }
  // Same gate and id, another scope: re-scoped.
  for (size_t h = 0; h < head.waivers.size(); ++h) {
    if (head_used[h]) continue;
    const core::Waiver& hw = head.waivers[h];
    for (size_t b = 0; b < base.waivers.size(); ++b) {
      const core::Waiver& bw = base.waivers[b];
      if (base_used[b] || bw.gate != hw.gate || bw.id != hw.id) continue;
      base_used[b] = head_used[h] = true;
      ExemptionChange c = FromWaiver(ExemptionKind::kWaiverRescoped, hw, path);
      c.detail = Scope(bw) + " -> " + Scope(hw);
      if (Expiry(bw) != Expiry(hw)) c.detail += "; expires " + Expiry(bw) + " -> " + Expiry(hw);
      out.push_back(std::move(c));
      break;
    }
  }
  for (size_t h = 0; h < head.waivers.size(); ++h)
    if (!head_used[h]) {
      ExemptionChange c = FromWaiver(ExemptionKind::kWaiverAdded, head.waivers[h], path);
      c.detail = Scope(head.waivers[h]);
      out.push_back(std::move(c));
    }
  for (size_t b = 0; b < base.waivers.size(); ++b)
    if (!base_used[b]) {
      ExemptionChange c = FromWaiver(ExemptionKind::kWaiverRemoved, base.waivers[b], path);
      c.detail = Scope(base.waivers[b]);
      out.push_back(std::move(c));
    }
  std::stable_sort(out.begin(), out.end(), [](const ExemptionChange& a, const ExemptionChange& b) {
    return std::tie(a.kind, a.gate, a.what) < std::tie(b.kind, b.gate, b.what);
  });
  return out;
}

bool NeedsTicket(const ExemptionChange& c) {
  if (!c.loosens) return false;
  if (c.kind == ExemptionKind::kIgnoreFile || c.kind == ExemptionKind::kMarker) return true;
  return c.ticket.empty();
}

}  // namespace secgate::waivers
