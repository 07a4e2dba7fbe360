// SPDX-License-Identifier: Apache-2.0
#include "quest_generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace centric::bench {

std::vector<std::vector<uint32_t>> GenerateQuest(const QuestSpec& spec) {
  std::mt19937_64 rng(spec.seed);
  std::uniform_int_distribution<uint32_t> any_item(0, spec.items - 1);
  std::uniform_real_distribution<double> uniform(0, 1);
  std::poisson_distribution<int> pattern_size(spec.mean_pattern);
  std::exponential_distribution<double> shared(1 / spec.correlation);
  std::exponential_distribution<double> weight(1);
  std::normal_distribution<double> corruption(0.5, std::sqrt(0.1));

  std::vector<std::vector<uint32_t>> patterns(spec.patterns);
  std::vector<double> weights(spec.patterns), corrupt(spec.patterns);
  for (uint32_t p = 0; p < spec.patterns; ++p) {
    const size_t size = std::max(1, pattern_size(rng));
    auto& pattern = patterns[p];
    if (p > 0) {
      const auto& previous = patterns[p - 1];
      const double fraction = std::min(1.0, shared(rng));
      const auto keep = std::min(size, static_cast<size_t>(std::lround(fraction * size)));
      std::vector<uint32_t> pool = previous;
      std::shuffle(pool.begin(), pool.end(), rng);
      pool.resize(std::min(keep, pool.size()));
      pattern = pool;
    }
    while (pattern.size() < size) {
      const uint32_t item = any_item(rng);
      if (std::find(pattern.begin(), pattern.end(), item) == pattern.end()) pattern.push_back(item);
    }
    weights[p] = weight(rng);
    corrupt[p] = std::clamp(corruption(rng), 0.0, 1.0);
  }
  std::discrete_distribution<uint32_t> pick(weights.begin(), weights.end());
  std::poisson_distribution<int> basket_size(spec.mean_basket);

  std::vector<std::vector<uint32_t>> baskets(spec.baskets);
  std::vector<uint32_t> carried;  // a pattern that did not fit, for the next basket
  for (auto& basket : baskets) {
    const auto size = static_cast<size_t>(basket_size(rng));
    if (!carried.empty()) {
      basket = std::move(carried);
      carried.clear();
    }
    while (basket.size() < size) {
      const uint32_t p = pick(rng);
      std::vector<uint32_t> chosen = patterns[p];
      std::shuffle(chosen.begin(), chosen.end(), rng);
      while (!chosen.empty() && uniform(rng) < corrupt[p]) chosen.pop_back();
      if (basket.size() + chosen.size() > size && uniform(rng) < 0.5) {
        carried = std::move(chosen);
        break;
      }
      basket.insert(basket.end(), chosen.begin(), chosen.end());
    }
  }
  return baskets;
}

std::string QuestName(const QuestSpec& spec) {
  return fmt::format("T{}I{}D{}K-N{}", spec.mean_basket, spec.mean_pattern, spec.baskets / 1000,
                     spec.items);
}

}  // namespace centric::bench
