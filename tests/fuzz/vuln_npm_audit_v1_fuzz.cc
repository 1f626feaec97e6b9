// libFuzzer target: the npm-audit-v1 reader (gates/vuln/readers) over arbitrary
// bytes. Must never crash or hang; findings must satisfy CheckReaderResult.
// Corpus: corpus/vuln_npm_audit_v1_fuzz/.
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return secgate::fuzz::RunReader(&secgate::vuln::ReadNpmAuditV1, data, size);
}
