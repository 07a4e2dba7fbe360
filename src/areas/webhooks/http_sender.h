// SPDX-License-Identifier: Apache-2.0
// HttpSender: one POST at a time to a subscriber, through libcurl, which keeps the connection
// to each host alive between requests. It follows no redirect (a 3xx is an answer, recorded with
// where it pointed), speaks only http and https, gives up after the timeouts, and reads at most
// max_response_bytes of an answer. Stop() makes a request in flight give up at once.
//
// Thread-safety: one sender per thread; Stop() may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace centric::webhooks {

struct SenderOptions {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds request_timeout{10000};
  size_t max_response_bytes = 64 * 1024;
};

struct SendResult {
  std::optional<int> status_code;  // none when no answer came
  std::string error;               // empty on a 2xx
  int64_t latency_ms = 0;
  bool ok() const { return status_code && *status_code >= 200 && *status_code < 300; }
};

class HttpSender {
 public:
  explicit HttpSender(SenderOptions options, const std::atomic<bool>* stop = nullptr);
  ~HttpSender();
  HttpSender(const HttpSender&) = delete;
  HttpSender& operator=(const HttpSender&) = delete;

  SendResult Post(const std::string& url, std::string_view body,
                  const std::vector<std::pair<std::string, std::string>>& headers);

 private:
  SenderOptions options_;
  const std::atomic<bool>* stop_;
  void* curl_;  // CURL*, kept for its connection cache
};

}  // namespace centric::webhooks
