// SPDX-License-Identifier: Apache-2.0
#include "cli/command.h"

namespace centric::cli {

void RegisterImport(CLI::App& app, CliContext& ctx) {
  (void)app;
  (void)ctx;
}

}  // namespace centric::cli
