// SPDX-License-Identifier: Apache-2.0
#include "areas/access/cli/access_commands.h"

namespace centric::access {

void RegisterAccessCommands(CLI::App& app, cli::CliContext& ctx) {
  RegisterUserCommand(app, ctx);
  RegisterTokenCommand(app, ctx);
}

}  // namespace centric::access
