// JUnit XML as GitLab (artifacts:reports:junit) and Jenkins (junit step)
// read it: <testsuites> with one <testsuite> per gate input, one <testcase>
// per finding — <failure> for a violation, <skipped> for a waived finding,
// a plain passing test for one below the threshold or ignored — and one
// passing test for a clean input so the report is never empty. An error
// verdict is one test with an <error>. Every value is XML-escaped, and
// characters XML 1.0 forbids are dropped.
//
//   JunitReporter().Write(verdict, out);
#pragma once

#include "gates/core/report/reporter.h"

namespace secgate::core {

class JunitReporter : public Reporter {
 public:
  void Write(const Verdict& v, std::ostream& out) const override;
};

}  // namespace secgate::core
