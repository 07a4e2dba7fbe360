// SPDX-License-Identifier: Apache-2.0
#include "api/server.h"

#include <fmt/format.h>

#include <optional>
#include <thread>
#include <vector>

#include "api/handle_request.h"
#include "api/http/http_server.h"
#include "areas/access/login_limiter.h"
#include "api/static_files.h"

namespace centric::api {

struct Server::State {
  std::string host;
  access::LoginLimiter login_limiter;
  std::optional<StaticFiles> web;
  // Declared before `http` so the stores outlive the threads that use them.
  std::vector<std::unique_ptr<Stores>> stores;
  std::vector<Services> services;
  std::unique_ptr<http::HttpServer> http;
};

Server::Server(std::unique_ptr<State> state) : state_(std::move(state)) {}

Server::~Server() {
  Stop();
  Wait();
}

Result<std::unique_ptr<Server>> Server::Start(const ServerOptions& options,
                                              const StoreFactory& open_store) {
  int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  if (threads <= 0) threads = 1;
  auto state = std::make_unique<State>();
  state->host = options.host;
  if (!options.web_root.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(StaticFiles web, StaticFiles::Load(options.web_root));
    state->web = std::move(web);
  }
  state->stores.reserve(threads);
  state->services.reserve(threads);  // Services are referenced by the handlers; no reallocation
  for (int i = 0; i < threads; ++i) {
    CENTRIC_ASSIGN_OR_RETURN(auto store, open_store());
    state->stores.push_back(std::move(store));
    state->services.push_back(Services{*state->stores.back(), &state->login_limiter,
                                       state->web ? &*state->web : nullptr,
                                       options.secure_cookies});
  }
  const Router& router = ApiRouter();
  std::vector<http::RequestHandler> handlers;
  for (Services& services : state->services) {
    handlers.emplace_back([&router, &services](Request& request) {
      return HandleRequest(router, request, services);
    });
  }
  CENTRIC_ASSIGN_OR_RETURN(state->http, http::HttpServer::Listen(options, std::move(handlers)));
  return std::unique_ptr<Server>(new Server(std::move(state)));
}

uint16_t Server::port() const { return state_->http->port(); }

std::string Server::url() const {
  // An IPv6 literal needs brackets in a URL.
  if (state_->host.find(':') != std::string::npos) {
    return fmt::format("http://[{}]:{}", state_->host, port());
  }
  return fmt::format("http://{}:{}", state_->host, port());
}

void Server::Stop() { state_->http->Stop(); }

void Server::Wait() { state_->http->Wait(); }

}  // namespace centric::api
