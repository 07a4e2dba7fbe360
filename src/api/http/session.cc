// SPDX-License-Identifier: Apache-2.0
#include "api/http/session.h"

#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <string_view>

#include "api/http_status.h"

namespace centric::api::http {
namespace bhttp = beast::http;
namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kReadChunk = 4096;
// After an error response that left part of a request unread, how long and how much to keep
// reading before closing. Closing a socket with unread data makes the kernel send a reset, and
// the client may then lose the response it has not read yet.
constexpr std::chrono::milliseconds kLingerTime{2000};
constexpr std::size_t kMaxDrain = 16 * 1024 * 1024;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

}  // namespace

Session::Session(tcp::socket socket, Worker& worker)
    : worker_(worker), stream_(std::move(socket)), timer_(worker.ioc) {}

Session::~Session() {
  if (!registered_) return;
  worker_.sessions.erase(this);
  if (worker_.stopping && worker_.sessions.empty() && !worker_.finished) {
    worker_.drain_timer.cancel();
  }
}

void Session::Start() {
  if (worker_.stopping) return Close();
  worker_.sessions.insert(this);
  registered_ = true;
  beast::error_code ignored;
  stream_.socket().set_option(tcp::no_delay(true), ignored);
  WaitForRequest();
}

void Session::Shutdown() {
  if (state_ != State::kIdle) return;  // OnWrite closes after the response
  beast::error_code ignored;
  stream_.socket().cancel(ignored);
}

void Session::ArmTimer(std::chrono::milliseconds timeout) {
  uint64_t generation = ++timer_generation_;
  timed_out_ = false;
  timer_.expires_after(timeout);
  timer_.async_wait([self = shared_from_this(), generation](beast::error_code ec) {
    // A completion already queued when the timer was disarmed arrives without an error; the
    // generation tells it apart.
    if (ec || generation != self->timer_generation_) return;
    self->timed_out_ = true;
    beast::error_code ignored;
    self->stream_.socket().cancel(ignored);
  });
}

void Session::DisarmTimer() {
  ++timer_generation_;
  timer_.cancel();
}

void Session::WaitForRequest() {
  state_ = State::kIdle;
  if (worker_.stopping) return Close();
  // A pipelined request may already be buffered.
  if (buffer_.size() > 0) return ReadHeader();
  // The idle timeout covers the wait for the first byte; the read timeout starts with it.
  ArmTimer(worker_.options.idle_timeout);
  stream_.async_read_some(buffer_.prepare(kReadChunk),
                          beast::bind_front_handler(&Session::OnFirstBytes, shared_from_this()));
}

void Session::OnFirstBytes(beast::error_code ec, std::size_t bytes) {
  DisarmTimer();
  if (ec) return Close();  // idle timeout, Stop(), or the client left
  buffer_.commit(bytes);
  ReadHeader();
}

void Session::ReadHeader() {
  state_ = State::kReading;
  parser_.emplace();
  parser_->header_limit(kHeaderLimit);
  parser_->body_limit(worker_.options.body_limit);
  ArmTimer(worker_.options.read_timeout);
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
}

void Session::OnHeader(beast::error_code ec, std::size_t) {
  if (ec) return OnReadError(ec);
  auto& request = parser_->get();
  version_ = request.version();
  // Clients that ask wait for this before sending a large body (curl does above 1 MiB). An
  // oversized body was already refused when the header was parsed, so this only goes out for
  // bodies we will read.
  if (beast::iequals(request[bhttp::field::expect], "100-continue") && !parser_->is_done()) {
    asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) return self->OnReadError(ec);
                        self->ReadBody();
                      });
    return;
  }
  ReadBody();
}

void Session::ReadBody() {
  bhttp::async_read(stream_, buffer_, *parser_,
                    beast::bind_front_handler(&Session::OnBody, shared_from_this()));
}

void Session::OnBody(beast::error_code ec, std::size_t) {
  if (ec) return OnReadError(ec);
  DisarmTimer();
  Handle();
}

void Session::OnReadError(beast::error_code ec) {
  bool timed_out = timed_out_;
  DisarmTimer();
  if (timed_out) return Send(WireErrorResponse(WireError::kTimeout), false, true);
  if (ec == bhttp::error::body_limit) {
    return Send(WireErrorResponse(WireError::kTooLarge), false, true);
  }
  if (ec == bhttp::error::header_limit) {
    return Send(WireErrorResponse(WireError::kHeaderTooLarge), false, true);
  }
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message ||
      ec == asio::error::eof || ec == asio::error::connection_reset ||
      ec == asio::error::operation_aborted) {
    return Close();
  }
  // Anything else is a request Beast could not parse.
  Send(WireErrorResponse(WireError::kMalformed), false, true);
}

void Session::Handle() {
  state_ = State::kHandling;
  auto& wire = parser_->get();
  Request request;
  request.method = ParseMethod(wire.method_string());
  request.target = std::string(wire.target());
  request.authorization = std::string(wire[bhttp::field::authorization]);
  request.cookie = std::string(wire[bhttp::field::cookie]);
  request.csrf_token = std::string(wire["X-CSRF-Token"]);
  beast::error_code ignored;
  request.client = stream_.socket().remote_endpoint(ignored).address().to_string(ignored);
  request.body = std::move(wire.body());
  bool keep_alive = wire.keep_alive();
  parser_.reset();
  Response response = worker_.handler(request);
  Send(std::move(response), keep_alive && !worker_.stopping, false);
}

void Session::Send(Response response, bool keep_alive, bool drain) {
  state_ = State::kWriting;
  response_ = {};
  response_.version(version_ == 10 ? 10 : 11);
  response_.result(static_cast<unsigned>(response.status));
  response_.set(bhttp::field::server, "centric");
  if (!response.body.empty()) {
    response_.set(bhttp::field::content_type, "application/json; charset=utf-8");
  }
  for (auto& [name, value] : response.headers) response_.set(name, value);
  response_.body() = std::move(response.body);
  response_.keep_alive(keep_alive);
  response_.prepare_payload();
  stream_.expires_after(worker_.options.write_timeout);
  bhttp::async_write(
      stream_, response_,
      beast::bind_front_handler(&Session::OnWrite, shared_from_this(), keep_alive, drain));
}

void Session::OnWrite(bool keep_alive, bool drain, beast::error_code ec, std::size_t) {
  stream_.expires_never();
  response_ = {};
  if (ec) return Close();
  if (drain) return Drain();
  if (!keep_alive || worker_.stopping) return Close();
  WaitForRequest();
}

void Session::Drain() {
  state_ = State::kClosing;
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  buffer_.clear();
  ArmTimer(kLingerTime);
  DrainSome();
}

void Session::DrainSome() {
  buffer_.clear();
  stream_.async_read_some(buffer_.prepare(16 * 1024),
                          [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
                            self->drained_ += bytes;
                            if (ec || self->drained_ > kMaxDrain) return self->Close();
                            self->DrainSome();
                          });
}

void Session::Close() {
  state_ = State::kClosing;
  DisarmTimer();
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.socket().close(ignored);
}

}  // namespace centric::api::http
