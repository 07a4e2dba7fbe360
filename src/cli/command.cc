// SPDX-License-Identifier: Apache-2.0
#include "cli/command.h"

#include "platform/actor.h"

#include <fmt/format.h>

#include <cstdio>

namespace centric::cli {

void AddDbOption(CLI::App& command, CliContext& ctx) {
  command.add_option("--db", ctx.db,
                     "Store: a SQLite file path, or postgresql://user@host/dbname")
      ->capture_default_str();
}

std::unique_ptr<store::Store> OpenStoreOrReport(CliContext& ctx) {
  auto opened = store::OpenStore(ctx.db);
  if (!opened) {
    fmt::print(stderr, "centric: cannot open store {}: {}\n", ctx.db, opened.error().message());
    ctx.exit_code = kExitFailure;
    return nullptr;
  }
  // Whatever the command writes is audited as the operating-system user who ran it.
  (*opened)->connection().set_actor(platform::CliActor());
  return std::move(*opened);
}

int ReportError(const Status& status) {
  if (status.field().empty()) {
    fmt::print(stderr, "centric: {}\n", status.message());
  } else {
    fmt::print(stderr, "centric: {}: {}\n", status.field(), status.message());
  }
  return kExitFailure;
}

}  // namespace centric::cli
