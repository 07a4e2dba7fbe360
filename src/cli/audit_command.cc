// SPDX-License-Identifier: Apache-2.0
// centric audit: the audit log, newest first, as a table, CSV or JSON Lines.
#include <fmt/format.h>

#include <boost/json/serialize.hpp>

#include "api/json/audit_json.h"
#include "cli/command.h"
#include "platform/audit/audit_log.h"
#include "text/csv_writer.h"

namespace centric::cli {
namespace {

struct AuditOptions {
  std::string actor, entity, entity_id, from, to, format = "table", output = "-";
  int64_t customer = 0;
  int64_t limit = 100;
};

Result<platform::AuditFilter> ToFilter(const AuditOptions& o) {
  platform::AuditFilter f;
  f.actor = o.actor;
  f.entity = o.entity;
  f.entity_id = o.entity_id;
  if (o.customer > 0) f.customer_id = o.customer;
  if (!o.from.empty()) {
    auto t = ParseIso8601(o.from);
    if (!t) return Error(InvalidArgument("must be an ISO 8601 date or time", "--from"));
    f.from = *t;
  }
  if (!o.to.empty()) {
    auto t = ParseIso8601(o.to);
    if (!t) return Error(InvalidArgument("must be an ISO 8601 date or time", "--to"));
    f.to = *t;
  }
  return f;
}

int RunAudit(CliContext& ctx, const AuditOptions& options) {
  auto filter = ToFilter(options);
  if (!filter) return ReportError(filter.error());
  if (Status s = RefuseStoreAsOutput(ctx.db, options.output, "--output"); !s.ok()) {
    return ReportError(s);
  }
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return ctx.exit_code;
  auto log = platform::MakeAuditLog(stores->connection());
  auto out = text::Output::Open(options.output);
  if (!out) return ReportError(out.error());
  text::CsvWriter csv(**out);
  if (options.format == "csv") csv.Record(api::AuditCsvHeader());
  int64_t shown = 0;
  Status s = log->Scan(*filter, [&](const platform::AuditEntry& e) -> Status {
    if (options.limit > 0 && shown == options.limit) {
      return Status(StatusCode::kResourceExhausted, "limit reached");  // stops the scan
    }
    ++shown;
    if (options.format == "csv") {
      csv.Record(api::AuditCsvRow(e));
    } else if (options.format == "jsonl") {
      (*out)->Write(boost::json::serialize(api::AuditEntryJson(e)) + "\n");
    } else {
      std::string who =
          e.actor.name.empty() ? std::string(platform::ActorKindName(e.actor.kind)) : e.actor.name;
      (*out)->Write(fmt::format("{:>6}  {}  {:<24} {:<15} {:<10} {} {}  {}\n", e.id,
                                FormatIso8601(e.at), who, e.actor.source, e.action, e.entity,
                                e.entity_id, e.changes_json));
    }
    return Status::Ok();
  });
  if (!s.ok() && s.code() != StatusCode::kResourceExhausted) return ReportError(s);
  if (Status closed = (*out)->Close(); !closed.ok()) return ReportError(closed);
  return kExitOk;
}

}  // namespace

void RegisterAudit(CLI::App& app, CliContext& ctx) {
  auto options = std::make_shared<AuditOptions>();
  CLI::App* cmd = app.add_subcommand(
      "audit", "Show the audit log, newest first: who changed what, when and from where");
  AddDbOption(*cmd, ctx);
  cmd->add_option("--actor", options->actor, "Only this actor (email, token name, OS user)");
  cmd->add_option("--entity", options->entity, "Only this entity kind (customer, user, ...)");
  cmd->add_option("--entity-id", options->entity_id, "Only this entity id");
  cmd->add_option("--customer", options->customer, "Only rows about this customer id");
  cmd->add_option("--from", options->from, "From this date or time (ISO 8601, inclusive)");
  cmd->add_option("--to", options->to, "Up to this date or time (ISO 8601, exclusive)");
  cmd->add_option("--limit", options->limit, "At most this many rows; 0 for all")
      ->capture_default_str();
  cmd->add_option("--format", options->format, "table, csv or jsonl")
      ->check(CLI::IsMember({"table", "csv", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--output", options->output, "File to write, - for standard output")
      ->capture_default_str();
  cmd->callback([&ctx, options] { ctx.exit_code = RunAudit(ctx, *options); });
}

}  // namespace centric::cli
