// HTML rendering of the waiver report: one self-contained file (inline CSS
// and a little inline JavaScript; no external scripts, fonts or styles),
// readable when printed, sortable and filterable by status, gate and owner.
// Statuses are colour-coded and also spelled out with a symbol, so colour is
// never the only signal. Every value from the waiver file or the results
// goes through Html() — a reason containing <script> renders as text.
#include <algorithm>
#include <set>

#include "gates/core/strings.h"
#include "gates/waivers_tool/report.h"

namespace secgate::waivers {

namespace {

std::string Html(std::string_view s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default: o += c;
    }
  }
  return o;
}

const char* Symbol(core::WaiverStatus s) {
  switch (s) {
    case core::WaiverStatus::kExpired: return "&#x2716;";       // heavy x
    case core::WaiverStatus::kInvalid: return "&#x26A0;";       // warning sign
    case core::WaiverStatus::kExpiringSoon: return "&#x25D4;";  // circle, upper right quadrant
    case core::WaiverStatus::kUnused: return "&#x25CB;";        // white circle
    case core::WaiverStatus::kActive: return "&#x2714;";        // heavy check
  }
  return "";
}

constexpr const char* kStyle = R"CSS(
:root{--expired:#b42318;--invalid:#7a2e0e;--expiring:#b54708;--unused:#475467;--active:#067647}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#101828}
h1{font-size:22px;margin:0 0 4px}h2{font-size:14px;margin:0 0 6px;text-transform:uppercase;color:#475467}
.meta{color:#475467;margin:0 0 16px}code{font:12px ui-monospace,Menlo,Consolas,monospace}
.totals{display:flex;flex-wrap:wrap;gap:16px;margin-bottom:16px}
.cards{display:flex;gap:8px;align-items:flex-start}.card{border:2px solid;border-radius:8px;padding:8px 12px;min-width:84px}
.card .n{display:block;font-size:24px;font-weight:700}
.col{min-width:200px}.col ol,.col ul{margin:0;padding-left:18px}
.filters{margin:12px 0;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d5dd;padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f2f4f7;cursor:pointer;user-select:none;white-space:nowrap}th[aria-sort=ascending]::after{content:" \25B2"}th[aria-sort=descending]::after{content:" \25BC"}
.badge{display:inline-block;border:1px solid;border-radius:10px;padding:0 8px;font-weight:600;white-space:nowrap}
.s-expired{color:var(--expired);border-color:var(--expired)}.s-invalid{color:var(--invalid);border-color:var(--invalid)}
.s-expiring{color:var(--expiring);border-color:var(--expiring)}.s-unused{color:var(--unused);border-color:var(--unused)}
.s-active{color:var(--active);border-color:var(--active)}
tr.waiver td:first-child{border-left:4px solid}
tr.s-expired td:first-child{border-left-color:var(--expired)}tr.s-invalid td:first-child{border-left-color:var(--invalid)}
tr.s-expiring td:first-child{border-left-color:var(--expiring)}tr.s-unused td:first-child{border-left-color:var(--unused)}
tr.s-active td:first-child{border-left-color:var(--active)}
tr.s-expired{background:#fef3f2}tr.s-invalid{background:#fff6ed}tr.s-expiring{background:#fffaeb}
tr.s-unused{background:#f9fafb}tr.s-active{background:#fff}tr.waiver td{color:#101828}
.sub{color:#475467;font-size:12px}.problem{color:var(--invalid);font-weight:600}ul.m{margin:0;padding-left:16px}
@media print{body{margin:0;font-size:10pt}.filters{display:none}th{cursor:auto}
 tr{break-inside:avoid}thead{display:table-header-group}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit}}
)CSS";

constexpr const char* kScript = R"JS(
(function(){
var t=document.getElementById('waivers'),b=t.tBodies[0],keys=['status','gate','owner'];
function apply(){var n=0;
 Array.prototype.forEach.call(b.rows,function(r){
  var ok=keys.every(function(k){var v=document.getElementById('f-'+k).value;return !v||r.getAttribute('data-'+k)===v;});
  r.hidden=!ok;if(ok)n++;});
 document.getElementById('shown').textContent=n+' of '+b.rows.length+' shown';}
keys.forEach(function(k){document.getElementById('f-'+k).addEventListener('change',apply);});
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th){
 var key=th.getAttribute('data-sort');if(!key)return;
 th.addEventListener('click',function(){
  var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
  Array.prototype.forEach.call(t.tHead.rows[0].cells,function(o){o.removeAttribute('aria-sort');});
  th.setAttribute('aria-sort',dir>0?'ascending':'descending');
  var rows=Array.prototype.slice.call(b.rows);
  rows.sort(function(x,y){var a=x.getAttribute('data-'+key),c=y.getAttribute('data-'+key);
   var na=parseFloat(a),nc=parseFloat(c);
   if(!isNaN(na)&&!isNaN(nc)&&na!==nc)return (na-nc)*dir;
   return a<c?-dir:a>c?dir:0;});
  rows.forEach(function(r){b.appendChild(r);});});});
apply();document.documentElement.setAttribute('data-js','ready');
})();
)JS";

std::string Select(const std::string& key, const std::string& label,
                   const std::set<std::string>& values) {
  std::string o = "<label>" + label + " <select id=\"f-" + key + "\"><option value=\"\">all</option>";
  for (const auto& v : values) o += "<option value=\"" + Html(v) + "\">" + Html(v) + "</option>";
  return o + "</select></label>";
}

std::string Row(const ReportEntry& e, const WaiverReport& r, int rank) {
  const core::Waiver& w = e.waiver;
  std::string st(core::WaiverStatusName(e.status));
  std::string gate(core::GateName(w.gate));
  std::string o = "<tr class=\"waiver s-" + st + "\" data-status=\"" + st + "\" data-gate=\"" +
                  gate + "\" data-owner=\"" + Html(w.owner) + "\" data-id=\"" + Html(w.id) +
                  "\" data-rank=\"" + std::to_string(rank) + "\" data-days=\"" +
                  (e.has_expiry ? std::to_string(e.days_left) : "-99999") + "\">";
  o += "<td><span class=\"badge s-" + st + "\">" + Symbol(e.status) + " " + core::AsciiUpper(st) +
       "</span></td>";
  o += "<td>" + Html(w.owner) + "</td>";
  o += "<td><code>" + Html(w.id) + "</code><div class=\"sub\">" + gate + " &middot; line " +
       std::to_string(w.line) + "</div></td>";
  std::string exp = w.expires ? w.expires->ToString() : "&mdash;";
  std::string days;
  if (e.has_expiry)
    days = e.days_left < 0 ? std::to_string(-e.days_left) + " days ago"
                           : "in " + std::to_string(e.days_left) + " days";
  o += "<td>" + exp + "<div class=\"sub\">" + days + "</div></td>";
  std::string scope;
  if (!w.package.empty()) scope += "<div>package <code>" + Html(w.package) + "</code></div>";
  if (!w.path.empty()) scope += "<div>path <code>" + Html(w.path) + "</code></div>";
  o += "<td>" + (scope.empty() ? "everywhere" : scope) + "</td>";
  o += "<td class=\"reason\">" + Html(w.reason);
  if (!w.ticket.empty()) o += "<div class=\"sub\">ticket " + Html(w.ticket) + "</div>";
  for (const auto& p : e.problems) o += "<div class=\"problem\">" + Html(p) + "</div>";
  for (const auto& ren : w.renewed)
    o += "<div class=\"sub\">renewed " + Html(ren.date) + ": " + Html(ren.from) + " &rarr; " +
         Html(ren.until) + " (" + Html(ren.reason) + ")</div>";
  o += "</td><td>";
  if (!r.have_results) o += "<span class=\"sub\">no results given</span>";
  else if (e.matches.empty()) o += "nothing";
  else {
    o += "<ul class=\"m\">";
    for (const auto& f : e.matches) o += "<li>" + Html(FindingText(f)) + "</li>";
    o += "</ul>";
  }
  o += "</td><td><div>added: " + Html(AddedText(e, r)) + "</div><div class=\"sub\">changed: " +
       Html(ChangedText(e)) + "</div></td></tr>\n";
  return o;
}

}  // namespace

