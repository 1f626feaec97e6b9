#!/usr/bin/env python3
"""Independent counts of a SARIF 2.1.0 log or of a Trivy report's
misconfigurations, for the secgate-code end-to-end tests.

Written from the SARIF 2.1.0 specification (OASIS, sections 3.27 result,
3.49 reportingDescriptor, 3.52/3.54 references, 3.58 suppression) and
GitHub's documentation of `security-severity`, not from secgate's C++: the
tests compare the gate's JSON verdict with what this prints.

    sarif_counts.py LOG.sarif...          SARIF mode
    sarif_counts.py --trivy REPORT...     Trivy mode ("-" reads stdin in both)

One line of JSON per file, in the order given (one process for many files:
the tests start it once). Exit 2 with a message for a file it cannot read.

SARIF mode prints
    {"per_level": {level: n}, "by_severity": {severity: n}, "findings": n,
     "suppressed": n, "not_findings": n, "passed": n, "absent": n,
     "violations_at": {"critical": n, "high": n, "medium": n, "low": n}}
where
  - results of kind pass / notApplicable are "passed", nothing else;
  - a result's level is result.level; else "none" when kind is present and
    not "fail" (3.27.10); else its rule's defaultConfiguration.level; else
    "warning". per_level counts every result that is not passed;
  - its severity is security-severity (result.properties, else the rule's
    properties) in CVSS bands (>= 9 critical, >= 7 high, >= 4 medium, else
    low; the words critical/high/medium/low are accepted too); else its
    level: error high, warning medium, note low, none: not a finding
    ("not_findings");
  - a finding is suppressed when one of its suppressions has status
    accepted, underReview or no status (3.58.4: rejected ones do not count);
  - baselineState "absent" (3.27.24: in the baseline, gone from this run)
    is counted in "absent" and is never a violation;
  - violations_at[t]: findings neither suppressed nor absent whose severity
    is t or worse.

Trivy mode prints
    {"by_status": {status: n}, "by_severity": {severity: n}, "findings": n,
     "suppressed": n, "passed": n, "summary_failures": n,
     "vulnerabilities": n, "secrets": n, "licenses": n,
     "violations_at": {...}}
over Results[].Misconfigurations[] in every layout Trivy writes: a report's
top-level Results, `trivy k8s` Resources[].Results, the older `trivy k8s`
top-level Vulnerabilities[] / Misconfigurations[] lists of resources with
Results, and the legacy top-level array of results. FAIL and EXCEPTION are
findings (EXCEPTION suppressed), PASS is passed; by_severity counts the
findings; summary_failures sums MisconfSummary.Failures; an UNKNOWN
severity counts as high for violations_at (secgate's documented
code.unknown_as default).
"""

import json
import re
import sys

SEVERITIES = ["critical", "high", "medium", "low"]
RANK = {s: len(SEVERITIES) - i for i, s in enumerate(SEVERITIES)}
LEVEL_SEVERITY = {"error": "high", "warning": "medium", "note": "low"}
NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$")


class Refused(Exception):
    pass


def load(path):
    data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
    return json.loads(data.decode("utf-8"))


def cvss_band(score):
    if score >= 9.0:
        return "critical"
    if score >= 7.0:
        return "high"
    if score >= 4.0:
        return "medium"
    return "low"


def security_severity(props):
    """The severity a properties bag's security-severity gives, or None."""
    if not isinstance(props, dict) or props.get("security-severity") is None:
        return None
    value = props["security-severity"]
    if isinstance(value, bool):
        raise Refused("security-severity is a boolean")
    if isinstance(value, (int, float)):
        score = float(value)
    elif isinstance(value, str) and NUMBER.match(value):
        score = float(value)
    elif isinstance(value, str) and value.lower() in RANK:
        return value.lower()
    else:
        raise Refused("security-severity %r is not a score or a severity word" % (value,))
    if not 0.0 <= score <= 10.0:
        raise Refused("security-severity %r is outside 0-10" % (value,))
    return cvss_band(score)


def component_of(run, reference):
    """The tool component a toolComponentReference names (3.54), or None."""
    tool = run.get("tool") or {}
    extensions = tool.get("extensions") or []
    if not isinstance(reference, dict):
        return tool.get("driver") or {}
    index = reference.get("index", -1)
    if isinstance(index, int) and index >= 0:
        return extensions[index] if index < len(extensions) else None
    name = reference.get("name")
    if name and name != (tool.get("driver") or {}).get("name"):
        for ext in extensions:
            if ext.get("name") == name:
                return ext
    return tool.get("driver") or {}


def find_by_id(components, rule_id):
    """The rule with rule_id, else its hierarchical parents ("a/b" -> "a")."""
    while rule_id:
        for comp in components:
            for rule in comp.get("rules") or []:
                if rule.get("id") == rule_id:
                    return rule
        if "/" not in rule_id:
            break
        rule_id = rule_id.rsplit("/", 1)[0]
    return None


