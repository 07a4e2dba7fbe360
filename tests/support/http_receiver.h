// SPDX-License-Identifier: Apache-2.0
// HttpReceiver: a real HTTP/1.1 server on loopback (Boost.Beast, one thread per connection,
// keep-alive) that records every request it gets and answers as the test says: for webhook
// tests and the webhook benchmark.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace centric::testing {

struct ReceivedRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

struct Answer {
  int status = 200;
  std::string body = "ok";
  std::map<std::string, std::string> headers;
  bool hang = false;  // never answer (until the receiver stops)
};

class HttpReceiver {
 public:
  // Answers every request with `answer(request, n)`, n counting requests from 0. By default 200.
  explicit HttpReceiver(
      std::function<Answer(const ReceivedRequest&, int64_t)> answer = nullptr,
      bool record = true);
  ~HttpReceiver();

  uint16_t port() const { return port_; }
  std::string url(const std::string& path = "/hook") const;

  std::vector<ReceivedRequest> requests() const;
  int64_t count() const { return count_.load(); }
  // Waits until `n` requests arrived or `seconds` passed; true when they did.
  bool WaitFor(int64_t n, double seconds) const;

 private:
  struct State;
  std::shared_ptr<State> state_;
  uint16_t port_ = 0;
  std::atomic<int64_t>& count_;
};

}  // namespace centric::testing
