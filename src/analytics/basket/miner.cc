// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/miner.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstddef>
#include <memory>

#include "analytics/basket/threads.h"

namespace centric::analytics::basket::internal {
namespace {

// A conditional database: transactions of item ranks, ascending, each with the number of
// baskets it stands for.
struct Db {
  std::vector<uint64_t> offsets{0};
  std::vector<uint32_t> items;
  std::vector<uint32_t> weights;

  size_t size() const { return weights.size(); }
  void Clear() {
    offsets.resize(1);
    items.clear();
    weights.clear();
  }
};

// Where a transaction holds an item: items[pos], followed by `after` more items of the same
// transaction, which stands for `weight` baskets. Carrying the length and the weight here
// means reading an occurrence touches one place of the database, not three.
struct Occurrence {
  uint64_t pos;
  uint32_t after;
  uint32_t weight;
};

// One depth of the search, for a prefix P: its database, whose every item is a frequent
// extension of P, those extensions with their counts, and each one's occurrences. Buffers keep
// their capacity from one prefix to the next.
struct Level {
  Db db;
  std::vector<uint32_t> items;        // the frequent extensions (ranks) found in db
  std::vector<uint32_t> counts;       // baskets holding P and items[j]
  std::vector<uint64_t> occ_begin;    // occurrences of items[j]: occ[occ_begin[j] ..]
  std::vector<Occurrence> occ;
};

constexpr ptrdiff_t kPrefetchAhead = 8;

class Worker {
 public:
  Worker(uint32_t ranks, uint32_t min_count, uint32_t max_len,
         const std::vector<uint32_t>& id_of_rank)
      : min_count_(min_count),
        max_len_(max_len),
        id_of_rank_(id_of_rank),
        count_(ranks, 0),
        slot_(ranks, 0),
        keep_(ranks, 0) {}

  // Mines every itemset of two or more items that starts with the top-level item `first`,
  // whose occurrences in `root` are [begin, end). `pairs`, when not null, holds the count of
  // {first, g} at pairs[g - first - 1] for every rank g > first.
  void MineBranch(const Db& root, uint32_t first, const Occurrence* begin, const Occurrence* end,
                  const uint32_t* pairs) {
    prefix_.clear();
    Descend(root, first, begin, end, 1, pairs);
  }

  RawItemsets& output() { return out_; }

 private:
  // Extends the prefix with `item`, whose occurrences in `parent` are [begin, end): counts the
  // items after it in those transactions (or takes the counts from `pairs`, see MineBranch),
  // copies the ones still frequent into the database of levels_[depth] and expands that.
  // Counting before copying keeps every database down to the items that can still make
  // frequent sets.
  void Descend(const Db& parent, uint32_t item, const Occurrence* begin, const Occurrence* end,
               size_t depth, const uint32_t* pairs = nullptr) {
    while (levels_.size() <= depth) levels_.push_back(std::make_unique<Level>());
    Level& child = *levels_[depth];
    child.items.clear();
    child.counts.clear();
    if (pairs != nullptr) {
      for (uint32_t next = item + 1; next < keep_.size(); ++next) {
        const uint32_t count = pairs[next - item - 1];
        if (count >= min_count_) Keep(child, next, count);
      }
    } else {
      Count(parent, begin, end, child);
    }
    if (child.items.empty()) return;
    const bool deeper = max_len_ == 0 || depth + 1 < max_len_;
    if (deeper) Project(parent, begin, end, child.db);
    for (uint32_t next : child.items) keep_[next] = 0;
    prefix_.push_back(id_of_rank_[item]);
    Expand(depth, deeper);
    prefix_.pop_back();
  }

  void Keep(Level& child, uint32_t item, uint32_t count) {
    child.items.push_back(item);
    child.counts.push_back(count);
    keep_[item] = 1;
  }

