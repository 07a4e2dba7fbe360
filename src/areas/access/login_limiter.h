// SPDX-License-Identifier: Apache-2.0
// Limits password guessing: failed sign-ins are counted per email and per client address over a
// sliding window; past the limit, sign-in is refused (429) until the oldest failure leaves the
// window. A success clears the email's count. Kept in memory, shared by the server's worker
// threads: a restart forgets it, which costs an attacker a restart they cannot cause.
// Thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace centric::access {

class LoginLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  LoginLimiter(int per_email = 5, int per_client = 20,
               std::chrono::seconds window = std::chrono::minutes(15));

  // Seconds until another attempt for this email from this client is allowed; 0 when it is.
  int64_t RetryAfter(std::string_view email, std::string_view client, Clock::time_point now);
  void RecordFailure(std::string_view email, std::string_view client, Clock::time_point now);
  void RecordSuccess(std::string_view email);

 private:
  using Failures = std::deque<Clock::time_point>;
  int64_t Wait(Failures& failures, int limit, Clock::time_point now);
  void Forget(Clock::time_point now);

  const int per_email_;
  const int per_client_;
  const std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> by_email_;
  std::unordered_map<std::string, Failures> by_client_;
  Clock::time_point last_sweep_{};
};

}  // namespace centric::access
