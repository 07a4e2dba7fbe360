// SPDX-License-Identifier: Apache-2.0
// Thread helpers of the basket miner (private): how many threads "0" means, and running a
// function on worker indices 0 .. n - 1 with the calling thread taking index 0.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace centric::analytics::basket::internal {

// `threads`, or one per core when it is 0 (at least 1).
inline size_t ResolveThreads(int threads) {
  if (threads > 0) return static_cast<size_t>(threads);
  return std::max(1u, std::thread::hardware_concurrency());
}

// Calls fn(0) .. fn(workers - 1) concurrently and waits for all of them.
template <typename Fn>
void RunWorkers(size_t workers, Fn&& fn) {
  std::vector<std::thread> running;
  for (size_t w = 1; w < workers; ++w) running.emplace_back([&fn, w] { fn(w); });
  fn(0);
  for (auto& t : running) t.join();
}

}  // namespace centric::analytics::basket::internal
