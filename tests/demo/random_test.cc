// SPDX-License-Identifier: Apache-2.0
#include "demo/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace centric::demo {
namespace {

// Sample mean and variance of n draws.
template <typename F>
std::pair<double, double> Moments(int n, F draw) {
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    double x = draw();
    sum += x;
    sum2 += x * x;
  }
  double mean = sum / n;
  return {mean, sum2 / n - mean * mean};
}

TEST(RandomTest, MatchesTheReferenceOutputs) {
  // xoshiro256** from state {1, 2, 3, 4} and splitmix64 from state 0, as computed by the
  // reference C code of prng.di.unimi.it.
  Rng rng = Rng::FromState({1, 2, 3, 4});
  EXPECT_EQ(rng.Next(), 11520u);
  EXPECT_EQ(rng.Next(), 0u);
  EXPECT_EQ(rng.Next(), 1509978240u);
  EXPECT_EQ(rng.Next(), 1215971899390074240u);
  uint64_t state = 0;
  EXPECT_EQ(SplitMix64(state), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(SplitMix64(state), 0x6E789E6AA1B965F4ULL);
  EXPECT_EQ(SplitMix64(state), 0x06C45D188009454FULL);
}

TEST(RandomTest, SameStreamSameDrawsOtherStreamOtherDraws) {
  Rng a = Rng::ForStream(42, 1000, 3);
  Rng b = Rng::ForStream(42, 1000, 3);
  Rng c = Rng::ForStream(42, 1001, 3);
  Rng d = Rng::ForStream(42, 1000, 4);
  Rng e = Rng::ForStream(43, 1000, 3);
  for (int i = 0; i < 100; ++i) {
    uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    EXPECT_NE(x, c.Next());
    EXPECT_NE(x, d.Next());
    EXPECT_NE(x, e.Next());
  }
}

TEST(RandomTest, UniformStaysInRange) {
  Rng rng(5);
  for (int i = 0; i < 100000; ++i) {
    double u = rng.Uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    double o = rng.UniformOpen();
    ASSERT_GT(o, 0.0);
    ASSERT_LT(o, 1.0);
    ASSERT_LT(rng.Below(7), 7u);
  }
}

// With n = 200,000 draws the standard error of a mean is sd / 447; the tolerances below are
// about five standard errors, so a correct sampler fails them with odds below one in a million.
constexpr int kDraws = 200000;

TEST(RandomTest, GammaHasShapeOverRateMeanAndVariance) {
  for (double shape : {0.25, 0.8, 1.0, 3.0, 12.0}) {
    Rng rng(11);
    double rate = 2.5;
    auto [mean, var] = Moments(kDraws, [&] { return rng.Gamma(shape, rate); });
    double sd = std::sqrt(shape) / rate;
    EXPECT_NEAR(mean, shape / rate, 5 * sd / std::sqrt(kDraws)) << "shape " << shape;
    // The variance's standard error needs the fourth moment; 5% is loose enough for every
    // shape here, including 0.25 whose kurtosis is 27.
    EXPECT_NEAR(var / (shape / (rate * rate)), 1.0, 0.05) << "shape " << shape;
  }
}

TEST(RandomTest, BetaHasItsMean) {
  Rng rng(12);
  double a = 0.8, b = 2.4;
  auto [mean, var] = Moments(kDraws, [&] { return rng.Beta(a, b); });
  double expected_var = a * b / ((a + b) * (a + b) * (a + b + 1));
  EXPECT_NEAR(mean, a / (a + b), 5 * std::sqrt(expected_var / kDraws));
  EXPECT_NEAR(var / expected_var, 1.0, 0.03);
}

TEST(RandomTest, PoissonAndExponentialHaveTheirMeans) {
  Rng rng(13);
  for (double mean : {0.3, 4.0, 75.0}) {
    auto [m, var] = Moments(kDraws, [&] { return static_cast<double>(rng.Poisson(mean)); });
    EXPECT_NEAR(m, mean, 5 * std::sqrt(mean / kDraws)) << mean;
    EXPECT_NEAR(var / mean, 1.0, 0.03) << mean;
  }
  auto [m, var] = Moments(kDraws, [&] { return rng.Exponential(0.5); });
  EXPECT_NEAR(m, 2.0, 5 * 2.0 / std::sqrt(kDraws));
}

TEST(RandomTest, PickFollowsWeightsAndSkipsZeros) {
  Rng rng(14);
  std::vector<double> weights = {0.0, 1.0, 3.0, 0.0};
  int counts[4] = {};
  for (int i = 0; i < kDraws; ++i) ++counts[rng.Pick(weights)];
  EXPECT_EQ(counts[0], 0);
  EXPECT_EQ(counts[3], 0);
  // Binomial(200000, 0.25): sd 194.
  EXPECT_NEAR(counts[1], kDraws / 4, 1000);
}

}  // namespace
}  // namespace centric::demo
