// SPDX-License-Identifier: Apache-2.0
// The pieces every `centric` subcommand shares: the global options, exit codes, and opening
// the store named by --db with a readable error. Each subcommand lives in its own file and
// registers itself on the CLI11 app through a Register* function declared here.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "areas/stores.h"

namespace centric::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

inline constexpr const char* kDefaultDb = "./centric.db";

struct CliContext {
  std::string db = kDefaultDb;
  int exit_code = kExitOk;
};

// Adds `--db URL` to a subcommand, bound to ctx.db.
void AddDbOption(CLI::App& command, CliContext& ctx);

// Opens ctx.db with every area's store on one connection; on failure prints "centric: cannot
// open store ...: reason" to stderr, sets ctx.exit_code to kExitFailure and returns nullptr.
std::unique_ptr<Stores> OpenStoresOrReport(CliContext& ctx);

// InvalidArgument (field `option`) when `output` is the store file at `db` or its -wal or -shm
// file: writing there would destroy the store.
Status RefuseStoreAsOutput(const std::string& db, const std::string& output,
                           std::string_view option);

// Prints "centric: <status>" to stderr and returns kExitFailure (kExitUsage for
// InvalidArgument raised by the command line itself is the caller's choice).
int ReportError(const Status& status);

void RegisterInit(CLI::App& app, CliContext& ctx);
void RegisterImport(CLI::App& app, CliContext& ctx);
void RegisterExport(CLI::App& app, CliContext& ctx);
void RegisterDemo(CLI::App& app, CliContext& ctx);
void RegisterServe(CLI::App& app, CliContext& ctx);
void RegisterAudit(CLI::App& app, CliContext& ctx);

}  // namespace centric::cli