def rule_of(run, result):
    """The reportingDescriptor a result refers to (3.27.5-3.27.7), or None."""
    ref = result.get("rule") if isinstance(result.get("rule"), dict) else {}
    index = ref.get("index", result.get("ruleIndex", -1))
    if not isinstance(index, int) or index < 0:
        index = result.get("ruleIndex", -1)
    rule_id = ref.get("id") or result.get("ruleId") or ""
    has_component = "toolComponent" in ref
    component = component_of(run, ref.get("toolComponent"))
    if component is None:
        return None
    rules = component.get("rules") or []
    if isinstance(index, int) and index >= 0:
        return rules[index] if index < len(rules) else None
    if not rule_id:
        return None
    if has_component:
        return find_by_id([component], rule_id)
    tool = run.get("tool") or {}
    return find_by_id([tool.get("driver") or {}] + list(tool.get("extensions") or []), rule_id)


def level_of(result, rule):
    if result.get("level"):
        return result["level"]
    kind = result.get("kind")
    if kind is not None and kind != "fail":
        return "none"
    default = (rule or {}).get("defaultConfiguration") or {}
    return default.get("level") or "warning"


def suppressed(result):
    for s in result.get("suppressions") or []:
        if s.get("status") in (None, "accepted", "underReview"):
            return True
    return False


def empty_counts():
    return {s: 0 for s in SEVERITIES}


def violations(findings):
    """findings: (severity, counted) pairs -> violations at each threshold."""
    return {t: sum(1 for sev, counted in findings if counted and RANK[sev] >= RANK[t])
            for t in SEVERITIES}


def count_sarif(doc):
    if not isinstance(doc, dict) or not isinstance(doc.get("runs"), list):
        raise Refused("not a SARIF log (no runs array)")
    if doc.get("version", "2.1.0") != "2.1.0":
        raise Refused("SARIF version %r" % doc.get("version"))
    out = {"per_level": {}, "by_severity": empty_counts(), "findings": 0, "suppressed": 0,
           "not_findings": 0, "passed": 0, "absent": 0}
    gated = []
    for run in doc["runs"]:
        for result in run.get("results") or []:
            if result.get("kind") in ("pass", "notApplicable"):
                out["passed"] += 1
                continue
            rule = rule_of(run, result)
            level = level_of(result, rule)
            out["per_level"][level] = out["per_level"].get(level, 0) + 1
            severity = security_severity(result.get("properties"))
            if severity is None and rule is not None:
                severity = security_severity(rule.get("properties"))
            if severity is None:
                severity = LEVEL_SEVERITY.get(level)
            if severity is None:
                out["not_findings"] += 1
                continue
            out["findings"] += 1
            out["by_severity"][severity] += 1
            is_suppressed = suppressed(result)
            is_absent = result.get("baselineState") == "absent"
            out["suppressed"] += is_suppressed
            out["absent"] += is_absent
            gated.append((severity, not is_suppressed and not is_absent))
    out["violations_at"] = violations(gated)
    return out


def trivy_results(doc):
    """Every result object of a Trivy report, whatever its layout."""
    if isinstance(doc, list):
        return [r for r in doc if isinstance(r, dict)]
    results = list(doc.get("Results") or [])
    for key in ("Resources", "Vulnerabilities", "Misconfigurations"):
        for resource in doc.get(key) or []:
            if isinstance(resource, dict):
                results.extend(resource.get("Results") or [])
    return results


def count_trivy(doc):
    out = {"by_status": {}, "by_severity": dict(empty_counts(), unknown=0), "findings": 0,
           "suppressed": 0, "passed": 0, "summary_failures": 0, "vulnerabilities": 0,
           "secrets": 0, "licenses": 0}
    gated = []
    for result in trivy_results(doc):
        out["vulnerabilities"] += len(result.get("Vulnerabilities") or [])
        out["secrets"] += len(result.get("Secrets") or [])
        out["licenses"] += len(result.get("Licenses") or [])
        out["summary_failures"] += (result.get("MisconfSummary") or {}).get("Failures", 0)
        for m in result.get("Misconfigurations") or []:
            status = m.get("Status", "")
            out["by_status"][status] = out["by_status"].get(status, 0) + 1
            if status == "PASS":
                out["passed"] += 1
                continue
            severity = (m.get("Severity") or "UNKNOWN").lower()
            if severity not in out["by_severity"]:
                raise Refused("Severity %r" % m.get("Severity"))
            out["findings"] += 1
            out["by_severity"][severity] += 1
            out["suppressed"] += status == "EXCEPTION"
            gated.append(("high" if severity == "unknown" else severity, status == "FAIL"))
    out["violations_at"] = violations(gated)
    return out


def main(argv):
    trivy = bool(argv) and argv[0] == "--trivy"
    files = argv[1:] if trivy else argv
    if not files or any(f.startswith("--") for f in files):
        sys.stderr.write("usage: sarif_counts.py [--trivy] FILE...\n")
        return 2
    for path in files:
        try:
            doc = load(path)
            counts = count_trivy(doc) if trivy else count_sarif(doc)
        except (OSError, ValueError, Refused) as e:
            sys.stderr.write("sarif_counts.py: %s: %s\n" % (path, e))
            return 2
        json.dump(counts, sys.stdout, sort_keys=True)
        sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