  // Counts the items after each occurrence and keeps in `child` the frequent ones.
  void Count(const Db& parent, const Occurrence* begin, const Occurrence* end, Level& child) {
    touched_.clear();
    const uint32_t* items = parent.items.data();
    for (const Occurrence* o = begin; o != end; ++o) {
      // The occurrences of a top-level item are scattered over the baskets: ask for the next
      // ones early.
      if (end - o > kPrefetchAhead) __builtin_prefetch(items + o[kPrefetchAhead].pos);
      const uint32_t w = o->weight;
      for (const uint32_t* k = items + o->pos + 1, *stop = k + o->after; k < stop; ++k) {
        if (count_[*k] == 0) touched_.push_back(*k);
        count_[*k] += w;
      }
    }
    for (uint32_t next : touched_) {
      if (count_[next] >= min_count_) Keep(child, next, count_[next]);
      count_[next] = 0;
    }
  }

  // Copies the items marked in keep_ after each occurrence into `db`, dropping transactions
  // left empty and merging identical ones into one of summed weight (LCM's database
  // reduction: deep in the search, the baskets of a long pattern all shrink to the same few
  // item lists, and each pass then reads each list once).
  void Project(const Db& parent, const Occurrence* begin, const Occurrence* end, Db& db) {
    const uint32_t* items = parent.items.data();
    db.Clear();
    const uint64_t slots = std::bit_ceil(static_cast<uint64_t>(2 * (end - begin)));
    if (merge_table_.size() < slots) merge_table_.assign(slots, 0);
    const uint64_t mask = slots - 1;
    merge_hash_.clear();
    for (const Occurrence* o = begin; o != end; ++o) {
      if (end - o > kPrefetchAhead) __builtin_prefetch(items + o[kPrefetchAhead].pos);
      const size_t before = db.items.size();
      uint64_t hash = 0;
      for (const uint32_t* k = items + o->pos + 1, *stop = k + o->after; k < stop; ++k) {
        if (keep_[*k]) {
          db.items.push_back(*k);
          hash = (hash + *k) * 0x9E3779B97F4A7C15ull;
        }
      }
      const size_t length = db.items.size() - before;
      if (length == 0) continue;
      hash ^= hash >> 29;
      uint64_t slot = hash & mask;
      for (; merge_table_[slot] != 0; slot = (slot + 1) & mask) {
        const uint32_t t = merge_table_[slot] - 1;
        if (merge_hash_[t] == hash && db.offsets[t + 1] - db.offsets[t] == length &&
            std::equal(db.items.begin() + before, db.items.end(),
                       db.items.begin() + db.offsets[t])) {
          break;
        }
      }
      if (merge_table_[slot] != 0) {
        db.weights[merge_table_[slot] - 1] += o->weight;
        db.items.resize(before);
        continue;
      }
      merge_table_[slot] = static_cast<uint32_t>(db.size() + 1);
      merge_used_.push_back(slot);
      merge_hash_.push_back(hash);
      db.offsets.push_back(db.items.size());
      db.weights.push_back(o->weight);
    }
    for (uint64_t slot : merge_used_) merge_table_[slot] = 0;
    merge_used_.clear();
  }

  // Reports the prefix (depth items) extended by each item of levels_[depth] and, when
  // `deeper`, descends into each extension.
  void Expand(size_t depth, bool deeper) {
    Level& level = *levels_[depth];
    const size_t n = level.items.size();
    for (size_t j = 0; j < n; ++j) {
      out_.items.insert(out_.items.end(), prefix_.begin(), prefix_.end());
      out_.items.push_back(id_of_rank_[level.items[j]]);
      out_.offsets.push_back(out_.items.size());
      out_.counts.push_back(level.counts[j]);
    }
    if (!deeper) return;

    // Occurrence delivery: one pass files every transaction under each item it holds.
    const Db& db = level.db;
    for (size_t j = 0; j < n; ++j) slot_[level.items[j]] = static_cast<uint32_t>(j);
    level.occ_begin.assign(n + 1, 0);
    for (uint32_t item : db.items) ++level.occ_begin[slot_[item] + 1];
    for (size_t j = 0; j < n; ++j) level.occ_begin[j + 1] += level.occ_begin[j];
    level.occ.resize(db.items.size());
    cursor_.assign(level.occ_begin.begin(), level.occ_begin.end() - 1);
    for (size_t t = 0; t < db.size(); ++t) {
      const uint64_t stop = db.offsets[t + 1];
      for (uint64_t k = db.offsets[t]; k < stop; ++k) {
        level.occ[cursor_[slot_[db.items[k]]]++] = {k, static_cast<uint32_t>(stop - k - 1),
                                                    db.weights[t]};
      }
    }
    for (size_t j = 0; j < n; ++j) {
      Descend(db, level.items[j], level.occ.data() + level.occ_begin[j],
              level.occ.data() + level.occ_begin[j + 1], depth + 1);
    }
  }

