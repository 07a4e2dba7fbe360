// SPDX-License-Identifier: Apache-2.0
#include "support/http_receiver.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <list>

namespace centric::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct HttpReceiver::State {
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::function<Answer(const ReceivedRequest&, int64_t)> answer;
  bool record = true;
  std::atomic<bool> stopping{false};
  std::atomic<int64_t> count{0};
  mutable std::mutex mutex;
  mutable std::condition_variable arrived;
  std::vector<ReceivedRequest> requests;
  std::list<std::thread> connections;
  std::list<std::shared_ptr<tcp::socket>> sockets;
  std::thread acceptor_thread;

  void Serve(std::shared_ptr<tcp::socket> socket) {
    beast::flat_buffer buffer;
    boost::system::error_code ec;
    while (!stopping) {
      http::request<http::string_body> req;
      http::read(*socket, buffer, req, ec);
      if (ec) return;
      ReceivedRequest got;
      got.method = std::string(req.method_string());
      got.target = std::string(req.target());
      for (const auto& field : req) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        got.headers[name] = std::string(field.value());
      }
      got.body = req.body();
      int64_t n = 0;
      {
        std::lock_guard lock(mutex);
        n = count.fetch_add(1);
        if (record) requests.push_back(got);
      }
      arrived.notify_all();
      Answer a = answer ? answer(got, n) : Answer{};
      if (a.hang) {
        while (!stopping) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return;
      }
      http::response<http::string_body> res{static_cast<http::status>(a.status), req.version()};
      for (const auto& [name, value] : a.headers) res.set(name, value);
      res.set(http::field::content_type, "text/plain");
      res.body() = a.body;
      res.keep_alive(req.keep_alive());
      res.prepare_payload();
      http::write(*socket, res, ec);
      if (ec || !res.keep_alive()) return;
    }
  }
};

HttpReceiver::HttpReceiver(std::function<Answer(const ReceivedRequest&, int64_t)> answer,
                           bool record)
    : state_(std::make_shared<State>()), count_(state_->count) {
  state_->answer = std::move(answer);
  state_->record = record;
  tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
  state_->acceptor.open(endpoint.protocol());
  state_->acceptor.set_option(asio::socket_base::reuse_address(true));
  state_->acceptor.bind(endpoint);
  state_->acceptor.listen();
  port_ = state_->acceptor.local_endpoint().port();
  state_->acceptor_thread = std::thread([s = state_] {
    while (!s->stopping) {
      auto socket = std::make_shared<tcp::socket>(s->io);
      boost::system::error_code ec;
      s->acceptor.accept(*socket, ec);
      if (ec || s->stopping) return;
      socket->set_option(tcp::no_delay(true), ec);
      std::lock_guard lock(s->mutex);
      s->sockets.push_back(socket);
      s->connections.emplace_back([s, socket] { s->Serve(socket); });
    }
  });
}

HttpReceiver::~HttpReceiver() {
  state_->stopping = true;
  boost::system::error_code ec;
  state_->acceptor.close(ec);
  // Wake the acceptor with a connection of our own, in case close() did not.
  try {
    tcp::socket poke(state_->io);
    poke.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_), ec);
  } catch (...) {
  }
  if (state_->acceptor_thread.joinable()) state_->acceptor_thread.join();
  std::list<std::thread> threads;
  {
    std::lock_guard lock(state_->mutex);
    for (auto& socket : state_->sockets) {
      socket->shutdown(tcp::socket::shutdown_both, ec);
      socket->close(ec);
    }
    threads.swap(state_->connections);
  }
  for (auto& t : threads) t.join();
}

std::string HttpReceiver::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<ReceivedRequest> HttpReceiver::requests() const {
  std::lock_guard lock(state_->mutex);
  return state_->requests;
}

bool HttpReceiver::WaitFor(int64_t n, double seconds) const {
  std::unique_lock lock(state_->mutex);
  return state_->arrived.wait_for(lock, std::chrono::duration<double>(seconds),
                                  [&] { return state_->count.load() >= n; });
}

}  // namespace centric::testing
