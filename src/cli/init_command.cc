// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include "cli/command.h"

namespace centric::cli {

void RegisterInit(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("init", "Create the store (or migrate it to the latest schema)");
  AddDbOption(*cmd, ctx);
  cmd->callback([&ctx] {
    auto stores = OpenStoresOrReport(ctx);
    if (!stores) return;
    auto version = stores->connection().SchemaVersion();
    if (!version) {
      ctx.exit_code = ReportError(version.error());
      return;
    }
    fmt::print("{} store {} ready at schema version {}\n", stores->backend(), ctx.db, *version);
  });
}

}  // namespace centric::cli
