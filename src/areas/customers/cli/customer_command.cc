// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <boost/json.hpp>

#include "areas/customers/cli/customer_commands.h"
#include "areas/customers/routes/timeline_json.h"
#include "core/json_codec.h"

namespace centric::customers {

using cli::AddDbOption;
using cli::CliContext;
using cli::kExitUsage;
using cli::OpenStoresOrReport;
using cli::ReportError;

void RegisterCustomerCommands(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("customer", "Look at one customer");
  cmd->require_subcommand(1);
  auto* show =
      cmd->add_subcommand("show", "Print a customer with the latest timeline events as JSON");
  AddDbOption(*show, ctx);
  auto id = std::make_shared<std::string>();
  auto limit = std::make_shared<int>(20);
  show->add_option("ID", *id, "Internal id, or external id when prefixed with 'ext:'")->required();
  show->add_option("--events", *limit, "How many timeline events to show")->capture_default_str();
  show->callback([&ctx, id, limit] {
    auto stores = OpenStoresOrReport(ctx);
    if (!stores) return;
    CustomerStore* store = &stores->customers();
    Result<Customer> customer = Error(NotFound(""));
    if (id->rfind("ext:", 0) == 0) {
      customer = store->GetCustomerByExternalId(id->substr(4));
    } else {
      char* end = nullptr;
      long long value = std::strtoll(id->c_str(), &end, 10);
      if (id->empty() || *end != '\0' || value <= 0) {
        fmt::print(stderr, "centric: '{}' is not a customer id (use ext:ID for an external id)\n",
                   *id);
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
    // The same shape as the API's customer view.
    boost::json::array events;
    for (const auto& e : timeline->items) events.emplace_back(TimelineEventJson(e));
    boost::json::object out = ToJson(*customer);
    out["timeline"] = std::move(events);
    fmt::print("{}\n", boost::json::serialize(out));
  });
}

}  // namespace centric::customers
