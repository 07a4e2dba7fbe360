// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "cli/command.h"
#include "ingest/ingest.h"

namespace centric::cli {

void RegisterExport(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand(
      "export", "Export customers, products or orders as CSV or JSON Lines (readable by import)");
  struct Args {
    std::string entity;
    std::string format;
    std::string output = "-";
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("ENTITY", args->entity, "customers, products or orders")
      ->required()
      ->check(CLI::IsMember({"customers", "products", "orders"}));
  cmd->add_option("--format", args->format,
                  "csv or jsonl (default: jsonl when --output ends in .jsonl/.ndjson, else csv)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  cmd->add_option("-o,--output", args->output, "file to write; - is standard output")
      ->capture_default_str();
  AddDbOption(*cmd, ctx);
  cmd->footer(
      "Orders are written one row per order line, customers and products one row each;\n"
      "`centric import` reads the files back without --map.\n"
      "Exit codes: 0 exported, 1 failed, 2 usage error.");
  cmd->callback([&ctx, args] {
    auto entity = *ingest::ParseEntity(args->entity);
    ingest::Format format = args->format.empty()      ? ingest::FormatForPath(args->output)
                            : args->format == "jsonl" ? ingest::Format::kJsonl
                                                      : ingest::Format::kCsv;
    if (Status s = RefuseStoreAsOutput(ctx.db, args->output, "--output"); !s.ok()) {
      ctx.exit_code = ReportError(s);
      return;
    }
    auto stores = OpenStoresOrReport(ctx);
    if (!stores) return;
    auto out = text::Output::Open(args->output);
    if (!out) {
      ctx.exit_code = ReportError(out.error());
      return;
    }
    auto count = ingest::Export(stores->customers(), stores->orders(), entity, format, **out);
    Status closed = (*out)->Close();
    if (!count || !closed.ok()) {
      // A partial file would look like a complete export.
      if (args->output != "-") std::filesystem::remove(args->output);
      ctx.exit_code = ReportError(count ? closed : count.error());
      return;
    }
    if (args->output != "-") {
      fmt::print(stderr, "exported {} {} {} to {}\n", *count,
                 args->entity == "orders" ? "order lines of" : "", args->entity, args->output);
    }
    ctx.exit_code = kExitOk;
  });
}

}  // namespace centric::cli
