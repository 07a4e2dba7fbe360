// SPDX-License-Identifier: Apache-2.0
#include "jobs/key_runs.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <thread>

#include <absl/hash/hash.h>

namespace centric::jobs {
namespace {

// About this many runs per partition keeps a partition's table within a core's L2 cache.
constexpr size_t kRunsPerPartition = 4096;
constexpr uint32_t kNone = UINT32_MAX;

struct HashedRun {
  uint64_t hash;
  uint32_t run;
};

template <typename Work>
void OnThreads(int threads, Work&& work) {
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (auto& w : workers) w.join();
}

}  // namespace

InternedKeys InternKeyRuns(const std::vector<const KeyRuns*>& parts, int threads) {
  threads = std::max(1, threads);
  const size_t part_count = parts.size();
  std::vector<size_t> run_base(part_count + 1, 0);  // global index of each part's first run
  for (size_t p = 0; p < part_count; ++p) run_base[p + 1] = run_base[p] + parts[p]->size();
  const size_t runs = run_base[part_count];
  InternedKeys out;
  out.id_of_run.resize(part_count);
  if (runs == 0) return out;

  const size_t partitions = std::bit_ceil(std::max<size_t>(1, runs / kRunsPerPartition));
  const int shift = 64 - std::countr_zero(partitions);
  auto partition_of = [&](uint64_t hash) -> size_t {
    // The top bits of a multiplicative mix, so the tables' own use of the hash stays spread.
    return partitions == 1 ? 0 : static_cast<size_t>((hash * 0x9E3779B97F4A7C15ull) >> shift);
  };
  auto key_of = [&](size_t run) {
    size_t p = static_cast<size_t>(std::upper_bound(run_base.begin(), run_base.end(), run) - run_base.begin()) - 1;
    return parts[p]->key(run - run_base[p]);
  };

  // 1. Hash every run and count the runs of each partition per part; parts run in parallel.
  std::vector<uint64_t> hashes(runs);
  std::vector<std::vector<uint32_t>> counts(part_count, std::vector<uint32_t>(partitions, 0));
  std::atomic<size_t> next_part{0};
  OnThreads(threads, [&](int) {
    for (size_t p; (p = next_part++) < part_count;) {
      const KeyRuns& part = *parts[p];
      for (size_t r = 0; r < part.size(); ++r) {
        uint64_t h = absl::Hash<std::string_view>{}(part.key(r));
        hashes[run_base[p] + r] = h;
        ++counts[p][partition_of(h)];
      }
    }
  });
  // 2. Scatter (hash, run) by partition, keeping file order inside each partition, so that a
  // partition is read sequentially and a key's bytes only when two hashes are equal.
  std::vector<size_t> partition_start(partitions + 1, 0);
  std::vector<std::vector<size_t>> cursor(part_count, std::vector<size_t>(partitions));
  {
    size_t at = 0;
    for (size_t q = 0; q < partitions; ++q) {
      partition_start[q] = at;
      for (size_t p = 0; p < part_count; ++p) {
        cursor[p][q] = at;
        at += counts[p][q];
      }
    }
    partition_start[partitions] = at;
  }
  std::vector<HashedRun> by_partition(runs);
  next_part = 0;
  OnThreads(threads, [&](int) {
    for (size_t p; (p = next_part++) < part_count;) {
      auto& at = cursor[p];
      for (size_t r = run_base[p]; r < run_base[p + 1]; ++r) {
        by_partition[at[partition_of(hashes[r])]++] = {hashes[r], static_cast<uint32_t>(r)};
      }
    }
  });
  hashes = {};
  // 3. Dedupe each partition in its own small open-addressing table: the first run of each key
  // (the smallest index: runs are in file order) stands for the key. The result is written in
  // partition order, then put back in run order.
  std::vector<uint32_t> first_of_entry(runs);
  std::atomic<size_t> next_partition{0};
  OnThreads(threads, [&](int) {
    std::vector<HashedRun> table;
    for (size_t q; (q = next_partition++) < partitions;) {
      const size_t begin = partition_start[q], end = partition_start[q + 1];
      const size_t capacity = std::bit_ceil(std::max<size_t>(16, 2 * (end - begin)));
      table.assign(capacity, HashedRun{0, kNone});
      const size_t mask = capacity - 1;
      for (size_t i = begin; i < end; ++i) {
        const HashedRun entry = by_partition[i];
        size_t slot = static_cast<size_t>(entry.hash) & mask;
        while (true) {
          HashedRun& held = table[slot];
          if (held.run == kNone) {
            held = entry;
            first_of_entry[i] = entry.run;
            break;
          }
          if (held.hash == entry.hash && key_of(held.run) == key_of(entry.run)) {
            first_of_entry[i] = held.run;
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
    }
  });
  std::vector<uint32_t> first_run(runs);
  for (size_t i = 0; i < runs; ++i) first_run[by_partition[i].run] = first_of_entry[i];
  by_partition = {};
  first_of_entry = {};
  // 4. Number keys by their first run, in file order.
  std::vector<uint32_t> id(runs, kNone);
  std::vector<uint32_t> run_of_id;
  run_of_id.reserve(runs);
  for (size_t r = 0; r < runs; ++r) {
    if (first_run[r] == r) {
      id[r] = static_cast<uint32_t>(run_of_id.size());
      run_of_id.push_back(static_cast<uint32_t>(r));
    } else {
      id[r] = id[first_run[r]];
    }
  }
  first_run = {};
  // 5. Each part's run-to-id map and the keys by id, in parallel.
  for (size_t p = 0; p < part_count; ++p) {
    out.id_of_run[p].assign(id.begin() + static_cast<std::ptrdiff_t>(run_base[p]),
                            id.begin() + static_cast<std::ptrdiff_t>(run_base[p + 1]));
  }
  out.keys.resize(run_of_id.size());
  OnThreads(threads, [&](int t) {
    const size_t n = out.keys.size();
    for (size_t i = n * t / threads; i < n * (t + 1) / threads; ++i) out.keys[i] = key_of(run_of_id[i]);
  });
  return out;
}

}  // namespace centric::jobs
