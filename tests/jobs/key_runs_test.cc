// SPDX-License-Identifier: Apache-2.0
#include "jobs/key_runs.h"

#include <gtest/gtest.h>

#include <random>
#include <unordered_map>

namespace centric::jobs {
namespace {

TEST(KeyRunsTest, ARunIsConsecutiveRowsWithTheSameKey) {
  KeyRuns runs;
  EXPECT_EQ(runs.Add("a"), 0u);
  EXPECT_EQ(runs.Add("a"), 0u);
  EXPECT_EQ(runs.Add("b"), 1u);
  EXPECT_EQ(runs.Add("a"), 2u);
  EXPECT_EQ(runs.Add(""), 3u);
  EXPECT_EQ(runs.size(), 4u);
  EXPECT_EQ(runs.key(2), "a");
  EXPECT_EQ(runs.key(3), "");
}

// Against a plain map numbering keys as they first appear, for grouped and shuffled keys, one
// to three parts, and enough runs for many partitions.
TEST(KeyRunsTest, InterningNumbersKeysInOrderOfFirstAppearance) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 12; ++trial) {
    const size_t parts_count = 1 + trial % 3;
    const size_t rows = trial < 6 ? 500 : 60000;
    const size_t distinct = trial % 2 ? rows / 3 : rows;
    std::vector<KeyRuns> parts(parts_count);
    std::vector<std::vector<uint32_t>> run_of_row(parts_count);
    std::unordered_map<std::string, uint32_t> expected_id;
    std::vector<std::string> expected_keys;
    std::vector<uint32_t> expected_row_ids;
    for (size_t row = 0; row < rows; ++row) {
      const size_t p = row * parts_count / rows;
      // Grouped trials repeat the previous key often, as exports grouped by customer do.
      std::string key = "k" + std::to_string(trial < 3 ? row / 4 : rng() % distinct);
      run_of_row[p].push_back(parts[p].Add(key));
      auto [it, inserted] = expected_id.try_emplace(key, static_cast<uint32_t>(expected_keys.size()));
      if (inserted) expected_keys.push_back(key);
      expected_row_ids.push_back(it->second);
    }
    std::vector<const KeyRuns*> views;
    for (const auto& part : parts) views.push_back(&part);
    for (int threads : {1, 2, 3}) {
      InternedKeys interned = InternKeyRuns(views, threads);
      ASSERT_EQ(interned.keys, expected_keys) << "trial " << trial;
      size_t row = 0;
      for (size_t p = 0; p < parts_count; ++p) {
        ASSERT_EQ(interned.id_of_run[p].size(), parts[p].size());
        for (uint32_t run : run_of_row[p]) {
          ASSERT_EQ(interned.id_of_run[p][run], expected_row_ids[row]) << "trial " << trial << " row " << row;
          ++row;
        }
      }
    }
  }
}

TEST(KeyRunsTest, NoRunsGiveNoKeys) {
  KeyRuns empty;
  InternedKeys interned = InternKeyRuns({&empty, &empty}, 2);
  EXPECT_TRUE(interned.keys.empty());
  ASSERT_EQ(interned.id_of_run.size(), 2u);
}

}  // namespace
}  // namespace centric::jobs
