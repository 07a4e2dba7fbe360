// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/look_alike.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "basket_testing.h"

namespace centric::analytics::basket {
namespace {

using testing::FailsWith;

// Labels drawn from a known logistic model, logit = -0.5 + 1.5 x0 - 1.0 x1 (x1 with sd 2, so
// its weight on the standardised scale is -2.0), and a pure-noise x2. With 20,000 rows the
// maximum-likelihood weights' standard errors are about 0.03; the tolerance is 5 of them.
TEST(LookAlikeTest, RecoversAKnownLogisticModel) {
  std::mt19937 rng(11);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform;
  const size_t rows = 20000;
  std::vector<double> x;
  std::vector<uint8_t> y;
  for (size_t r = 0; r < rows; ++r) {
    const double x0 = normal(rng), x1 = 2 * normal(rng), x2 = normal(rng);
    x.insert(x.end(), {x0, x1, x2});
    const double p = 1 / (1 + std::exp(-(-0.5 + 1.5 * x0 - 1.0 * x1)));
    y.push_back(uniform(rng) < p);
  }
  auto model = FitLogistic(x, 3, y, 1.0);
  ASSERT_TRUE(model) << model.error().ToString();
  EXPECT_TRUE(model->converged);
  EXPECT_NEAR(model->weights[0] / model->scale[0], 1.5, 0.15);
  EXPECT_NEAR(model->weights[1] / model->scale[1], -1.0, 0.1);
  EXPECT_NEAR(model->weights[2], 0.0, 0.15);
  const double at_origin[] = {0, 0, 0};
  EXPECT_NEAR(PredictProbability(*model, at_origin), 1 / (1 + std::exp(0.5)), 0.03);
  const double likely[] = {2, -2, 0}, unlikely[] = {-2, 2, 0};
  EXPECT_GT(PredictProbability(*model, likely), 0.95);
  EXPECT_LT(PredictProbability(*model, unlikely), 0.05);
}

TEST(LookAlikeTest, AConstantFeatureIsIgnored) {
  std::vector<double> x = {1, 5, 2, 5, 3, 5, 4, 5};
  std::vector<uint8_t> y = {0, 0, 1, 1};
  auto model = FitLogistic(x, 2, y);
  ASSERT_TRUE(model) << model.error().ToString();
  EXPECT_EQ(model->scale[1], 0);
  const double row[] = {4, 99};
  EXPECT_GT(PredictProbability(*model, row), 0.5);
  EXPECT_FALSE(std::isnan(PredictProbability(*model, row)));
}

TEST(LookAlikeTest, RejectsInputThatCannotBeFitted) {
  std::vector<double> x = {1, 2, 3};
  EXPECT_THAT(FitLogistic(x, 1, std::vector<uint8_t>{1, 1, 1}),
              FailsWith(StatusCode::kInvalidArgument, "same label"));
  EXPECT_THAT(FitLogistic(x, 2, std::vector<uint8_t>{1, 0}),
              FailsWith(StatusCode::kInvalidArgument, "rows x features"));
  EXPECT_THAT(FitLogistic({}, 1, {}), FailsWith(StatusCode::kInvalidArgument, "rows x features"));
}

}  // namespace
}  // namespace centric::analytics::basket
