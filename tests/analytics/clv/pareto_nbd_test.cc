// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/pareto_nbd.h"

#include <gtest/gtest.h>

#include <boost/math/distributions/gamma.hpp>
#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>

#include "analytics/clv/simulate.h"

namespace centric::analytics::clv {
namespace {

// ln of integral_u^inf (alpha+y)^-(r+x) (beta+y)^-(s+1) dy by adaptive quadrature.
double LogTailByQuadrature(const ParetoNbdParams& p, double x, double u) {
  // Scale by the integrand at u so deep tails stay representable.
  const double log_g0 = -(p.r + x) * std::log(p.alpha + u) - (p.s + 1) * std::log(p.beta + u);
  boost::math::quadrature::exp_sinh<double> integrator;
  double v = integrator.integrate([&](double t) {
    double y = u + t;
    return std::exp(-(p.r + x) * std::log(p.alpha + y) - (p.s + 1) * std::log(p.beta + y) - log_g0);
  });
  return log_g0 + std::log(v);
}

TEST(ParetoNbdTest, TailQuadratureIsAccurateAcrossParameters) {
  for (auto p : {ParetoNbdParams{0.55, 10.6, 0.61, 11.7},  // CDNOW (weeks)
                 ParetoNbdParams{2.0, 1.0, 0.3, 40.0}, ParetoNbdParams{0.3, 50.0, 2.0, 0.5},
                 ParetoNbdParams{5.0, 200.0, 1.0, 3.0}}) {
    for (double x : {0.0, 1.0, 7.0, 60.0}) {
      for (double u : {0.0, 3.0, 40.0, 400.0}) {
        EXPECT_NEAR(ParetoNbdLogTail(p, x, u), LogTailByQuadrature(p, x, u), 1e-9 * std::max(1.0, std::fabs(LogTailByQuadrature(p, x, u))))
            << "r=" << p.r << " alpha=" << p.alpha << " s=" << p.s << " beta=" << p.beta
            << " x=" << x << " u=" << u;
      }
    }
  }
}

// The likelihood from the model's definition: given lambda and mu, with an exponential
// lifetime, L = lambda^x e^-(lambda+mu)T + lambda^x mu/(lambda+mu) (e^-(lambda+mu)tx -
// e^-(lambda+mu)T); integrated over Gamma(r, alpha) x Gamma(s, beta).
double LikelihoodByIntegration(const ParetoNbdParams& p, int x, double tx, double T) {
  boost::math::gamma_distribution<double> lambda_dist(p.r, 1 / p.alpha);
  boost::math::gamma_distribution<double> mu_dist(p.s, 1 / p.beta);
  boost::math::quadrature::exp_sinh<double> outer, inner;
  return outer.integrate([&](double mu) {
    return boost::math::pdf(mu_dist, mu) * inner.integrate([&](double lambda) {
      double lm = lambda + mu;
      double l = std::pow(lambda, x) * std::exp(-lm * T) +
                 std::pow(lambda, x) * mu / lm * (std::exp(-lm * tx) - std::exp(-lm * T));
      return l * boost::math::pdf(lambda_dist, lambda);
    });
  });
}

TEST(ParetoNbdTest, LikelihoodMatchesIntegrationOfTheDefinition) {
  ParetoNbdParams p{0.9, 5.0, 0.8, 9.0};
  for (auto [x, tx, T] : {std::tuple{0, 0.0, 5.0}, {1, 2.0, 6.0}, {3, 7.5, 8.0}, {6, 10.0, 30.0}, {2, 4.0, 4.0}}) {
    double direct = std::log(LikelihoodByIntegration(p, x, tx, T));
    EXPECT_NEAR(ParetoNbdLogLikelihood(p, x, tx, T), direct, 1e-6) << x << " " << tx << " " << T;
  }
}

TEST(ParetoNbdTest, AnalyticGradientMatchesFiniteDifferences) {
  ParetoNbdParams p{0.7, 9.0, 0.6, 14.0};
  RfmData data;
  data.Add(0, 0, 40, 30);
  data.Add(2, 17, 40, 5);
  data.Add(5, 35, 52, 2);
  data.Add(40, 50, 52, 1);
  data.Add(3, 20, 20, 1);
  double g[4];
  ParetoNbdLogLikelihood(p, data, g, 1);
  for (int k = 0; k < 4; ++k) {
    ParetoNbdParams up = p, down = p;
    double* fu[4] = {&up.r, &up.alpha, &up.s, &up.beta};
    double* fd[4] = {&down.r, &down.alpha, &down.s, &down.beta};
    double h = 1e-6 * *fu[k];
    *fu[k] += h;
    *fd[k] -= h;
    double gg[4];
    double numeric =
        (ParetoNbdLogLikelihood(up, data, gg, 1) - ParetoNbdLogLikelihood(down, data, gg, 1)) / (2 * h);
    EXPECT_NEAR(g[k], numeric, 1e-5 * std::max(1.0, std::fabs(numeric))) << "parameter " << k;
  }
}

TEST(ParetoNbdTest, RecoversKnownParameters) {
  // 20,000 simulated customers; every estimate within four standard errors of the truth.
  const ParetoNbdParams truth{0.55, 10.6, 0.61, 11.7};
  auto customers = SimulateParetoNbd(truth, {.customers = 20000, .min_T = 20, .max_T = 80, .seed = 3});
  RfmData data = ToRfmData(customers, 4.0);
  auto fit = FitParetoNbd(data);
  ASSERT_TRUE(fit) << fit.error().ToString();
  EXPECT_TRUE(fit->converged);
  ParetoNbdParams est = ParetoNbdParamsOf(*fit);
  const double expected[4] = {truth.r, truth.alpha * 4, truth.s, truth.beta * 4};
  const double got[4] = {est.r, est.alpha, est.s, est.beta};
  for (int k = 0; k < 4; ++k) {
    ASSERT_TRUE(std::isfinite(fit->std_errors[k]));
    EXPECT_LT(std::fabs(got[k] - expected[k]), 4 * fit->std_errors[k])
        << fit->names[k] << ": " << got[k] << " vs " << expected[k] << " (se " << fit->std_errors[k] << ")";
  }
}

TEST(ParetoNbdTest, PredictionsAgreeWithSimulationOfTheProcess) {
  const ParetoNbdParams p{0.8, 6.0, 0.9, 12.0};
  auto customers = SimulateParetoNbd(p, {.customers = 40000, .min_T = 10, .max_T = 40, .horizon = 20, .seed = 9});
  double predicted = 0, actual = 0;
  for (const auto& c : customers) {
    predicted += ParetoNbdExpectedPurchases(p, c.x, c.tx, c.T, 20);
    actual += c.future;
  }
  EXPECT_NEAR(predicted / actual, 1.0, 0.03) << predicted << " vs " << actual;
  EXPECT_DOUBLE_EQ(ParetoNbdProbabilityAlive(p, 3, 10, 10), 1.0);
  EXPECT_LT(ParetoNbdProbabilityAlive(p, 10, 2, 60), 0.05);
}

}  // namespace
}  // namespace centric::analytics::clv
