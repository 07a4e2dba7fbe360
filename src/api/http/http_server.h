// SPDX-License-Identifier: Apache-2.0
// HttpServer: the Beast/Asio side of api::Server, behind a header free of Beast so that only
// http/*.cc pays its compile time. One acceptor thread hands connections round-robin to worker
// threads, one event loop and one RequestHandler each; a handler only ever runs on its thread.
// Thread-safety: as api::Server.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "api/request.h"
#include "api/response.h"
#include "api/server.h"
#include "core/result.h"

namespace centric::api::http {

using RequestHandler = std::function<Response(Request&)>;

class HttpServer {
 public:
  // Binds options.host:options.port and starts one worker thread per handler.
  // REQUIRES: !handlers.empty().
  static Result<std::unique_ptr<HttpServer>> Listen(const ServerOptions& options,
                                                    std::vector<RequestHandler> handlers);
  ~HttpServer();

  uint16_t port() const;
  void Stop();
  void Wait();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace centric::api::http
