// SPDX-License-Identifier: Apache-2.0
// IBM Quest-style synthetic market baskets (Agrawal and Srikant, "Fast algorithms for mining
// association rules", VLDB 1994, section 2.4.3): `patterns` potentially large itemsets of mean
// size `mean_pattern`, each sharing an exponentially distributed fraction (mean `correlation`)
// of its items with the previous one, drawn with exponential weights and corrupted (items
// dropped while a uniform draw is below the pattern's normal(0.5, 0.1 variance) corruption
// level) to fill baskets of Poisson(mean_basket) size. T10I4D100K is the default.
// Deterministic for a seed on one standard library.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace centric::bench {

struct QuestSpec {
  uint32_t baskets = 100'000;
  double mean_basket = 10;   // |T|
  double mean_pattern = 4;   // |I|
  uint32_t patterns = 2'000; // |L|
  uint32_t items = 1'000;    // N
  double correlation = 0.5;
  uint64_t seed = 1;
};

// The baskets as item lists (an item may repeat within a basket).
std::vector<std::vector<uint32_t>> GenerateQuest(const QuestSpec& spec);

// "T10I4D100K-N1000"-style name of a spec.
std::string QuestName(const QuestSpec& spec);

}  // namespace centric::bench