  const uint32_t min_count_;
  const uint32_t max_len_;
  const std::vector<uint32_t>& id_of_rank_;
  std::vector<uint32_t> count_;        // by rank, zero between uses
  std::vector<uint32_t> slot_;         // by rank: index in the current level's items
  std::vector<uint8_t> keep_;          // by rank, zero between uses
  std::vector<uint32_t> touched_;
  std::vector<uint64_t> cursor_;
  std::vector<uint32_t> merge_table_;  // transaction index + 1 by hash slot, zero between uses
  std::vector<uint64_t> merge_used_;   // slots to clear
  std::vector<uint64_t> merge_hash_;   // by transaction of the database being built
  std::vector<std::unique_ptr<Level>> levels_;  // by depth; pointers, so a Level never moves
  std::vector<uint32_t> prefix_;               // dictionary ids
  RawItemsets out_;
};

}  // namespace

std::vector<RawItemsets> MineFrequent(const Baskets& baskets, uint32_t min_count, uint32_t max_len,
                                      int threads, uint64_t max_pair_bytes) {
  const size_t num_items = baskets.num_items();
  std::vector<uint32_t> support(num_items, 0);
  for (uint32_t item : baskets.items()) ++support[item];

  // Rank the frequent items by ascending count (ties by id, for a deterministic search).
  std::vector<uint32_t> id_of_rank;
  for (uint32_t id = 0; id < num_items; ++id) {
    if (support[id] >= min_count) id_of_rank.push_back(id);
  }
  std::stable_sort(id_of_rank.begin(), id_of_rank.end(),
                   [&](uint32_t a, uint32_t b) { return support[a] < support[b]; });
  const auto ranks = static_cast<uint32_t>(id_of_rank.size());
  constexpr uint32_t kInfrequent = UINT32_MAX;
  std::vector<uint32_t> rank_of_id(num_items, kInfrequent);
  for (uint32_t r = 0; r < ranks; ++r) rank_of_id[id_of_rank[r]] = r;

  std::vector<RawItemsets> out(1);
  for (uint32_t r = 0; r < ranks; ++r) {
    out[0].items.push_back(id_of_rank[r]);
    out[0].offsets.push_back(out[0].items.size());
    out[0].counts.push_back(support[id_of_rank[r]]);
  }
  if (max_len == 1 || ranks < 2) return out;

  // The root database: each basket's frequent items as ascending ranks (a few items each, so
  // sorted in place by insertion), and every rank's occurrences, filed in basket order. The
  // baskets are split in contiguous parts, one per thread; each part files its occurrences of
  // a rank after those of the parts before it.
  const size_t n = baskets.size();
  const size_t parts = std::clamp<size_t>(static_cast<size_t>(threads), 1, n / 16384 + 1);
  auto part_begin = [&](size_t p) { return n * p / parts; };
  Db root;  // weights stay empty: the root's occurrences carry their weight, 1
  root.offsets.assign(n + 1, 0);
  std::vector<std::vector<uint64_t>> part_counts(parts, std::vector<uint64_t>(ranks, 0));
  RunWorkers(parts, [&](size_t p) {
    for (size_t b = part_begin(p); b < part_begin(p + 1); ++b) {
      uint64_t length = 0;
      for (uint32_t id : baskets.basket(b)) {
        const uint32_t r = rank_of_id[id];
        if (r == kInfrequent) continue;
        ++length;
        ++part_counts[p][r];
      }
      root.offsets[b + 1] = length;
    }
  });
  for (size_t b = 0; b < n; ++b) root.offsets[b + 1] += root.offsets[b];
  root.items.resize(root.offsets[n]);
  std::vector<uint64_t> occ_begin(ranks + 1, 0);
  for (uint32_t r = 0; r < ranks; ++r) occ_begin[r + 1] = occ_begin[r] + support[id_of_rank[r]];
  std::vector<Occurrence> occ(root.items.size());
  // Each top-level branch's cost, estimated by the items after its first one, so that the
  // big branches are handed out first.
  std::vector<std::vector<uint64_t>> part_work(parts, std::vector<uint64_t>(ranks, 0));
  RunWorkers(parts, [&](size_t p) {
    std::vector<uint64_t> cursor(occ_begin.begin(), occ_begin.end() - 1);
    for (size_t q = 0; q < p; ++q) {
      for (uint32_t r = 0; r < ranks; ++r) cursor[r] += part_counts[q][r];
    }
    std::vector<uint64_t>& work = part_work[p];
    for (size_t b = part_begin(p); b < part_begin(p + 1); ++b) {
      const uint64_t start = root.offsets[b], stop = root.offsets[b + 1];
      uint32_t* sorted = root.items.data() + start;
      size_t length = 0;
      for (uint32_t id : baskets.basket(b)) {
        const uint32_t r = rank_of_id[id];
        if (r == kInfrequent) continue;
        size_t i = length++;
        for (; i > 0 && sorted[i - 1] > r; --i) sorted[i] = sorted[i - 1];
        sorted[i] = r;
      }
      for (uint64_t pos = start; pos < stop; ++pos) {
        const uint32_t r = root.items[pos];
        const auto after = static_cast<uint32_t>(stop - pos - 1);
        occ[cursor[r]++] = {pos, after, 1};
        work[r] += after;
      }
    }
  });
  std::vector<uint64_t> work(ranks, 0);
  for (const auto& part : part_work) {
    for (uint32_t r = 0; r < ranks; ++r) work[r] += part[r];
  }

  // The counts of all pairs, from one pass over the root, when they fit in max_pair_bytes: the
  // top-level branches then need no counting pass over their scattered occurrences, and
  // those without a frequent pair are skipped.
  std::vector<uint32_t> pairs;
  auto row = [&](uint64_t r) { return r * ranks - r * (r + 1) / 2; };  // {r, r + 1} in pairs
  const uint64_t num_pairs = uint64_t{ranks} * (ranks - 1) / 2;
  const bool count_pairs = max_len != 1 && num_pairs * sizeof(uint32_t) <= max_pair_bytes;
  if (count_pairs) {
    pairs.assign(num_pairs, 0);
    for (size_t b = 0; b < n; ++b) {
      const uint32_t* begin = root.items.data() + root.offsets[b];
      const uint32_t* end = root.items.data() + root.offsets[b + 1];
      for (const uint32_t* i = begin; i < end; ++i) {
        uint32_t* counts = pairs.data() + row(*i);
        for (const uint32_t* j = i + 1; j < end; ++j) ++counts[*j - *i - 1];
      }
    }
  }
  std::vector<uint32_t> branches;
  for (uint32_t r = 0; r < ranks; ++r) {
    if (work[r] == 0) continue;
    if (count_pairs) {
      const uint32_t* counts = pairs.data() + row(r);
      if (std::none_of(counts, counts + (ranks - r - 1),
                       [&](uint32_t c) { return c >= min_count; })) {
        continue;
      }
    }
    branches.push_back(r);
  }
  std::stable_sort(branches.begin(), branches.end(),
                   [&](uint32_t a, uint32_t b) { return work[a] > work[b]; });
  if (branches.empty()) return out;

  const size_t workers = std::clamp<size_t>(static_cast<size_t>(threads), 1, branches.size());
  std::atomic<size_t> next{0};
  std::vector<std::unique_ptr<Worker>> pool;
  for (size_t w = 0; w < workers; ++w) {
    pool.push_back(std::make_unique<Worker>(ranks, min_count, max_len, id_of_rank));
  }
  RunWorkers(workers, [&](size_t w) {
    for (size_t j = next.fetch_add(1); j < branches.size(); j = next.fetch_add(1)) {
      const uint32_t first = branches[j];
      pool[w]->MineBranch(root, first, occ.data() + occ_begin[first],
                          occ.data() + occ_begin[first + 1],
                          count_pairs ? pairs.data() + row(first) : nullptr);
    }
  });
  for (auto& worker : pool) {
    if (!worker->output().counts.empty()) out.push_back(std::move(worker->output()));
  }
  return out;
}

}  // namespace centric::analytics::basket::internal
