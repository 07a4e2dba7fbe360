// SPDX-License-Identifier: Apache-2.0
// Association rules A -> C ("baskets with A also hold C") from frequent itemsets, with the
// usual interest measures (Agrawal, Imielinski and Swami, SIGMOD 1993; lift, leverage and
// conviction as in Brin, Motwani, Ullman and Tsur, SIGMOD 1997, and Piatetsky-Shapiro 1991).
// Consequents grow level-wise and stop at the first failing confidence, which cannot rise as
// the consequent grows (Agrawal and Srikant, VLDB 1994). Definitions: docs/basket.md.
// Thread-safe: pure functions of their arguments.
#pragma once

#include <cstdint>
#include <vector>

#include "analytics/basket/itemsets.h"
#include "core/result.h"

namespace centric::analytics::basket {

// With N baskets, n(X) the baskets holding X, and a rule A -> C:
struct RuleMeasures {
  double support = 0;     // n(A u C) / N
  double confidence = 0;  // n(A u C) / n(A)
  double lift = 0;        // confidence / (n(C) / N)
  double leverage = 0;    // support - (n(A) / N) (n(C) / N), in [-0.25, 0.25]
  // (1 - n(C) / N) / (1 - confidence): +infinity when the confidence is 1 (the rule never
  // fails), and 1 when C is in every basket (A and C are then independent). Never NaN.
  double conviction = 0;
};

// The measures of a rule from its counts.
// REQUIRES: 0 < count <= min(antecedent_count, consequent_count), both counts <= num_baskets.
RuleMeasures MeasureRule(uint32_t count, uint32_t antecedent_count, uint32_t consequent_count,
                         uint64_t num_baskets);

struct RuleOptions {
  double min_confidence = 0.8;  // in [0, 1]
  double min_lift = 0;          // >= 0
  double min_leverage = -1;     // in [-1, 1]; -1 keeps all
  double min_conviction = 0;    // >= 0 (may be infinity: only rules that never fail)
  uint32_t max_consequent_len = 0;  // 0: any
  // Keep the best N rules of each antecedent (confidence, then lift, then count); 0 keeps all.
  uint32_t top_per_antecedent = 0;
  int threads = 0;  // 0: one per core
};

struct Rule {
  // Positions in the Itemsets the rules were made from (which hold fewer than 2^32 sets); the
  // rule's itemset is the union.
  uint32_t antecedent = 0;
  uint32_t consequent = 0;
  uint32_t itemset = 0;
  uint32_t count = 0;  // baskets holding antecedent and consequent
  uint32_t antecedent_count = 0;
  uint32_t consequent_count = 0;
  RuleMeasures measures;
};

// Every rule A -> C with A u C one of `frequent` (A, C nonempty and disjoint) that meets the
// options, ordered by antecedent (the order of `frequent`), then best first: confidence, lift,
// count descending, then consequent. FailedPrecondition when `frequent` holds only the closed
// or maximal itemsets (their subsets' counts are missing); InvalidArgument naming the option
// (field "min_confidence", ...) when one is out of range.
Result<std::vector<Rule>> GenerateRules(const Itemsets& frequent, const RuleOptions& options);

}  // namespace centric::analytics::basket
