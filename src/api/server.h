// SPDX-License-Identifier: Apache-2.0
// Server: the Centric HTTP/1.1 JSON API (everything under /api/v1, plus /health). Start() opens
// the stores once per worker thread (areas/stores.h: every area on one connection, which is
// not thread-safe), binds the address and serves until Stop(). Each worker thread runs its own
// event loop, so a connection's requests always run on the thread that owns the stores they
// use.
//
// Thread-safety: port(), url() and Stop() may be called from any thread; Wait() from one thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "areas/stores.h"

namespace centric::api {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;              // 0 picks a free port; see Server::port()
  int threads = 0;                   // worker threads; 0 means one per hardware thread
  std::size_t body_limit = 1 << 20;  // larger bodies get 413
  std::chrono::milliseconds read_timeout{30'000};   // to receive one request, header and body
  std::chrono::milliseconds idle_timeout{60'000};   // a keep-alive connection with no request
  std::chrono::milliseconds write_timeout{30'000};  // to send one response
  std::chrono::milliseconds drain_timeout{30'000};  // Stop(): time for in-flight requests
  std::string web_root;         // the built web app (web/dist) to serve; empty: API only
  bool secure_cookies = false;  // session cookies only over HTTPS (behind a TLS proxy)
};

// Opens the stores on a new connection; called once per worker thread by Start().
using StoreFactory = std::function<Result<std::unique_ptr<Stores>>()>;

class Server {
 public:
  // Opens the stores, loads the web app, binds host:port and starts serving. Unavailable when
  // the address cannot be bound (in use, not local) or a store cannot be opened;
  // InvalidArgument (field "host") for a host name that does not resolve; NotFound when
  // web_root holds no index.html.
  static Result<std::unique_ptr<Server>> Start(const ServerOptions& options,
                                               const StoreFactory& open_store);
  // Stops and waits.
  ~Server();

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The bound port: options.port, or the one the system chose for 0.
  uint16_t port() const;
  // "http://host:port".
  std::string url() const;

  // Stops accepting, closes idle connections, lets requests in progress finish (up to
  // drain_timeout) and closes their connections after the response. Returns at once; idempotent.
  void Stop();
  // Blocks until every worker thread has finished after Stop().
  void Wait();

 private:
  struct State;
  explicit Server(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace centric::api
