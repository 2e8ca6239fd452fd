// A throwaway certificate for TLS tests: an ECDSA P-256 key and a self-signed certificate for
// "localhost" and 127.0.0.1, written as PEM files into a folder.
//
//   auto files = write_self_signed_certificate(dir.path());
//   options.tls_certificate_file = files.certificate;   // files.private_key, files.certificate
#pragma once

#include <filesystem>
#include <string>

namespace haven::testing {

struct CertificateFiles {
  std::string certificate;
  std::string private_key;
};

CertificateFiles write_self_signed_certificate(const std::filesystem::path& folder);

}  // namespace haven::testing
