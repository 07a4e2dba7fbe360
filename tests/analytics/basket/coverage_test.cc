// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/coverage.h"

#include <gtest/gtest.h>

namespace centric::analytics::basket {
namespace {

// Four customers over categories 0 (Food), 1 (Drinks), 2 (Home); a fourth category is on offer
// but nobody buys it. One customer has no category.
TEST(CoverageTest, CountsCategoriesPerCustomerAndPairs) {
  Baskets customers = Baskets::FromLists({{0, 1}, {0}, {0, 1, 2}, {2}, {}});
  CategoryCoverage c = MeasureCoverage(customers, 4);
  EXPECT_EQ(c.offered, 4u);
  EXPECT_EQ(c.customers, 4u);
  EXPECT_EQ(c.histogram, (std::vector<uint64_t>{1, 2, 1, 1, 0}));
  EXPECT_DOUBLE_EQ(c.mean_categories, 7.0 / 4.0);  // (2 + 1 + 3 + 1) / 4
  EXPECT_EQ(c.buyers(0), 3u);
  EXPECT_EQ(c.pair(0, 1), 2u);
  EXPECT_EQ(c.pair(1, 0), 2u);
  EXPECT_EQ(c.pair(0, 2), 1u);
  EXPECT_EQ(c.pair(1, 2), 1u);
  // Food and Drinks: 2 * 4 / (3 * 2) = 1.333.
  EXPECT_NEAR(c.lift(0, 1), 4.0 / 3.0, 1e-12);
}

TEST(CoverageTest, EmptyInputHasNoNaN) {
  CategoryCoverage c = MeasureCoverage(Baskets(), 3);
  EXPECT_EQ(c.customers, 0u);
  EXPECT_EQ(c.mean_categories, 0);
  EXPECT_EQ(c.histogram.size(), 4u);
}

}  // namespace
}  // namespace centric::analytics::basket
