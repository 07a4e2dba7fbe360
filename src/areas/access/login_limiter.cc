// SPDX-License-Identifier: Apache-2.0
#include "areas/access/login_limiter.h"

#include <algorithm>

namespace centric::access {

LoginLimiter::LoginLimiter(int per_email, int per_client, std::chrono::seconds window)
    : per_email_(per_email), per_client_(per_client), window_(window) {}

int64_t LoginLimiter::Wait(Failures& failures, int limit, Clock::time_point now) {
  while (!failures.empty() && failures.front() + window_ <= now) failures.pop_front();
  if (static_cast<int>(failures.size()) < limit) return 0;
  auto wait = std::chrono::ceil<std::chrono::seconds>(failures.front() + window_ - now);
  return std::max<int64_t>(1, wait.count());
}

// Drops keys whose failures all left the window, at most once a window, so the maps cannot
// grow without bound under a spray of made-up emails.
void LoginLimiter::Forget(Clock::time_point now) {
  if (now - last_sweep_ < window_) return;
  last_sweep_ = now;
  for (auto* map : {&by_email_, &by_client_}) {
    for (auto it = map->begin(); it != map->end();) {
      if (it->second.empty() || it->second.back() + window_ <= now) {
        it = map->erase(it);
      } else {
        ++it;
      }
    }
  }
}

int64_t LoginLimiter::RetryAfter(std::string_view email, std::string_view client,
                                 Clock::time_point now) {
  std::lock_guard lock(mutex_);
  Forget(now);
  int64_t wait = 0;
  if (auto it = by_email_.find(std::string(email)); it != by_email_.end()) {
    wait = std::max(wait, Wait(it->second, per_email_, now));
  }
  if (auto it = by_client_.find(std::string(client)); it != by_client_.end()) {
    wait = std::max(wait, Wait(it->second, per_client_, now));
  }
  return wait;
}

void LoginLimiter::RecordFailure(std::string_view email, std::string_view client,
                                 Clock::time_point now) {
  std::lock_guard lock(mutex_);
  by_email_[std::string(email)].push_back(now);
  by_client_[std::string(client)].push_back(now);
}

void LoginLimiter::RecordSuccess(std::string_view email) {
  std::lock_guard lock(mutex_);
  by_email_.erase(std::string(email));
}

}  // namespace centric::access
