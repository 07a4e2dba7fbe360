// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <boost/json.hpp>

#include "cli/command.h"
#include "core/json_codec.h"

namespace centric::cli {

void RegisterCustomer(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("customer", "Look at one customer");
  cmd->require_subcommand(1);
  auto* show = cmd->add_subcommand("show", "Print a customer with the latest timeline events as JSON");
  AddDbOption(*show, ctx);
  auto id = std::make_shared<std::string>();
  auto limit = std::make_shared<int>(20);
  show->add_option("ID", *id, "Internal id, or external id when prefixed with 'ext:'")->required();
  show->add_option("--events", *limit, "How many timeline events to show")->capture_default_str();
  show->callback([&ctx, id, limit] {
    auto store = OpenStoreOrReport(ctx);
    if (!store) return;
    Result<Customer> customer = Error(NotFound(""));
    if (id->rfind("ext:", 0) == 0) {
      customer = store->GetCustomerByExternalId(id->substr(4));
    } else {
      char* end = nullptr;
      long long value = std::strtoll(id->c_str(), &end, 10);
      if (id->empty() || *end != '\0' || value <= 0) {
        fmt::print(stderr, "centric: '{}' is not a customer id (use ext:ID for an external id)\n", *id);
        ctx.exit_code = kExitUsage;
        return;
      }
      customer = store->GetCustomer(value);
    }
    if (!customer) {
      ctx.exit_code = ReportError(customer.error());
      return;
    }
    auto timeline = store->Timeline(customer->id, store::PageRequest{.limit = *limit});
    if (!timeline) {
      ctx.exit_code = ReportError(timeline.error());
      return;
    }
    boost::json::array events;
    for (const auto& e : timeline->items) {
      boost::json::object o;
      o["type"] = e.type == store::TimelineEvent::Type::kOrder ? "order" : "interaction";
      o["id"] = e.id;
      o["at"] = FormatIso8601(e.at);
      o["kind"] = e.kind;
      o["summary"] = e.summary;
      if (e.type == store::TimelineEvent::Type::kOrder) {
        o["amount_minor"] = e.amount_minor;
        o["currency"] = e.currency;
      } else {
        o["channel"] = e.channel;
      }
      events.emplace_back(std::move(o));
    }
    boost::json::object out = ToJson(*customer);
    out["timeline"] = std::move(events);
    fmt::print("{}\n", boost::json::serialize(out));
  });
}

}  // namespace centric::cli
