// SPDX-License-Identifier: Apache-2.0
// Writes IBM Quest-style baskets as a FIMI file, for timing whole `centric basket` runs.
// Usage: basket_generate_quest OUT [ITEMS=1000] [BASKETS=100000] [SEED=1]
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "quest_generator.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: {} OUT [ITEMS=1000] [BASKETS=100000] [SEED=1]\n", argv[0]);
    return 2;
  }
  centric::bench::QuestSpec spec;
  if (argc > 2) spec.items = static_cast<uint32_t>(std::stoul(argv[2]));
  if (argc > 3) spec.baskets = static_cast<uint32_t>(std::stoul(argv[3]));
  if (argc > 4) spec.seed = std::stoull(argv[4]);
  std::FILE* out = std::fopen(argv[1], "w");
  if (!out) {
    fmt::print(stderr, "cannot write {}\n", argv[1]);
    return 1;
  }
  for (const auto& basket : centric::bench::GenerateQuest(spec)) {
    fmt::print(out, "{}\n", fmt::join(basket, " "));
  }
  if (std::fclose(out) != 0) return 1;
  fmt::print(stderr, "{}: {} baskets ({})\n", argv[1], spec.baskets, centric::bench::QuestName(spec));
  return 0;
}
