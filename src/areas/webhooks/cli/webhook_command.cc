// SPDX-License-Identifier: Apache-2.0
// centric webhook add|list|update|remove|deliveries|test|run: webhook subscriptions from the
// command line, and the dispatcher in the foreground for stores that `centric serve` does not
// serve.
#include <fmt/format.h>
#include <signal.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "areas/webhooks/cli/webhook_commands.h"
#include "areas/webhooks/dispatcher.h"
#include "areas/webhooks/dispatcher_thread.h"
#include "areas/webhooks/webhook_rules.h"
#include "platform/events/event_types.h"

namespace centric::webhooks {
namespace {

using cli::AddDbOption;
using cli::CliContext;
using cli::OpenStoresOrReport;
using cli::ReportError;

struct WebhookOptions {
  int64_t id = 0;
  std::string url;
  std::vector<std::string> events;
  std::string description;
  bool secret_stdin = false;
  bool enable = false;
  bool disable = false;
  std::string status;
  int limit = 20;
};

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ",") + v;
  return out;
}

void Add(CliContext& ctx, const WebhookOptions& opts) {
  SubscriptionDraft draft;
  draft.url = opts.url;
  draft.event_types = opts.events;
  draft.description = opts.description;
  if (opts.secret_stdin) {
    std::getline(std::cin, draft.secret);
    if (!draft.secret.empty() && draft.secret.back() == '\r') draft.secret.pop_back();
  }
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return;
  auto created = stores->webhooks().CreateSubscription(draft);
  if (!created) {
    ctx.exit_code = ReportError(created.error());
    return;
  }
  // The secret alone on stdout, for scripts; it is shown only this once.
  fmt::print("{}\n", created->secret);
  fmt::print(stderr,
             "centric: added webhook {} for {} -> {}; keep the secret above, it is "
             "shown only this once\n",
             created->id, Join(created->event_types), created->url);
}

void List(CliContext& ctx) {
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return;
  auto list = stores->webhooks().ListSubscriptions();
  if (!list) {
    ctx.exit_code = ReportError(list.error());
    return;
  }
  fmt::print("{:>5}  {:<8}  {:<40}  {}\n", "ID", "STATE", "EVENTS", "URL");
  for (const auto& s : *list) {
    fmt::print("{:>5}  {:<8}  {:<40}  {}\n", s.id, s.active ? "active" : "paused",
               Join(s.event_types), s.url);
  }
}

void Update(CliContext& ctx, const WebhookOptions& opts) {
  SubscriptionChange change;
  if (!opts.url.empty()) change.url = opts.url;
  if (!opts.events.empty()) change.event_types = opts.events;
  if (!opts.description.empty()) change.description = opts.description;
  if (opts.enable) change.active = true;
  if (opts.disable) change.active = false;
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return;
  auto updated = stores->webhooks().UpdateSubscription(opts.id, change);
  if (!updated) {
    ctx.exit_code = ReportError(updated.error());
    return;
  }
  fmt::print(stderr, "centric: webhook {} is {}, for {} -> {}\n", updated->id,
             updated->active ? "active" : "paused", Join(updated->event_types), updated->url);
}

void Remove(CliContext& ctx, int64_t id) {
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return;
  if (Status s = stores->webhooks().DeleteSubscription(id); !s.ok()) {
    ctx.exit_code = ReportError(s);
    return;
  }
  fmt::print(stderr, "centric: removed webhook {} and its delivery log\n", id);
}

void PrintDelivery(const Delivery& d) {
  fmt::print("{:>8}  {:<20}  {:<9}  {:>8}  {:>6}  {:>8}  {}\n", d.id, d.event_type,
             DeliveryStatusName(d.status), d.attempts,
             d.last_status_code ? std::to_string(*d.last_status_code) : "-",
             d.latency_ms ? fmt::format("{} ms", *d.latency_ms) : "-", d.last_error);
}

void Deliveries(CliContext& ctx, const WebhookOptions& opts) {
  DeliveryFilter filter;
  filter.subscription_id = opts.id;
  filter.page.limit = opts.limit;
  if (!opts.status.empty()) {
    auto status = ParseDeliveryStatus(opts.status);
    if (!status) {
      ctx.exit_code = ReportError(status.error());
      return;
    }
    filter.status = *status;
  }
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return;
  auto page = stores->webhooks().ListDeliveries(filter);
  if (!page) {
    ctx.exit_code = ReportError(page.error());
    return;
  }
  fmt::print("{:>8}  {:<20}  {:<9}  {:>8}  {:>6}  {:>8}  {}\n", "ID", "EVENT", "STATUS", "ATTEMPTS",
             "HTTP", "LATENCY", "LAST ERROR");
  for (const auto& d : page->items) PrintDelivery(d);
}

