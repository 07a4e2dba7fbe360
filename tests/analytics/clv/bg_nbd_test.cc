// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/bg_nbd.h"

#include <gtest/gtest.h>

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <cmath>

#include "analytics/clv/simulate.h"

namespace centric::analytics::clv {
namespace {

// The BG/NBD likelihood from its definition: the individual-level likelihood given lambda and
// p, integrated over Gamma(r, alpha) and Beta(a, b) by adaptive quadrature.
double LikelihoodByIntegration(const BgNbdParams& p, int x, double tx, double T) {
  boost::math::gamma_distribution<double> lambda_dist(p.r, 1 / p.alpha);
  boost::math::beta_distribution<double> p_dist(p.a, p.b);
  boost::math::quadrature::tanh_sinh<double> over_p;
  boost::math::quadrature::exp_sinh<double> over_lambda;
  return over_p.integrate([&](double q) -> double {
    return boost::math::pdf(p_dist, q) * over_lambda.integrate([&](double lambda) {
      double l = std::pow(1 - q, x) * std::pow(lambda, x) * std::exp(-lambda * T);
      if (x > 0) l += q * std::pow(1 - q, x - 1) * std::pow(lambda, x) * std::exp(-lambda * tx);
      return l * boost::math::pdf(lambda_dist, lambda);
    });
  }, 0.0, 1.0);
}

TEST(BgNbdTest, LikelihoodMatchesIntegrationOfTheDefinition) {
  BgNbdParams p{0.8, 4.0, 1.5, 3.0};
  for (auto [x, tx, T] : {std::tuple{0, 0.0, 5.0}, {1, 2.0, 6.0}, {3, 7.5, 8.0}, {6, 10.0, 30.0}}) {
    double direct = std::log(LikelihoodByIntegration(p, x, tx, T));
    EXPECT_NEAR(BgNbdLogLikelihood(p, x, tx, T), direct, 1e-7) << x << " " << tx << " " << T;
  }
}

TEST(BgNbdTest, AnalyticGradientMatchesFiniteDifferences) {
  BgNbdParams p{0.6, 12.0, 0.9, 2.7};
  RfmData data;
  data.Add(0, 0, 40, 30);
  data.Add(2, 17, 40, 5);
  data.Add(5, 35, 52, 2);
  data.Add(40, 50, 52, 1);
  double g[4];
  BgNbdLogLikelihood(p, data, g, 1);
  double* fields[4] = {&p.r, &p.alpha, &p.a, &p.b};
  for (int k = 0; k < 4; ++k) {
    double h = 1e-6 * *fields[k];
    BgNbdParams up = p, down = p;
    double* fu[4] = {&up.r, &up.alpha, &up.a, &up.b};
    double* fd[4] = {&down.r, &down.alpha, &down.a, &down.b};
    *fu[k] += h;
    *fd[k] -= h;
    double gg[4];
    double numeric = (BgNbdLogLikelihood(up, data, gg, 1) - BgNbdLogLikelihood(down, data, gg, 1)) / (2 * h);
    EXPECT_NEAR(g[k], numeric, 1e-5 * std::max(1.0, std::fabs(numeric))) << "parameter " << k;
  }
  // The tabulated sum equals the per-customer formula.
  double one = 0;
  for (size_t i = 0; i < data.size(); ++i) {
    one += data.weight[i] * BgNbdLogLikelihood(p, data.x[i], data.tx[i], data.T[i]);
  }
  EXPECT_NEAR(BgNbdLogLikelihood(p, data, g, 2), one, 1e-9 * std::fabs(one));
}

// Parameter recovery: simulate 30,000 customers from known parameters (times at 1/10 period
// resolution, so discretisation is negligible), fit, and require every estimate within four
// standard errors of the truth (a correct estimator misses that with probability < 1e-4).
class BgNbdRecoveryTest : public ::testing::TestWithParam<BgNbdParams> {};

TEST_P(BgNbdRecoveryTest, RecoversKnownParameters) {
  const BgNbdParams truth = GetParam();
  auto customers = SimulateBgNbd(truth, {.customers = 30000, .min_T = 20, .max_T = 80, .seed = 11});
  // In units of 1/10 period, alpha scales by 10.
  RfmData data = ToRfmData(customers, 10.0);
  auto fit = FitBgNbd(data);
  ASSERT_TRUE(fit) << fit.error().ToString();
  EXPECT_TRUE(fit->converged);
  BgNbdParams est = BgNbdParamsOf(*fit);
  const double expected[4] = {truth.r, truth.alpha * 10, truth.a, truth.b};
  const double got[4] = {est.r, est.alpha, est.a, est.b};
  for (int k = 0; k < 4; ++k) {
    ASSERT_TRUE(std::isfinite(fit->std_errors[k]));
    EXPECT_LT(std::fabs(got[k] - expected[k]), 4 * fit->std_errors[k])
        << fit->names[k] << ": " << got[k] << " vs " << expected[k] << " (se "
        << fit->std_errors[k] << ")";
    EXPECT_LT(fit->std_errors[k], 0.25 * expected[k]) << "30,000 customers pin " << fit->names[k];
  }
}

INSTANTIATE_TEST_SUITE_P(ParameterSets, BgNbdRecoveryTest,
                         ::testing::Values(BgNbdParams{0.25, 4.4, 0.79, 2.43},  // CDNOW (FHL 2005)
                                           BgNbdParams{1.2, 6.0, 1.5, 4.0},
                                           BgNbdParams{0.5, 2.0, 2.5, 1.5}));

TEST(BgNbdTest, PredictionsAgreeWithSimulationOfTheProcess) {
  // An independent computation: simulate the fitted process forward and compare total future
  // purchases with the sum of conditional expectations given each customer's history.
  const BgNbdParams p{0.8, 5.0, 1.6, 3.0};
  auto customers = SimulateBgNbd(p, {.customers = 40000, .min_T = 10, .max_T = 40, .horizon = 20, .seed = 5});
  double predicted = 0, actual = 0, alive_prob_sum = 0;
  for (const auto& c : customers) {
    predicted += BgNbdExpectedPurchases(p, c.x, c.tx, c.T, 20);
    alive_prob_sum += BgNbdProbabilityAlive(p, c.x, c.tx, c.T);
    actual += c.future;
  }
  // Future purchases are Poisson-like; their total over 40,000 customers has relative
  // standard deviation well under 1 %; 3 % leaves room for the mixture's extra variance.
  EXPECT_NEAR(predicted / actual, 1.0, 0.03) << predicted << " vs " << actual;
  EXPECT_GT(alive_prob_sum, 0);
  // A new customer (x=0, T=0) is alive for sure; a long-silent frequent buyer is likely gone.
  EXPECT_DOUBLE_EQ(BgNbdProbabilityAlive(p, 0, 0, 0), 1.0);
  EXPECT_LT(BgNbdProbabilityAlive(p, 10, 5, 40), 0.05);
  EXPECT_GT(BgNbdProbabilityAlive(p, 10, 39, 40), 0.8);
}

TEST(BgNbdTest, RefusesDataWithoutRepeaters) {
  RfmData data;
  data.Add(0, 0, 10, 100);
  auto fit = FitBgNbd(data);
  ASSERT_FALSE(fit);
  EXPECT_EQ(fit.error().code(), StatusCode::kFailedPrecondition);
}

TEST(BgNbdTest, WarnsWhenTooFewRepeatersToIdentifyTheModel) {
  RfmData data;
  data.Add(0, 0, 10, 200);
  data.Add(1, 4, 10, 3);
  data.Add(2, 9, 10, 2);
  auto fit = FitBgNbd(data);
  ASSERT_TRUE(fit);
  EXPECT_FALSE(fit->warnings.empty());
  for (double v : fit->params) EXPECT_TRUE(std::isfinite(v));
}

}  // namespace
}  // namespace centric::analytics::clv
