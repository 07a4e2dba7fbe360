// SPDX-License-Identifier: Apache-2.0
#include "cli/command.h"

namespace centric::cli {

void RegisterDemo(CLI::App& app, CliContext& ctx) {
  (void)app;
  (void)ctx;
}

}  // namespace centric::cli