void Test(CliContext& ctx, int64_t id) {
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return;
  auto delivery = SendTestPing(stores->webhooks(), id, SenderOptions{});
  if (!delivery) {
    ctx.exit_code = ReportError(delivery.error());
    return;
  }
  if (delivery->status == DeliveryStatus::kDelivered) {
    fmt::print(stderr, "centric: ping delivered to webhook {}: HTTP {} in {} ms\n", id,
               delivery->last_status_code.value_or(0), delivery->latency_ms.value_or(0));
  } else {
    fmt::print(stderr, "centric: ping to webhook {} failed: {}\n", id, delivery->last_error);
    ctx.exit_code = cli::kExitFailure;
  }
}

void RunDispatcher(CliContext& ctx) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  auto dispatcher = DispatcherThread::Start(ctx.db, DispatcherOptions{});
  if (!dispatcher) {
    ctx.exit_code = ReportError(dispatcher.error());
    return;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  if ((*dispatcher)->delivering()) {
    fmt::print(stderr, "centric: delivering webhooks from {} until SIGINT or SIGTERM\n", ctx.db);
  } else {
    fmt::print(stderr,
               "centric: another process delivers webhooks from {}; standing by until "
               "it stops, or SIGINT or SIGTERM\n",
               ctx.db);
  }
  int signal = 0;
  sigwait(&stop_signals, &signal);
  (*dispatcher)->Stop();
}

}  // namespace

void RegisterWebhookCommands(CLI::App& app, CliContext& ctx) {
  auto* webhook = app.add_subcommand(
      "webhook", "Subscribe URLs to events, read delivery logs, send test pings");
  webhook->require_subcommand(1);
  auto opts = std::make_shared<WebhookOptions>();

  auto* add = webhook->add_subcommand("add", "Subscribe a URL; prints its signing secret once");
  AddDbOption(*add, ctx);
  add->add_option("--url", opts->url, "http:// or https:// URL to POST events to")->required();
  add->add_option("--event", opts->events,
                  "Event type to deliver (repeat for more; * for all); see `centric webhook "
                  "add --help` footer")
      ->required();
  add->add_option("--description", opts->description, "What the subscription is for");
  add->add_flag("--secret-stdin", opts->secret_stdin,
                "Read the signing secret (32+ bytes) from standard input instead of making one");
  std::string known;
  for (std::string_view t : platform::kEventTypes) known += fmt::format(" {}", t);
  add->footer("Event types:" + known);
  add->callback([opts, &ctx] { Add(ctx, *opts); });

  auto* list = webhook->add_subcommand("list", "List subscriptions (never their secrets)");
  AddDbOption(*list, ctx);
  list->callback([&ctx] { List(ctx); });

  auto* update = webhook->add_subcommand("update", "Change a subscription, pause or resume it");
  AddDbOption(*update, ctx);
  update->add_option("id", opts->id, "Webhook id")->required()->check(CLI::PositiveNumber);
  update->add_option("--url", opts->url, "New URL");
  update->add_option("--event", opts->events, "New event types (repeat for more)");
  update->add_option("--description", opts->description, "New description");
  auto* enable = update->add_flag("--enable", opts->enable, "Resume deliveries");
  update->add_flag("--disable", opts->disable, "Pause deliveries")->excludes(enable);
  update->callback([opts, &ctx] { Update(ctx, *opts); });

  auto* remove = webhook->add_subcommand("remove", "Remove a subscription and its log");
  AddDbOption(*remove, ctx);
  remove->add_option("id", opts->id, "Webhook id")->required()->check(CLI::PositiveNumber);
  remove->callback([opts, &ctx] { Remove(ctx, opts->id); });

  auto* deliveries = webhook->add_subcommand("deliveries", "Show a subscription's delivery log");
  AddDbOption(*deliveries, ctx);
  deliveries->add_option("id", opts->id, "Webhook id")->required()->check(CLI::PositiveNumber);
  deliveries->add_option("--status", opts->status, "pending, delivered or failed");
  deliveries->add_option("--limit", opts->limit, "Newest first, at most this many")
      ->capture_default_str()
      ->check(CLI::Range(1, 500));
  deliveries->callback([opts, &ctx] { Deliveries(ctx, *opts); });

  auto* test = webhook->add_subcommand("test", "Send a signed ping now and report the answer");
  AddDbOption(*test, ctx);
  test->add_option("id", opts->id, "Webhook id")->required()->check(CLI::PositiveNumber);
  test->callback([opts, &ctx] { Test(ctx, opts->id); });

  auto* run = webhook->add_subcommand(
      "run", "Deliver webhooks until SIGINT or SIGTERM (`centric serve` already does)");
  AddDbOption(*run, ctx);
  run->callback([&ctx] { RunDispatcher(ctx); });
}

}  // namespace centric::webhooks
