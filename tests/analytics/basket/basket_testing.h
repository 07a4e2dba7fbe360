// SPDX-License-Identifier: Apache-2.0
// Helpers for the basket tests: a matcher for failed Results, random baskets, itemsets as a
// map, and two independent miners to compare against: a brute-force count of every subset of
// a small item universe (with the textbook closed and maximal definitions), and Apriori.
#pragma once

#include <gmock/gmock.h>

#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "analytics/basket/itemsets.h"
#include "core/status.h"

namespace centric::analytics::basket::testing {

using Lists = std::vector<std::vector<uint32_t>>;
using ItemsetCounts = std::map<std::vector<uint32_t>, uint32_t>;

MATCHER_P2(FailsWith, code, text,
           "fails with " + std::string(StatusCodeName(code)) + " saying '" + std::string(text) +
               "'") {
  if (arg.has_value()) {
    *result_listener << "which succeeded";
    return false;
  }
  *result_listener << "which is " << arg.error().ToString();
  return arg.error().code() == code &&
         arg.error().message().find(std::string(text)) != std::string::npos;
}

inline ItemsetCounts ToMap(const Itemsets& sets) {
  ItemsetCounts out;
  for (size_t i = 0; i < sets.size(); ++i) {
    auto items = sets.itemset(i);
    out[{items.begin(), items.end()}] = sets.counts[i];
  }
  return out;
}

// `baskets` baskets over items 0 .. items - 1, each item in a basket with probability
// `density`, plus sometimes a repeat of an item already in it (the miner must count it once).
inline Lists RandomBaskets(std::mt19937& rng, int baskets, int items, double density) {
  std::bernoulli_distribution in(density), repeat(0.1);
  Lists out(baskets);
  for (auto& basket : out) {
    for (int i = 0; i < items; ++i) {
      if (in(rng)) basket.push_back(static_cast<uint32_t>(i));
    }
    if (!basket.empty() && repeat(rng)) basket.push_back(basket[rng() % basket.size()]);
    std::shuffle(basket.begin(), basket.end(), rng);
  }
  return out;
}

// Counts every subset of items 0 .. items - 1 (items <= 16) and keeps those of the given kind,
// straight from the definitions: frequent when count >= min_count and at most max_len items
// (0: any); closed when no frequent proper superset has the same count; maximal when no proper
// superset is frequent (supersets also of at most max_len items).
inline ItemsetCounts BruteForce(const Lists& baskets, int items, uint32_t min_count,
                                uint32_t max_len, ItemsetKind kind) {
  std::vector<uint32_t> masks;
  for (const auto& b : baskets) {
    uint32_t m = 0;
    for (uint32_t i : b) m |= 1u << i;
    masks.push_back(m);
  }
  const uint32_t full = (1u << items) - 1;
  std::vector<uint32_t> count(full + 1, 0);
  std::vector<bool> frequent(full + 1, false);
  for (uint32_t set = 1; set <= full; ++set) {
    for (uint32_t m : masks) count[set] += (m & set) == set;
    const auto size = static_cast<uint32_t>(__builtin_popcount(set));
    frequent[set] = count[set] >= min_count && (max_len == 0 || size <= max_len);
  }
  ItemsetCounts out;
  for (uint32_t set = 1; set <= full; ++set) {
    if (!frequent[set]) continue;
    bool keep = true;
    const uint32_t others = full & ~set;
    for (uint32_t add = others; add && keep; add = (add - 1) & others) {
      const uint32_t super = set | add;
      if (!frequent[super]) continue;
      if (kind == ItemsetKind::kMaximal) keep = false;
      if (kind == ItemsetKind::kClosed && count[super] == count[set]) keep = false;
    }
    if (!keep) continue;
    std::vector<uint32_t> list;
    for (int i = 0; i < items; ++i) {
      if (set >> i & 1) list.push_back(static_cast<uint32_t>(i));
    }
    out[list] = count[set];
  }
  return out;
}

// Level-wise Apriori (Agrawal and Srikant 1994) with sets of vectors: slow, simple, and a
// different search from the miner's, for inputs too wide for BruteForce.
inline ItemsetCounts Apriori(const Lists& baskets, uint32_t min_count) {
  std::vector<std::set<uint32_t>> sets;
  for (const auto& b : baskets) sets.emplace_back(b.begin(), b.end());
  auto count_of = [&](const std::vector<uint32_t>& c) {
    uint32_t n = 0;
    for (const auto& s : sets) {
      bool all = true;
      for (uint32_t i : c) all = all && s.count(i);
      n += all;
    }
    return n;
  };
  ItemsetCounts out;
  std::set<std::vector<uint32_t>> level;
  std::map<uint32_t, uint32_t> singles;
  for (const auto& s : sets) {
    for (uint32_t i : s) ++singles[i];
  }
  for (auto [i, n] : singles) {
    if (n >= min_count) {
      level.insert({i});
      out[{i}] = n;
    }
  }
  while (!level.empty()) {
    std::set<std::vector<uint32_t>> next;
    for (auto a = level.begin(); a != level.end(); ++a) {
      for (auto b = std::next(a); b != level.end(); ++b) {
        if (!std::equal(a->begin(), a->end() - 1, b->begin())) break;
        std::vector<uint32_t> candidate = *a;
        candidate.push_back(b->back());
        bool subsets_frequent = true;
        for (size_t skip = 0; skip + 2 < candidate.size() && subsets_frequent; ++skip) {
          std::vector<uint32_t> subset = candidate;
          subset.erase(subset.begin() + skip);
          subsets_frequent = level.count(subset) > 0;
        }
        if (!subsets_frequent) continue;
        const uint32_t n = count_of(candidate);
        if (n >= min_count) {
          next.insert(candidate);
          out[candidate] = n;
        }
      }
    }
    level.swap(next);
  }
  return out;
}

}  // namespace centric::analytics::basket::testing
