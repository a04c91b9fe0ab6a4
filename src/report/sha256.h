// SHA-256 (FIPS 180-4) and base64, for the Content-Security-Policy of
// report.html: the page allows exactly the one inline script whose hash it
// declares ('sha256-...'), so a script that slipped into the page any other
// way would not run. Not for security-critical hashing of secrets (no
// constant-time guarantees are needed or given here).
// Pure functions: thread-safe.
#ifndef DOSSIER_REPORT_SHA256_H_
#define DOSSIER_REPORT_SHA256_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::report_internal {

// The 32-byte SHA-256 digest of `data`.
std::array<uint8_t, 32> Sha256(std::string_view data);

// Standard base64 (RFC 4648, with '=' padding) of `data`.
std::string Base64(std::string_view data);

// "sha256-<base64 digest>": a CSP source expression for `data`.
std::string CspHash(std::string_view data);

}  // namespace dossier::report_internal

#endif  // DOSSIER_REPORT_SHA256_H_
