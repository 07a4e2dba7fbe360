// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <signal.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "api/server.h"
#include "areas/webhooks/dispatcher_thread.h"
#include "cli/command.h"

namespace centric::cli {
namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  int threads = 0;
  std::string web = "web/dist";
  bool web_given = false;
  bool secure_cookies = false;
  bool no_webhooks = false;
};

void Serve(CliContext& ctx, const ServeOptions& opts) {
  // Open once up front: migrations run here, and a bad --db fails before anything listens.
  auto first = OpenStoresOrReport(ctx);
  if (!first) return;
  first.reset();

  api::ServerOptions options;
  options.host = opts.host;
  options.port = opts.port;
  options.threads = opts.threads;
  options.secure_cookies = opts.secure_cookies;
  // The default web folder is optional (an API-only server); a folder given by hand must hold
  // the app.
  std::error_code ec;
  if (opts.web_given || std::filesystem::is_regular_file(opts.web + "/index.html", ec)) {
    options.web_root = opts.web;
  } else {
    fmt::print(stderr,
               "centric: no web app in {} (build it with `npm run build` in web/); "
               "serving the API only\n",
               opts.web);
  }
  // Each ":memory:" connection is a database of its own; threads would not see each other's
  // writes.
  if (ctx.db == ":memory:") options.threads = 1;

  // Block the stop signals in every thread (the server's threads inherit this mask) and wait
  // for them synchronously below, so no handler runs at an arbitrary point.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::string db = ctx.db;
  auto server = api::Server::Start(options, [&db] { return Stores::Open(db); });
  if (!server) {
    ctx.exit_code = ReportError(server.error());
    return;
  }
  // Webhook deliveries run on their own thread and connection, apart from request handling.
  std::unique_ptr<webhooks::DispatcherThread> dispatcher;
  if (!opts.no_webhooks && db == ":memory:") {
    fmt::print(stderr, "centric: webhooks are not delivered from a :memory: store\n");
  } else if (!opts.no_webhooks) {
    auto started = webhooks::DispatcherThread::Start(db, webhooks::DispatcherOptions{});
    if (!started) {
      (*server)->Stop();
      (*server)->Wait();
      ctx.exit_code = ReportError(started.error());
      return;
    }
    dispatcher = std::move(*started);
  }
  fmt::print("centric: listening on {}\n", (*server)->url());
  std::fflush(stdout);

  int signal = 0;
  sigwait(&stop_signals, &signal);
  fmt::print(stderr, "centric: {} received; finishing requests in progress\n",
             signal == SIGINT ? "SIGINT" : "SIGTERM");
  if (dispatcher) dispatcher->Stop();
  (*server)->Stop();
  (*server)->Wait();
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterServe(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("serve", "Serve the HTTP API until SIGINT or SIGTERM");
  AddDbOption(*cmd, ctx);
  auto opts = std::make_shared<ServeOptions>();
  cmd->add_option("--host", opts->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", opts->port, "Port to listen on; 0 picks a free one")
      ->capture_default_str();
  cmd->add_option("--threads", opts->threads, "Worker threads (default: one per hardware thread)")
      ->check(CLI::Range(0, 1024));
  auto* web = cmd->add_option("--web", opts->web,
                              "The built web app to serve on the same port (web/dist after `npm "
                              "run build` in web/); the API alone when the default is missing")
                  ->capture_default_str();
  cmd->add_flag("--secure-cookies", opts->secure_cookies,
                "Mark session cookies Secure: for a server reached over HTTPS (a TLS proxy)");
  cmd->add_flag("--no-webhooks", opts->no_webhooks,
                "Do not deliver webhooks from this process (when another server of the same "
                "database does)");
  cmd->callback([opts, web, &ctx] {
    opts->web_given = web->count() > 0;
    Serve(ctx, *opts);
  });
}

}  // namespace centric::cli
