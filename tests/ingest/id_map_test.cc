// SPDX-License-Identifier: Apache-2.0
#include "ingest/id_map.h"

#include <gtest/gtest.h>

#include <string>

namespace centric::ingest {
namespace {

TEST(IdMapTest, FindsWhatWasInsertedThroughGrowth) {
  IdMap map;
  EXPECT_EQ(map.Find("a"), nullptr);
  for (int i = 0; i < 100000; ++i) map.Insert("k" + std::to_string(i), i);
  EXPECT_EQ(map.size(), 100000u);
  for (int i = 0; i < 100000; ++i) {
    const int64_t* id = map.Find("k" + std::to_string(i));
    ASSERT_NE(id, nullptr) << i;
    EXPECT_EQ(*id, i);
  }
  EXPECT_EQ(map.Find("k100000"), nullptr);
  EXPECT_EQ(map.Find(""), nullptr);
}

TEST(IdMapTest, InsertReplacesAndKeysMayBeLongOrEmpty) {
  IdMap map;
  const std::string long_key(1000, 'x');
  map.Insert(long_key, 1);
  map.Insert("", 2);
  map.Insert(long_key, 3);
  EXPECT_EQ(map.size(), 2u);
  EXPECT_EQ(*map.Find(long_key), 3);
  EXPECT_EQ(*map.Find(""), 2);
  EXPECT_EQ(map.Find(long_key.substr(1)), nullptr);
}

}  // namespace
}  // namespace centric::ingest
