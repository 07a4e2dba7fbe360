// SPDX-License-Identifier: Apache-2.0
// The cross-sell area's command: `centric basket` (frequent itemsets and association rules of a
// basket file or of the store's orders).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace centric::crosssell {

// cli/main.cc calls it once.
void RegisterCrossSellCommands(CLI::App& app, cli::CliContext& ctx);

}  // namespace centric::crosssell
