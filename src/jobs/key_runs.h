// SPDX-License-Identifier: Apache-2.0
// Dense ids for the customer keys of a file parsed by several threads, in order of first
// appearance. Parsing threads do not look keys up: each appends the key of every run of rows
// with the same customer (an export grouped by customer has one run per customer) to its own
// KeyRuns. Interning then dedupes all runs at once, radix-partitioned by hash so that every
// partition's table stays in cache, with the partitions spread over the threads. Looking each
// key up in one large table as it was parsed cost a cache miss or three per new customer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace centric::jobs {

// One thread's runs of keys, in file order.
class KeyRuns {
 public:
  // The run index of a row with `key`: the last run's when the key is the same, else a new
  // run's.
  uint32_t Add(std::string_view key) {
    if (!ends_.empty() && SameAsLast(key)) return static_cast<uint32_t>(ends_.size() - 1);
    bytes_.append(key);
    ends_.push_back(bytes_.size());
    return static_cast<uint32_t>(ends_.size() - 1);
  }
  size_t size() const { return ends_.size(); }
  std::string_view key(size_t run) const {
    size_t begin = run == 0 ? 0 : ends_[run - 1];
    return std::string_view(bytes_).substr(begin, ends_[run] - begin);
  }

 private:
  // Called once per row: compared inline, as keys are short, without a call to memcmp.
  bool SameAsLast(std::string_view key) const {
    const size_t end = ends_.back();
    const size_t begin = ends_.size() > 1 ? ends_[ends_.size() - 2] : 0;
    if (key.size() != end - begin) return false;
    const char* last = bytes_.data() + begin;
    for (size_t i = 0; i < key.size(); ++i) {
      if (key[i] != last[i]) return false;
    }
    return true;
  }

  std::string bytes_;          // the runs' keys back to back
  std::vector<uint64_t> ends_;  // where each run's key ends in bytes_
};

struct InternedKeys {
  std::vector<std::vector<uint32_t>> id_of_run;  // [part][run] -> dense id
  std::vector<std::string> keys;                 // by dense id
};

// Gives every distinct key a dense id, numbered in order of first appearance across `parts`
// taken in order. Uses up to `threads` threads.
InternedKeys InternKeyRuns(const std::vector<const KeyRuns*>& parts, int threads);

}  // namespace centric::jobs
