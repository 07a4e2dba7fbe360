// SPDX-License-Identifier: Apache-2.0
// ingest_generate_orders LINES FILE: writes the deterministic Online-Retail-shaped order log
// the import benchmark reads ("-" for standard output).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "retail_generator.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s LINES FILE\n", argv[0]);
    return 2;
  }
  const long long lines = std::atoll(argv[1]);
  const std::string path = argv[2];
  std::FILE* out = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
  if (out == nullptr || lines < 0) {
    std::perror(path.c_str());
    return 1;
  }
  bool ok = centric::bench::WriteRetailCsv(out, lines);
  if (out != stdout) ok = std::fclose(out) == 0 && ok;
  if (!ok) {
    std::perror(path.c_str());
    return 1;
  }
  return 0;
}
