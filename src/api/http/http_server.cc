// SPDX-License-Identifier: Apache-2.0
#include "api/http/http_server.h"

#include <fmt/format.h>

#include <atomic>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <cassert>
#include <mutex>
#include <string>

#include "api/http/session.h"

namespace centric::api::http {
namespace {

// Accept errors that mean the process or the system is out of a resource: retrying at once
// would spin, so the acceptor pauses.
bool IsResourceShortage(const beast::error_code& ec) {
  return ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space ||
         ec == asio::error::no_memory || ec.value() == ENFILE;
}

}  // namespace

struct HttpServer::Impl {
  explicit Impl(const ServerOptions& o)
      : options(o), acceptor(accept_ioc), retry_timer(accept_ioc) {}

  void Accept();
  void RunWorker(Worker& worker);

  ServerOptions options;
  std::vector<std::unique_ptr<Worker>> workers;
  asio::io_context accept_ioc{1};
  tcp::acceptor acceptor;
  asio::steady_timer retry_timer;
  std::size_t next_worker = 0;
  std::optional<tcp::socket> pending;  // the socket the acceptor fills next
  uint16_t port = 0;
  std::thread accept_thread;
  std::atomic<bool> stop_requested{false};
  std::once_flag joined;
};

void HttpServer::Impl::Accept() {
  Worker& worker = *workers[next_worker++ % workers.size()];
  // The connection's socket belongs to the worker's event loop from the start, so all its I/O
  // runs on that worker's thread.
  pending.emplace(worker.ioc);
  acceptor.async_accept(*pending, [this, &worker](beast::error_code ec) {
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
    if (ec) {
      fmt::print(stderr, "centric: accept failed: {}\n", ec.message());
      if (IsResourceShortage(ec)) {
        retry_timer.expires_after(std::chrono::milliseconds(100));
        retry_timer.async_wait([this](beast::error_code wait_ec) {
          if (!wait_ec) Accept();
        });
        return;
      }
      return Accept();
    }
    asio::post(worker.ioc, [&worker, socket = std::move(*pending)]() mutable {
      std::make_shared<Session>(std::move(socket), worker)->Start();
    });
    Accept();
  });
}

void HttpServer::Impl::RunWorker(Worker& worker) {
  for (;;) {
    try {
      worker.ioc.run();
      break;
    } catch (const std::exception& e) {
      // Handlers catch their own errors; this is a bug or memory exhaustion. Keep serving.
      fmt::print(stderr, "centric: worker event loop: {}\n", e.what());
    }
  }
  worker.finished = true;
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() {
  Stop();
  Wait();
}

Result<std::unique_ptr<HttpServer>> HttpServer::Listen(const ServerOptions& options,
                                                       std::vector<RequestHandler> handlers) {
  assert(!handlers.empty());  // the caller makes one handler per worker thread
  auto impl = std::make_unique<Impl>(options);
  const std::string where = fmt::format("{}:{}", options.host, options.port);

  beast::error_code ec;
  tcp::endpoint endpoint;
  asio::ip::address address = asio::ip::make_address(options.host, ec);
  if (!ec) {
    endpoint = tcp::endpoint(address, options.port);
  } else {
    tcp::resolver resolver(impl->accept_ioc);
    auto results =
        resolver.resolve(options.host, std::to_string(options.port), tcp::resolver::passive, ec);
    if (ec || results.empty()) {
      return Error(InvalidArgument(
          fmt::format("cannot resolve host {}: {}", options.host, ec.message()), "host"));
    }
    endpoint = results.begin()->endpoint();
  }
  auto& acceptor = impl->acceptor;
  auto fail = [&](std::string_view step) {
    return Error(Unavailable(fmt::format("cannot {} {}: {}", step, where, ec.message())));
  };
  if (acceptor.open(endpoint.protocol(), ec); ec) return fail("open a socket for");
  // Lets a restarted server bind while old connections sit in TIME_WAIT; another live
  // listener on the port still makes bind fail, as it should.
  if (acceptor.set_option(tcp::acceptor::reuse_address(true), ec); ec) return fail("configure");
  if (acceptor.bind(endpoint, ec); ec) return fail("listen on");
  if (acceptor.listen(asio::socket_base::max_listen_connections, ec); ec) return fail("listen on");
  impl->port = acceptor.local_endpoint(ec).port();
  if (ec) return fail("read the port of");

  for (auto& handler : handlers) {
    impl->workers.push_back(std::make_unique<Worker>(std::move(handler), impl->options));
  }
  Impl* raw = impl.get();
  for (auto& worker : impl->workers) {
    Worker* w = worker.get();
    w->thread = std::thread([raw, w] { raw->RunWorker(*w); });
  }
  impl->Accept();
  impl->accept_thread = std::thread([raw] { raw->accept_ioc.run(); });
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

uint16_t HttpServer::port() const { return impl_->port; }

void HttpServer::Stop() {
  if (impl_->stop_requested.exchange(true)) return;
  Impl* impl = impl_.get();
  asio::post(impl->accept_ioc, [impl] {
    beast::error_code ignored;
    impl->acceptor.close(ignored);
    impl->retry_timer.cancel();
  });
  for (auto& worker : impl->workers) {
    Worker* w = worker.get();
    asio::post(w->ioc, [w] {
      w->stopping = true;
      // Shutdown() only cancels; sessions leave the set later, in their destructors.
      for (Session* session : w->sessions) session->Shutdown();
      w->guard.reset();
      if (w->sessions.empty()) return;
      w->drain_timer.expires_after(w->options.drain_timeout);
      w->drain_timer.async_wait([w](beast::error_code ec) {
        if (ec) return;  // cancelled by the last session to close
        fmt::print(stderr, "centric: requests still running after the drain timeout; closing\n");
        w->ioc.stop();
      });
    });
  }
}

void HttpServer::Wait() {
  std::call_once(impl_->joined, [this] {
    if (impl_->accept_thread.joinable()) impl_->accept_thread.join();
    for (auto& worker : impl_->workers) {
      if (worker->thread.joinable()) worker->thread.join();
    }
  });
}

}  // namespace centric::api::http
