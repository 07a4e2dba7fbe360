// SPDX-License-Identifier: Apache-2.0
// One worker thread's state and one client connection. Private to http/: includes Beast.
// Everything here is touched only on its worker's thread, so nothing is locked.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_set>

#include "api/http/http_server.h"

namespace centric::api::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

class Session;

struct Worker {
  Worker(RequestHandler h, const ServerOptions& o)
      : handler(std::move(h)),
        options(o),
        ioc(1),
        drain_timer(ioc),
        guard(asio::make_work_guard(ioc)) {}

  RequestHandler handler;
  const ServerOptions& options;
  std::unordered_set<Session*> sessions;  // live connections, for Stop()
  bool stopping = false;
  bool finished = false;  // the event loop has returned; no timer may be touched any more
  // Declared after what sessions use, so that sessions still queued in the loop when it is
  // destroyed find their worker intact.
  asio::io_context ioc;
  asio::steady_timer drain_timer;  // ends the loop if requests outlast drain_timeout
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> guard;
  std::thread thread;
};

// One connection: read a request, run the handler, write the response, repeat while
// keep-alive. Owned by the shared_ptrs its pending operations hold.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Worker& worker);
  ~Session();

  void Start();
  // Closes the connection now if it is waiting for a request; otherwise the exchange in
  // progress completes and the connection closes after the response.
  void Shutdown();

 private:
  enum class State { kIdle, kReading, kHandling, kWriting, kClosing };

  void WaitForRequest();
  void OnFirstBytes(beast::error_code ec, std::size_t bytes);
  void ReadHeader();
  void OnHeader(beast::error_code ec, std::size_t bytes);
  void ReadBody();
  void OnBody(beast::error_code ec, std::size_t bytes);
  void OnReadError(beast::error_code ec);
  void Handle();
  // Writes `response`; afterwards keeps the connection, closes it, or (`drain`) closes it
  // gracefully after discarding what the client still sends.
  void Send(Response response, bool keep_alive, bool drain);
  void OnWrite(bool keep_alive, bool drain, beast::error_code ec, std::size_t bytes);
  void Drain();
  void DrainSome();
  void Close();

  // Cancels the socket's pending read when `timeout` passes, setting timed_out_.
  void ArmTimer(std::chrono::milliseconds timeout);
  void DisarmTimer();

  Worker& worker_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<beast::http::request_parser<beast::http::string_body>> parser_;
  beast::http::response<beast::http::string_body> response_;
  asio::steady_timer timer_;
  uint64_t timer_generation_ = 0;  // a fired timer of an older generation is ignored
  bool timed_out_ = false;
  State state_ = State::kIdle;
  unsigned version_ = 11;
  std::size_t drained_ = 0;
  bool registered_ = false;
};

}  // namespace centric::api::http