std::string RenderHtml(const WaiverReport& r) {
  std::string o = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n";
  o += "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n";
  o += "<title>Waiver report: " + Html(r.file) + "</title>\n<style>" + kStyle + "</style></head>\n<body>\n";
  o += "<h1>Waiver report</h1>\n<p class=\"meta\">File <code>" + Html(r.file) + "</code> &middot; today " +
       Html(r.today) + " &middot; expiring within " + std::to_string(r.expiring_days) + " days &middot; ";
  o += r.have_results ? std::to_string(r.results.size()) + " result file(s)"
                      : "no results given (no waiver reported unused)";
  if (!r.history_note.empty()) o += " &middot; history: " + Html(r.history_note);
  o += "</p>\n<section class=\"totals\"><div class=\"cards\">";
  for (auto st : StatusOrder()) {
    std::string name(core::WaiverStatusName(st));
    o += "<div class=\"card s-" + name + "\" data-count=\"" + name + "\"><span class=\"n\">" +
         std::to_string(r.by_status.at(name)) + "</span>" + Symbol(st) + " " + name + "</div>";
  }
  o += "</div>\n<div class=\"col\"><h2>By gate</h2><ul>";
  for (const auto& [g, n] : r.by_gate) o += "<li>" + Html(g) + ": " + std::to_string(n) + "</li>";
  o += "</ul></div>\n<div class=\"col\"><h2>Next expiries</h2><ol>";
  for (int i : r.next_expiries) {
    const auto& e = r.entries[i];
    o += "<li>" + e.waiver.expires->ToString() + " <code>" + Html(e.waiver.id) + "</code> (" +
         Html(e.waiver.owner) + ")</li>";
  }
  o += "</ol></div>\n<div class=\"col\"><h2>Top owners</h2><ol>";
  for (const auto& [ow, n] : r.top_owners) o += "<li>" + Html(ow) + ": " + std::to_string(n) + "</li>";
  o += "</ol></div></section>\n";

  std::set<std::string> statuses, gates, owners;
  for (const auto& e : r.entries) {
    statuses.insert(std::string(core::WaiverStatusName(e.status)));
    gates.insert(std::string(core::GateName(e.waiver.gate)));
    owners.insert(e.waiver.owner);
  }
  o += "<form class=\"filters\" onsubmit=\"return false\">" + Select("status", "Status", statuses) +
       Select("gate", "Gate", gates) + Select("owner", "Owner", owners) +
       "<span id=\"shown\" class=\"sub\"></span></form>\n";
  o += "<table id=\"waivers\"><thead><tr><th data-sort=\"rank\">Status</th><th data-sort=\"owner\">Owner</th>"
       "<th data-sort=\"id\">Waiver</th><th data-sort=\"days\">Expires</th><th>Scope</th>"
       "<th>Reason</th><th>Waives now</th><th>History</th></tr></thead>\n<tbody>\n";
  const auto& order = StatusOrder();
  for (const auto& e : r.entries) {
    int rank = static_cast<int>(std::find(order.begin(), order.end(), e.status) - order.begin());
    o += Row(e, r, rank);
  }
  o += "</tbody></table>\n<script>" + std::string(kScript) + "</script>\n</body></html>\n";
  return o;
}

}  // namespace secgate::waivers
