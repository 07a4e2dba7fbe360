// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <signal.h>

#include <cstdio>
#include <memory>
#include <string>

#include "api/server.h"
#include "cli/command.h"

namespace centric::cli {
namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  int threads = 0;
};

void Serve(CliContext& ctx, const ServeOptions& opts) {
  // Open once up front: migrations run here, and a bad --db fails before anything listens.
  auto first = OpenStoreOrReport(ctx);
  if (!first) return;
  first.reset();

  api::ServerOptions options;
  options.host = opts.host;
  options.port = opts.port;
  options.threads = opts.threads;
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
  auto server = api::Server::Start(options, [&db] { return store::OpenStore(db); });
  if (!server) {
    ctx.exit_code = ReportError(server.error());
    return;
  }
  fmt::print("centric: listening on {}\n", (*server)->url());
  std::fflush(stdout);

  int signal = 0;
  sigwait(&stop_signals, &signal);
  fmt::print(stderr, "centric: {} received; finishing requests in progress\n",
             signal == SIGINT ? "SIGINT" : "SIGTERM");
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
  cmd->callback([opts, &ctx] { Serve(ctx, *opts); });
}

}  // namespace centric::cli
