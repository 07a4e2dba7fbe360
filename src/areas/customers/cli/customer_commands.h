// SPDX-License-Identifier: Apache-2.0
// The customers area's command: `centric customer show ID` (a customer with the latest
// timeline, as JSON).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace centric::customers {

// cli/main.cc calls it once.
void RegisterCustomerCommands(CLI::App& app, cli::CliContext& ctx);

}  // namespace centric::customers
