// SPDX-License-Identifier: Apache-2.0
// The webhooks area's command: `centric webhook`.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace centric::webhooks {

// cli/main.cc calls it once.
void RegisterWebhookCommands(CLI::App& app, cli::CliContext& ctx);

}  // namespace centric::webhooks
