// SPDX-License-Identifier: Apache-2.0
#include "cli/command.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "platform/actor.h"

namespace centric::cli {

void AddDbOption(CLI::App& command, CliContext& ctx) {
  command.add_option("--db", ctx.db, "Store: a SQLite file path, or postgresql://user@host/dbname")
      ->capture_default_str();
}

namespace {

// The opened store (or stores), with writes audited as the operating-system user who ran the
// command; nullptr after reporting why it could not be opened.
template <typename T>
std::unique_ptr<T> ForCli(Result<std::unique_ptr<T>> opened, CliContext& ctx) {
  if (!opened) {
    fmt::print(stderr, "centric: cannot open store {}: {}\n", ctx.db, opened.error().message());
    ctx.exit_code = kExitFailure;
    return nullptr;
  }
  (*opened)->connection().set_actor(platform::CliActor());
  return std::move(*opened);
}

}  // namespace

std::unique_ptr<Stores> OpenStoresOrReport(CliContext& ctx) {
  return ForCli(Stores::Open(ctx.db), ctx);
}

Status RefuseStoreAsOutput(const std::string& db, const std::string& output,
                           std::string_view option) {
  namespace fs = std::filesystem;
  if (output == "-" || db.rfind("postgres", 0) == 0) return Status::Ok();
  const std::string path = db.rfind("sqlite://", 0) == 0 ? db.substr(9) : db;
  // By name as well as by file: the -wal and -shm files exist only while the store is open.
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(output, ec);
  for (const std::string& file : {path, path + "-wal", path + "-shm"}) {
    std::error_code file_ec;
    const bool same = (!ec && target == fs::weakly_canonical(file, file_ec) && !file_ec) ||
                      fs::equivalent(output, file, file_ec);
    if (same) {
      return InvalidArgument(
          fmt::format("{} is the store's own file; writing it would destroy the store", output),
          std::string(option));
    }
  }
  return Status::Ok();
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
