// SPDX-License-Identifier: Apache-2.0
// The retention area's command: `centric analyze` (and, unless --no-crosssell, the cross-sell
// model after it).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace centric::retention {

// cli/main.cc calls it once.
void RegisterRetentionCommands(CLI::App& app, cli::CliContext& ctx);

}  // namespace centric::retention
