// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/itemsets.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

#include "analytics/basket/itemset_index.h"
#include "analytics/basket/miner.h"
#include "analytics/basket/threads.h"

namespace centric::analytics::basket {
namespace {

// One itemset collection in the documented order (size, then items) from the miner's parts.
Itemsets Assemble(std::vector<internal::RawItemsets> parts) {
  internal::RawItemsets all = std::move(parts[0]);
  for (size_t p = 1; p < parts.size(); ++p) {
    const uint64_t base = all.items.size();
    all.items.insert(all.items.end(), parts[p].items.begin(), parts[p].items.end());
    for (size_t i = 1; i < parts[p].offsets.size(); ++i) {
      all.offsets.push_back(base + parts[p].offsets[i]);
    }
    all.counts.insert(all.counts.end(), parts[p].counts.begin(), parts[p].counts.end());
    parts[p] = {};
  }
  const size_t n = all.counts.size();
  for (size_t i = 0; i < n; ++i) {
    std::sort(all.items.begin() + all.offsets[i], all.items.begin() + all.offsets[i + 1]);
  }
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const uint64_t la = all.offsets[a + 1] - all.offsets[a];
    const uint64_t lb = all.offsets[b + 1] - all.offsets[b];
    if (la != lb) return la < lb;
    return std::lexicographical_compare(all.items.begin() + all.offsets[a],
                                        all.items.begin() + all.offsets[a + 1],
                                        all.items.begin() + all.offsets[b],
                                        all.items.begin() + all.offsets[b + 1]);
  });
  Itemsets out;
  out.offsets.reserve(n + 1);
  out.items.reserve(all.items.size());
  out.counts.reserve(n);
  for (uint32_t i : order) {
    out.items.insert(out.items.end(), all.items.begin() + all.offsets[i],
                     all.items.begin() + all.offsets[i + 1]);
    out.offsets.push_back(out.items.size());
    out.counts.push_back(all.counts[i]);
  }
  return out;
}

// Drops from `all` every set with a superset one item larger that is frequent (maximal) or
// has the same count (closed). Checking the next size up is enough: a larger superset with the
// same count, or within max_len, implies one a single item larger, by anti-monotonicity.
Itemsets Select(const Itemsets& all, bool maximal, int threads) {
  assert(all.kind == ItemsetKind::kAll);  // a closed or maximal input lacks the subsets
  const internal::ItemsetIndex index(all);
  const size_t n = all.size();
  const size_t workers = std::clamp<size_t>(internal::ResolveThreads(threads), 1,
                                            std::max<size_t>(n / 4096, 1));
  std::vector<std::vector<uint8_t>> dropped(workers, std::vector<uint8_t>(n, 0));
  auto run = [&](size_t w) {
    std::vector<uint32_t> subset;
    for (size_t y = n * w / workers; y < n * (w + 1) / workers; ++y) {
      auto items = all.itemset(y);
      if (items.size() < 2) continue;
      for (size_t skip = 0; skip < items.size(); ++skip) {
        subset.assign(items.begin(), items.end());
        subset.erase(subset.begin() + skip);
        const int64_t x = index.Find(subset);
        assert(x >= 0);  // every subset of a frequent set is frequent and listed
        if (maximal || all.counts[x] == all.counts[y]) dropped[w][x] = 1;
      }
    }
  };
  internal::RunWorkers(workers, run);
  Itemsets out;
  out.num_baskets = all.num_baskets;
  out.min_count = all.min_count;
  out.max_len = all.max_len;
  out.kind = maximal ? ItemsetKind::kMaximal : ItemsetKind::kClosed;
  for (size_t i = 0; i < n; ++i) {
    bool drop = false;
    for (const auto& d : dropped) drop = drop || d[i];
    if (drop) continue;
    auto items = all.itemset(i);
    out.items.insert(out.items.end(), items.begin(), items.end());
    out.offsets.push_back(out.items.size());
    out.counts.push_back(all.counts[i]);
  }
  return out;
}

}  // namespace

size_t Itemsets::longest() const {
  size_t longest = 0;
  for (size_t i = 0; i < size(); ++i) longest = std::max<size_t>(longest, length(i));
  return longest;
}

Result<uint32_t> MinCount(double min_support, uint64_t num_baskets) {
  if (!std::isfinite(min_support) || min_support <= 0) {
    return Error(InvalidArgument(
        fmt::format("minimum support {} must be above 0: a fraction of the baskets below 1, or "
                    "a number of baskets",
                    min_support),
        "min_support"));
  }
  if (min_support >= 1) {
    if (min_support != std::floor(min_support)) {
      return Error(InvalidArgument(
          fmt::format("minimum support {} is 1 or more, so it is a number of baskets and must "
                      "be a whole number (a fraction must be below 1)",
                      min_support),
          "min_support"));
    }
    if (min_support > static_cast<double>(num_baskets)) {
      return Error(InvalidArgument(
          fmt::format("minimum support of {} baskets is more than the {} baskets in the input",
                      min_support, num_baskets),
          "min_support"));
    }
    return static_cast<uint32_t>(min_support);
  }
  // The smallest count whose share, computed as count / baskets, is at least min_support, so
  // 0.1 of 30 baskets is 3 even though 0.1 * 30 rounds to 3.0000000000000004.
  const auto n = static_cast<double>(num_baskets);
  auto count = static_cast<uint64_t>(std::ceil(min_support * n));
  while (count > 0 && static_cast<double>(count - 1) / n >= min_support) --count;
  while (count < num_baskets && static_cast<double>(count) / n < min_support) ++count;
  return static_cast<uint32_t>(std::max<uint64_t>(count, 1));
}

Result<Itemsets> MineItemsets(const Baskets& baskets, const MiningOptions& options) {
  if (options.threads < 0) {
    return Error(InvalidArgument(
        fmt::format("{} threads: use 0 for one per core, or a positive number", options.threads),
        "threads"));
  }
  CENTRIC_ASSIGN_OR_RETURN(uint32_t min_count, MinCount(options.min_support, baskets.size()));
  const int threads = internal::ResolveThreads(options.threads);
  Itemsets all = Assemble(internal::MineFrequent(baskets, min_count, options.max_len, threads));
  if (all.size() >= UINT32_MAX) {
    return Error(ResourceExhausted(fmt::format(
        "{} frequent itemsets: raise the minimum support or set a maximum length", all.size())));
  }
  all.num_baskets = baskets.size();
  all.min_count = min_count;
  all.max_len = options.max_len;
  switch (options.kind) {
    case ItemsetKind::kAll:
      return all;
    case ItemsetKind::kClosed:
      return SelectClosed(all, threads);
    case ItemsetKind::kMaximal:
      return SelectMaximal(all, threads);
  }
  return all;
}

Itemsets SelectClosed(const Itemsets& all, int threads) { return Select(all, false, threads); }

Itemsets SelectMaximal(const Itemsets& all, int threads) { return Select(all, true, threads); }

std::string_view ItemsetKindName(ItemsetKind kind) {
  switch (kind) {
    case ItemsetKind::kAll:
      return "all";
    case ItemsetKind::kClosed:
      return "closed";
    case ItemsetKind::kMaximal:
      return "maximal";
  }
  return "all";
}

}  // namespace centric::analytics::basket
