// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/gamma_gamma.h"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <thread>

namespace centric::analytics::clv {
namespace {

using boost::math::digamma;
using boost::math::lgamma;

struct Partial {
  double ll = 0;
  double g[3] = {0, 0, 0};
};

}  // namespace

void SpendData::Add(int32_t xi, double m) {
  x.push_back(xi);
  mean.push_back(m);
  log_mean.push_back(std::log(m));
  if (xi > max_x) max_x = xi;
}

// ln f(mean | x) = lnG(px+q) - lnG(px) - lnG(q) + q ln(gamma) + (px-1) ln(mean) + px ln(x)
//                  - (px+q) ln(gamma + x mean)
double GammaGammaLogLikelihood(const GammaGammaParams& p, double x, double mean, double* g) {
  const double px = p.p * x;
  const double base = std::log(p.gamma + x * mean);
  double ll = lgamma(px + p.q) - lgamma(px) - lgamma(p.q) + p.q * std::log(p.gamma) +
              (px - 1) * std::log(mean) + px * std::log(x) - (px + p.q) * base;
  if (g) {
    g[0] = x * (digamma(px + p.q) - digamma(px) + std::log(mean) + std::log(x) - base);
    g[1] = digamma(px + p.q) - digamma(p.q) + std::log(p.gamma) - base;
    g[2] = p.q / p.gamma - (px + p.q) / (p.gamma + x * mean);
  }
  return ll;
}

double GammaGammaLogLikelihood(const GammaGammaParams& p, const SpendData& data, double gradient[3],
                               int threads) {
  // Terms in x alone, tabulated once per evaluation.
  const size_t nx = static_cast<size_t>(data.max_x) + 1;
  std::vector<double> lg_pxq(nx), lg_px(nx), dg_pxq(nx), dg_px(nx), log_x(nx);
  for (size_t x = 1; x < nx; ++x) {
    double px = p.p * static_cast<double>(x);
    lg_pxq[x] = lgamma(px + p.q);
    lg_px[x] = lgamma(px);
    dg_pxq[x] = digamma(px + p.q);
    dg_px[x] = digamma(px);
    log_x[x] = std::log(static_cast<double>(x));
  }
  const double lg_q = lgamma(p.q), dg_q = digamma(p.q), log_gamma = std::log(p.gamma);
  auto work = [&](size_t begin, size_t end, Partial& out) {
    double ll = 0, g0 = 0, g1 = 0, g2 = 0;
    for (size_t i = begin; i < end; ++i) {
      const int32_t x = data.x[i];
      const double xd = x, px = p.p * xd, m = data.mean[i], lm = data.log_mean[i];
      const double base = std::log(p.gamma + xd * m);
      ll += lg_pxq[x] - lg_px[x] - lg_q + p.q * log_gamma + (px - 1) * lm + px * log_x[x] -
            (px + p.q) * base;
      g0 += xd * (dg_pxq[x] - dg_px[x] + lm + log_x[x] - base);
      g1 += dg_pxq[x] - dg_q + log_gamma - base;
      g2 += p.q / p.gamma - (px + p.q) / (p.gamma + xd * m);
    }
    out.ll = ll;
    out.g[0] = g0;
    out.g[1] = g1;
    out.g[2] = g2;
  };
  const size_t n = data.size();
  const int shards = n < 20000 ? 1 : std::max(1, threads);
  std::vector<Partial> partials(shards);
  std::vector<std::thread> workers;
  for (int s = 1; s < shards; ++s) {
    workers.emplace_back(work, n * s / shards, n * (s + 1) / shards, std::ref(partials[s]));
  }
  work(0, n / shards, partials[0]);
  for (auto& w : workers) w.join();
  double ll = 0;
  gradient[0] = gradient[1] = gradient[2] = 0;
  for (const auto& part : partials) {
    ll += part.ll;
    for (int k = 0; k < 3; ++k) gradient[k] += part.g[k];
  }
  return ll;
}

Result<FitReport> FitGammaGamma(const SpendData& data, int threads) {
  if (data.size() == 0) {
    return Error(FailedPrecondition(
        "no customer has a repeat purchase with a positive spend: the Gamma-Gamma model "
        "cannot be fitted"));
  }
  double mean = 0;
  for (double m : data.mean) mean += m;
  mean /= static_cast<double>(data.size());
  LogLikelihood ll = [&](const std::vector<double>& theta, std::vector<double>& g) {
    return GammaGammaLogLikelihood({theta[0], theta[1], theta[2]}, data, g.data(), threads);
  };
  // Start at a spend distribution centred on the observed mean (p * gamma / (q - 1) = mean).
  FitReport report = MaximizeLikelihood(ll, {2.0, 3.0, mean}, {"p", "q", "gamma"},
                                        static_cast<double>(data.size()));
  if (data.size() < 30) {
    report.warnings.push_back(
        "fewer than 30 customers with repeat spend: the spend estimates are unreliable");
  }
  if (report.param("q") <= 1) {
    report.warnings.push_back(
        "q <= 1: the population mean spend is infinite; expected spend of new customers is "
        "reported as their observed mean");
  }
  return report;
}

GammaGammaParams GammaGammaParamsOf(const FitReport& report) {
  return {report.param("p"), report.param("q"), report.param("gamma")};
}

double GammaGammaExpectedSpend(const GammaGammaParams& p, double x, double mean) {
  if (x <= 0 || mean <= 0) {
    return p.q > 1 ? p.p * p.gamma / (p.q - 1) : 0.0;
  }
  return p.p * (p.gamma + x * mean) / (p.p * x + p.q - 1);
}

}  // namespace centric::analytics::clv
