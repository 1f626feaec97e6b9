// secgate-secrets never opens a network connection, but libgit2's init
// (built with mbedTLS on Debian) parses every system CA certificate: about
// 8 ms, most of the pre-commit budget (docs/performance.md). This file,
// linked only into the secgate-secrets executable, interposes the two
// mbedTLS loaders libgit2 calls so that they load nothing and report an
// I/O error. The failure is fail-closed: were a TLS connection ever made,
// no certificate would verify.
extern "C" {

struct mbedtls_x509_crt;

// MBEDTLS_ERR_X509_FILE_IO_ERROR
int mbedtls_x509_crt_parse_file(mbedtls_x509_crt*, const char*) { return -0x2900; }
int mbedtls_x509_crt_parse_path(mbedtls_x509_crt*, const char*) { return -0x2900; }

}  // extern "C"
