// SPDX-License-Identifier: Apache-2.0
#include "cli/command.h"

namespace centric::cli {

void RegisterExport(CLI::App& app, CliContext& ctx) {
  (void)app;
  (void)ctx;
}

}  // namespace centric::cli
