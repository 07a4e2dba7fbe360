// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "demo/demo.h"

namespace centric::cli {
namespace {

struct DemoArgs {
  int64_t customers = 0;
  uint64_t seed = 1;
  int threads = 0;
  bool dry_run = false;
};

// Discards everything: `--dry-run` measures generation alone.
class NullSink : public demo::DemoSink {
 public:
  Status Begin(const std::vector<Product>&) override { return Status::Ok(); }
  Status Write(std::vector<demo::GeneratedCustomer>&) override { return Status::Ok(); }
  Status Finish() override { return Status::Ok(); }
};

// Redraws one stderr line at most five times a second, and only on a terminal, so logs and
// pipes stay clean.
demo::ProgressFn TerminalProgress(bool& printed) {
  if (!isatty(STDERR_FILENO)) return {};
  auto last = std::make_shared<std::chrono::steady_clock::time_point>();
  return [last, &printed](int64_t done, int64_t total) {
    auto now = std::chrono::steady_clock::now();
    if (done < total && now - *last < std::chrono::milliseconds(200)) return;
    *last = now;
    printed = true;
    fmt::print(stderr, "\rdemo: {} / {} customers ({}%)", done, total,
               total > 0 ? done * 100 / total : 100);
    std::fflush(stderr);
  };
}

void RunDemoCommand(const DemoArgs& args, CliContext& ctx) {
  demo::DemoOptions options;
  options.customers = args.customers;
  options.seed = args.seed;
  options.threads = args.threads;
  if (Status valid = demo::ValidateOptions(options); !valid.ok()) {
    ReportError(valid);
    ctx.exit_code = kExitUsage;
    return;
  }
  bool printed = false;
  auto progress = TerminalProgress(printed);
  Result<demo::DemoSummary> summary;
  std::string target = "nowhere (dry run)";
  if (args.dry_run) {
    NullSink sink;
    summary = demo::RunDemo(options, sink, progress);
  } else {
    auto stores = OpenStoresOrReport(ctx);
    if (!stores) return;
    target = fmt::format("{} store {}", stores->backend(), ctx.db);
    summary = demo::WriteDemo(*stores, options, progress);
  }
  if (printed) fmt::print(stderr, "\n");
  if (!summary) {
    ctx.exit_code = ReportError(summary.error());
    return;
  }
  const auto& s = *summary;
  fmt::print(
      "demo seed {} into {}: {} customers, {} products, {} orders, {} order lines, "
      "{} interactions in {:.1f} s ({:.1f} s writing)\n",
      args.seed, target, s.customers, s.products, s.orders, s.order_lines, s.interactions,
      s.seconds, s.write_seconds);
  if (s.existing_customers > 0) {
    fmt::print(
        "{} customers were already there from an earlier run of this seed: updated, "
        "their interactions kept\n",
        s.existing_customers);
  }
}

}  // namespace

void RegisterDemo(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<DemoArgs>();
  auto* cmd = app.add_subcommand(
      "demo", "Fill the store with a realistic, deterministic demo shop (see docs/demo-data.md)");
  cmd->add_option("--customers", args->customers, "Number of customers to generate")
      ->required()
      ->check(CLI::Range(int64_t{0}, int64_t{100'000'000}));
  cmd->add_option("--seed", args->seed, "Seed: the same seed gives the same data")
      ->capture_default_str();
  cmd->add_option("--threads", args->threads, "Generator threads (0: one per core)")
      ->capture_default_str()
      ->check(CLI::Range(0, 256));
  cmd->add_flag("--dry-run", args->dry_run, "Generate without writing, to time generation");
  AddDbOption(*cmd, ctx);
  cmd->callback([args, &ctx] { RunDemoCommand(*args, ctx); });
}

}  // namespace centric::cli
