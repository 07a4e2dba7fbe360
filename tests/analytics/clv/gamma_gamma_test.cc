// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/gamma_gamma.h"

#include <gtest/gtest.h>

#include <boost/math/distributions/gamma.hpp>
#include <boost/math/quadrature/exp_sinh.hpp>
#include <cmath>

#include "analytics/clv/simulate.h"

namespace centric::analytics::clv {
namespace {

// The density of a customer's mean spend from the definition: the mean of x Gamma(p, nu)
// values is Gamma(p x, nu x); integrate over nu ~ Gamma(q, gamma).
double DensityByIntegration(const GammaGammaParams& p, int x, double mean) {
  boost::math::gamma_distribution<double> nu_dist(p.q, 1 / p.gamma);
  boost::math::quadrature::exp_sinh<double> integrator;
  return integrator.integrate([&](double nu) {
    boost::math::gamma_distribution<double> mean_dist(p.p * x, 1 / (nu * x));
    return boost::math::pdf(mean_dist, mean) * boost::math::pdf(nu_dist, nu);
  });
}

TEST(GammaGammaTest, LikelihoodMatchesIntegrationOfTheDefinition) {
  GammaGammaParams p{6.25, 3.74, 15.44};  // FHL 2005, CDNOW
  for (auto [x, m] : {std::pair{1, 20.0}, {3, 35.5}, {10, 12.0}}) {
    EXPECT_NEAR(GammaGammaLogLikelihood(p, x, m), std::log(DensityByIntegration(p, x, m)), 1e-7);
  }
}

// Four customers, with the parameters nudged up and down by a relative 1e-6 in one coordinate.
struct Nudged {
  GammaGammaParams up, down;
  double step;
};
Nudged Nudge(const GammaGammaParams& p, int k) {
  Nudged n{p, p, 0};
  double* up[3] = {&n.up.p, &n.up.q, &n.up.gamma};
  double* down[3] = {&n.down.p, &n.down.q, &n.down.gamma};
  n.step = 1e-6 * *up[k];
  *up[k] += n.step;
  *down[k] -= n.step;
  return n;
}

SpendData FourCustomers() {
  SpendData data;
  data.Add(1, 25);
  data.Add(2, 31);
  data.Add(7, 12.5);
  data.Add(2, 90);
  return data;
}

// The repeaters of a simulated BG/NBD population whose spend follows `truth`.
SpendData SimulatedRepeatSpend(const GammaGammaParams& truth, int customers, uint64_t seed) {
  SpendData data;
  for (const auto& c : SimulateBgNbd({1.0, 2.0, 1.0, 5.0},
                                     {.customers = customers, .min_T = 20, .max_T = 60, .seed = seed},
                                     &truth)) {
    if (c.x > 0) data.Add(c.x, c.mean_spend);
  }
  return data;
}

TEST(GammaGammaTest, AnalyticGradientMatchesFiniteDifferences) {
  GammaGammaParams p{4.0, 3.0, 20.0};
  SpendData data = FourCustomers();
  double g[3];
  GammaGammaLogLikelihood(p, data, g, 1);
  for (int k = 0; k < 3; ++k) {
    auto [up, down, h] = Nudge(p, k);
    double gg[3];
    double numeric =
        (GammaGammaLogLikelihood(up, data, gg, 1) - GammaGammaLogLikelihood(down, data, gg, 1)) / (2 * h);
    EXPECT_NEAR(g[k], numeric, 1e-5 * std::max(1.0, std::fabs(numeric))) << "parameter " << k;
  }
}

TEST(GammaGammaTest, AnalyticHessianMatchesFiniteDifferencesOfTheGradient) {
  GammaGammaParams p{4.0, 3.0, 20.0};
  SpendData data = FourCustomers();
  double g[3], h[9];
  GammaGammaLogLikelihood(p, data, g, 1, h);
  for (int k = 0; k < 3; ++k) {
    auto [up, down, step] = Nudge(p, k);
    double gu[3], gd[3];
    GammaGammaLogLikelihood(up, data, gu, 1);
    GammaGammaLogLikelihood(down, data, gd, 1);
    for (int j = 0; j < 3; ++j) {
      double numeric = (gu[j] - gd[j]) / (2 * step);
      EXPECT_NEAR(h[j * 3 + k], numeric, 1e-5 * std::max(1.0, std::fabs(numeric)))
          << "entry " << j << "," << k;
    }
  }
}

TEST(GammaGammaTest, NewtonFitAgreesWithLbfgsOnTheSameLikelihood) {
  const GammaGammaParams truth{3.0, 5.0, 40.0};
  SpendData data = SimulatedRepeatSpend(truth, 5000, 5);
  auto newton = FitGammaGamma(data, 1);
  ASSERT_TRUE(newton) << newton.error().ToString();
  ASSERT_TRUE(newton->converged);
  LogLikelihood ll = [&](const std::vector<double>& theta, std::vector<double>& g) {
    return GammaGammaLogLikelihood({theta[0], theta[1], theta[2]}, data, g.data(), 1);
  };
  FitReport lbfgs = MaximizeLikelihood(ll, {2.0, 3.0, 50.0}, {"p", "q", "gamma"},
                                       static_cast<double>(data.size()));
  ASSERT_TRUE(lbfgs.converged);
  EXPECT_NEAR(newton->log_likelihood, lbfgs.log_likelihood, 1e-6 * std::fabs(lbfgs.log_likelihood));
  for (int k = 0; k < 3; ++k) {
    EXPECT_NEAR(newton->params[k], lbfgs.params[k], 1e-4 * lbfgs.params[k]) << newton->names[k];
    EXPECT_NEAR(newton->std_errors[k], lbfgs.std_errors[k], 1e-2 * lbfgs.std_errors[k])
        << newton->names[k];
  }
  EXPECT_LT(newton->iterations, 30);
}

TEST(GammaGammaTest, RecoversKnownParametersAndPredictsMeanSpend) {
  const GammaGammaParams truth{6.25, 3.74, 15.44};
  SpendData data = SimulatedRepeatSpend(truth, 30000, 17);
  auto fit = FitGammaGamma(data);
  ASSERT_TRUE(fit) << fit.error().ToString();
  GammaGammaParams est = GammaGammaParamsOf(*fit);
  const double expected[3] = {truth.p, truth.q, truth.gamma};
  const double got[3] = {est.p, est.q, est.gamma};
  for (int k = 0; k < 3; ++k) {
    ASSERT_TRUE(std::isfinite(fit->std_errors[k]));
    EXPECT_LT(std::fabs(got[k] - expected[k]), 4 * fit->std_errors[k])
        << fit->names[k] << ": " << got[k] << " vs " << expected[k];
  }
  // The conditional expectation shrinks a customer's observed mean toward the population mean.
  double population = GammaGammaExpectedSpend(est, 0, 0);
  EXPECT_NEAR(population, truth.p * truth.gamma / (truth.q - 1), 0.1 * population);
  double one_purchase = GammaGammaExpectedSpend(est, 1, 3 * population);
  EXPECT_GT(one_purchase, population);
  EXPECT_LT(one_purchase, 3 * population);
}

TEST(GammaGammaTest, RefusesAnEmptyDataset) {
  EXPECT_EQ(FitGammaGamma(SpendData{}).error().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace centric::analytics::clv
