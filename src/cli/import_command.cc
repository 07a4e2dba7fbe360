// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "cli/command.h"
#include "core/money.h"
#include "ingest/ingest.h"
#include "jobs/analyze.h"
#include "jobs/crosssell.h"

namespace centric::cli {
namespace {

struct ImportArgs {
  std::string entity;
  std::string file;
  std::string format;
  std::vector<std::string> maps;
  std::string date_format;
  std::string currency = "EUR";
  std::string cancel_prefix = "C";
  std::string skip_bad;
  std::string delimiter = ",";
  bool dry_run = false;
  bool quiet = false;
  bool no_analyze = false;
};

int UsageError(std::string_view message) {
  fmt::print(stderr, "centric: {}\n", message);
  return kExitUsage;
}

// Turns the command line into ImportOptions; a usage error is printed and returned as an exit code.
std::optional<int> BuildOptions(const ImportArgs& args, ingest::ImportOptions& o) {
  o.entity = *ingest::ParseEntity(args.entity);  // CLI11 checked the name
  o.path = args.file;
  if (!args.format.empty())
    o.format = args.format == "jsonl" ? ingest::Format::kJsonl : ingest::Format::kCsv;
  std::string map_text;
  for (const auto& m : args.maps) {
    if (!map_text.empty()) map_text += ',';
    map_text += m;
  }
  auto spec = ingest::ParseMapSpec(o.entity, map_text);
  if (!spec) return UsageError(fmt::format("--map: {}", spec.error().message()));
  o.map = std::move(*spec);
  if (!args.date_format.empty()) {
    auto df = DateFormat::Compile(args.date_format);
    if (!df) return UsageError(fmt::format("--date-format: {}", df.error().message()));
    o.date_format = std::move(*df);
  }
  if (!IsCurrencyCode(args.currency)) {
    return UsageError(fmt::format("--currency: '{}' is not an ISO 4217 code", args.currency));
  }
  o.currency = args.currency;
  o.cancel_prefix = args.cancel_prefix;
  o.rejects_path = args.skip_bad;
  if (args.delimiter == "tab" || args.delimiter == "\\t") {
    o.delimiter = '\t';
  } else if (args.delimiter.size() == 1 && args.delimiter[0] != '"' && args.delimiter[0] != '\n' &&
             args.delimiter[0] != '\r') {
    o.delimiter = args.delimiter[0];
  } else {
    return UsageError(
        fmt::format("--delimiter: '{}' is not one character (or 'tab')", args.delimiter));
  }
  return std::nullopt;
}

void PrintProgress(std::string_view entity, const ingest::ImportProgress& p) {
  double rate = p.seconds > 0 ? static_cast<double>(p.rows) / p.seconds : 0;
  if (p.total_bytes > 0) {
    fmt::print(stderr, "\r\033[K{}: {} rows ({:.0f}%), {:.0f} rows/s", entity, p.rows,
               100.0 * static_cast<double>(p.bytes) / static_cast<double>(p.total_bytes), rate);
  } else {
    fmt::print(stderr, "\r\033[K{}: {} rows, {:.0f} rows/s", entity, p.rows, rate);
  }
  std::fflush(stderr);
}

void PrintSummary(const ImportArgs& args, const ingest::ImportSummary& s) {
  fmt::print(
      "{} {} from {}: {} rows read, {} imported, {} rejected, {} skipped in {:.2f} s ({:.0f} "
      "rows/s)\n",
      args.dry_run ? "checked" : "imported", args.entity, args.file, s.rows_read, s.imported,
      s.rejected, s.skipped, s.seconds, s.RowsPerSecond());
  if (args.entity == "orders") {
    fmt::print("{} orders ({} cancelled); rows without a customer id are skipped\n", s.orders,
               s.cancelled_orders);
  }
  if (!args.skip_bad.empty() && (s.rejected > 0 || s.skipped > 0)) {
    fmt::print("rejected and skipped rows written to {}\n", args.skip_bad);
  }
}

// The import itself has committed; a failed refresh only leaves the previous analysis in
// place, so it is reported as a warning and the exit code stays 0.
void RefreshAnalysis(Stores& stores) {
  auto refreshed = jobs::RefreshStoreAnalysis(stores.retention());
  if (!refreshed) {
    fmt::print(stderr, "centric: warning: the retention analysis was not refreshed: {}\n",
               refreshed.error().message());
  } else if (*refreshed) {
    const auto& report = (*refreshed)->result.report;
    fmt::print("retention analysis refreshed as of {}: {} customers (run {})\n", report.as_of,
               report.customers, (*refreshed)->run_id);
  }
  auto crosssell = jobs::RefreshCrossSell(stores.orders(), stores.crosssell(), stores.retention());
  if (!crosssell) {
    fmt::print(stderr, "centric: warning: the cross-sell model was not refreshed: {}\n",
               crosssell.error().message());
  } else if (*crosssell) {
    fmt::print("cross-sell model refreshed: {} rules, {} item neighbours (run {})\n",
               (*crosssell)->model.rules.size(), (*crosssell)->model.neighbours.size(),
               (*crosssell)->report.at("run_id").as_int64());
  }
}

}  // namespace

void RegisterImport(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand(
      "import", "Import customers, products or orders from CSV or JSON Lines (upsert by id)");
  auto args = std::make_shared<ImportArgs>();
  cmd->add_option("ENTITY", args->entity, "customers, products or orders")
      ->required()
      ->check(CLI::IsMember({"customers", "products", "orders"}));
  cmd->add_option("FILE", args->file, "CSV or JSON Lines file; - reads standard input")->required();
  AddDbOption(*cmd, ctx);
  cmd->add_option("--format", args->format,
                  "csv or jsonl (default: jsonl for .jsonl/.ndjson, else csv)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  cmd->add_option("--map", args->maps,
                  "field=Column,... mapping file columns to fields; quote a column containing "
                  "commas: description=\"Item, name\". Repeatable")
      ->expected(1)
      ->take_all();
  cmd->add_option("--date-format", args->date_format,
                  "strftime-style format of dates, e.g. \"%m/%d/%Y %H:%M\" (default ISO 8601)");
  cmd->add_option("--currency", args->currency, "currency of rows that name none")
      ->capture_default_str();
  cmd->add_option("--cancel-prefix", args->cancel_prefix,
                  "orders: invoices starting with this are cancellations")
      ->capture_default_str();
  cmd->add_option("--skip-bad", args->skip_bad,
                  "import the good rows and write bad (and skipped) rows with line and reason "
                  "to this CSV file; without it any bad row fails the whole import");
  cmd->add_option("--delimiter", args->delimiter, "CSV field delimiter: one character or 'tab'")
      ->capture_default_str();
  cmd->add_flag("--dry-run", args->dry_run, "check the file and report; write nothing");
  cmd->add_flag("-q,--quiet", args->quiet, "no progress line");
  cmd->add_flag("--no-analyze", args->no_analyze,
                "do not refresh the retention analysis after the import (by default a store "
                "that has been analysed is analysed again with the same options)");
  cmd->footer(
      "Fields: customers: external_id (required), name, email, phone, language, country,\n"
      "  time_zone, first_seen, tags, account_owner, consent_<channel>, attr.<name>\n"
      "  (lists separated by ';'); products: sku (required), name, category, price,\n"
      "  unit_cost, currency; orders (one row per line): invoice, customer, timestamp,\n"
      "  product, quantity, price (required), description, country, currency, category,\n"
      "  status, discount, amount. Columns named like a field map to it automatically.\n"
      "Example (UCI Online Retail II):\n"
      "  centric import orders online_retail_ii.csv --currency GBP \\\n"
      "    --map \"customer=Customer ID,timestamp=InvoiceDate,product=StockCode\" \\\n"
      "    --date-format \"%m/%d/%Y %H:%M\" --skip-bad rejects.csv\n"
      "Exit codes: 0 imported, 1 failed (nothing imported), 2 usage error.");
  cmd->callback([&ctx, args] {
    ingest::ImportOptions options;
    if (auto usage = BuildOptions(*args, options)) {
      ctx.exit_code = *usage;
      return;
    }
    bool progress_shown = false;
    if (!args->quiet && ::isatty(STDERR_FILENO)) {
      options.on_progress = [&progress_shown,
                             entity = args->entity](const ingest::ImportProgress& p) {
        progress_shown = true;
        PrintProgress(entity, p);
      };
    }
    Result<ingest::ImportSummary> summary = Error(Internal("not run"));
    std::unique_ptr<Stores> stores;
    if (args->dry_run) {
      auto writer = ingest::MakeDryRunWriter();
      summary = ingest::ImportRows(*writer, options);
    } else {
      stores = OpenStoresOrReport(ctx);
      if (!stores) return;
      summary = ingest::Import(stores->connection(), options);
    }
    if (progress_shown) fmt::print(stderr, "\r\033[K");
    if (!summary) {
      fmt::print(stderr, "centric: {}\n", summary.error().message());
      ctx.exit_code = summary.error().field() == "map" ? kExitUsage : kExitFailure;
      return;
    }
    if (!summary->ignored_columns.empty()) {
      fmt::print(stderr, "centric: columns not imported: {}\n",
                 fmt::join(summary->ignored_columns, ", "));
    }
    PrintSummary(*args, *summary);
    ctx.exit_code = kExitOk;
    if (stores && !args->no_analyze && summary->imported > 0) RefreshAnalysis(*stores);
  });
}

}  // namespace centric::cli
