// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/neighbours.h"

#include <algorithm>
#include <cmath>

#include "analytics/basket/threads.h"

namespace centric::analytics::basket {
namespace {

// Baskets of each item (the vertical layout), so one item's co-counts come from its own
// baskets only.
struct Postings {
  std::vector<uint64_t> offsets;
  std::vector<uint32_t> baskets;
};

Postings Invert(const Baskets& baskets) {
  Postings p;
  p.offsets.assign(baskets.num_items() + 1, 0);
  for (uint32_t item : baskets.items()) ++p.offsets[item + 1];
  for (size_t i = 1; i < p.offsets.size(); ++i) p.offsets[i] += p.offsets[i - 1];
  p.baskets.resize(baskets.total_items());
  std::vector<uint64_t> next(p.offsets.begin(), p.offsets.end() - 1);
  for (size_t b = 0; b < baskets.size(); ++b) {
    for (uint32_t item : baskets.basket(b)) p.baskets[next[item]++] = static_cast<uint32_t>(b);
  }
  return p;
}

struct Candidate {
  uint32_t item;
  uint32_t co_count;
  double similarity;
};

bool MoreSimilar(const Candidate& a, const Candidate& b) {
  if (a.similarity != b.similarity) return a.similarity > b.similarity;
  if (a.co_count != b.co_count) return a.co_count > b.co_count;
  return a.item < b.item;
}

}  // namespace

double ShrunkCosine(uint32_t co_count, uint32_t count_i, uint32_t count_j, double shrinkage) {
  if (co_count == 0) return 0;
  const double co = co_count;
  return co / std::sqrt(static_cast<double>(count_i) * count_j) * (co / (co + shrinkage));
}

double PairLift(uint32_t co_count, uint32_t count_i, uint32_t count_j, uint64_t num_baskets) {
  if (count_i == 0 || count_j == 0) return 0;
  return static_cast<double>(co_count) * static_cast<double>(num_baskets) /
         (static_cast<double>(count_i) * count_j);
}

Result<ItemNeighbours> ComputeNeighbours(const Baskets& baskets, const NeighbourOptions& options) {
  if (options.top_k < 1) {
    return Error(Status(StatusCode::kInvalidArgument, "must be at least 1", "top_k"));
  }
  if (!(options.shrinkage >= 0) || !std::isfinite(options.shrinkage)) {
    return Error(Status(StatusCode::kInvalidArgument, "must be a number >= 0", "shrinkage"));
  }
  if (options.min_count < 1) {
    return Error(Status(StatusCode::kInvalidArgument, "must be at least 1", "min_count"));
  }
  if (options.threads < 0) {
    return Error(Status(StatusCode::kInvalidArgument, "must be 0 (one per core) or more",
                        "threads"));
  }
  const size_t n = baskets.num_items();
  const Postings postings = Invert(baskets);
  ItemNeighbours out;
  out.num_baskets = baskets.size();
  out.item_counts.resize(n);
  for (size_t i = 0; i < n; ++i) {
    out.item_counts[i] = static_cast<uint32_t>(postings.offsets[i + 1] - postings.offsets[i]);
  }

  // Each worker takes every workers-th item and keeps its lists apart; they are stitched in
  // item order afterwards, so the result does not depend on the number of threads.
  const size_t workers = std::min(internal::ResolveThreads(options.threads), std::max<size_t>(n, 1));
  std::vector<std::vector<Candidate>> lists(n);
  internal::RunWorkers(workers, [&](size_t w) {
    std::vector<uint32_t> counts(n, 0);
    std::vector<uint32_t> touched;
    std::vector<Candidate> candidates;
    for (size_t i = w; i < n; i += workers) {
      for (uint64_t p = postings.offsets[i]; p < postings.offsets[i + 1]; ++p) {
        for (uint32_t j : baskets.basket(postings.baskets[p])) {
          if (j != i && counts[j]++ == 0) touched.push_back(j);
        }
      }
      candidates.clear();
      for (uint32_t j : touched) {
        if (counts[j] >= options.min_count) {
          candidates.push_back({j, counts[j],
                                ShrunkCosine(counts[j], out.item_counts[i], out.item_counts[j],
                                             options.shrinkage)});
        }
        counts[j] = 0;
      }
      touched.clear();
      const size_t keep = std::min<size_t>(options.top_k, candidates.size());
      std::partial_sort(candidates.begin(), candidates.begin() + keep, candidates.end(),
                        MoreSimilar);
      lists[i].assign(candidates.begin(), candidates.begin() + keep);
    }
  });

  for (size_t i = 0; i < n; ++i) {
    for (const Candidate& c : lists[i]) {
      out.neighbours.push_back(c.item);
      out.co_counts.push_back(c.co_count);
      out.similarities.push_back(c.similarity);
    }
    out.offsets.push_back(out.neighbours.size());
  }
  return out;
}

}  // namespace centric::analytics::basket
