// SPDX-License-Identifier: Apache-2.0
// The access area's commands: `centric user` (web app accounts) and `centric token` (API
// tokens).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace centric::access {

// Adds both commands below; cli/main.cc calls it once.
void RegisterAccessCommands(CLI::App& app, cli::CliContext& ctx);

void RegisterUserCommand(CLI::App& app, cli::CliContext& ctx);
void RegisterTokenCommand(CLI::App& app, cli::CliContext& ctx);

}  // namespace centric::access
