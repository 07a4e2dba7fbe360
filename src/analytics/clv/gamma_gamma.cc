// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/gamma_gamma.h"

#include <algorithm>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>
#include <cmath>
#include <thread>

namespace centric::analytics::clv {
namespace {

using boost::math::digamma;
using boost::math::lgamma;
using boost::math::trigamma;

// The per-customer sums of an evaluation, with B = gamma + x * mean.
struct Partial {
  double log_b = 0, x_log_b = 0;          // sum ln B, sum x ln B
  double inv_b = 0, x_inv_b = 0;          // sum 1/B, sum x/B
  double inv_b2 = 0, x_inv_b2 = 0;        // sum 1/B^2, sum x/B^2 (for the Hessian)
};

template <bool kHessian>
void SumCustomerTerms(double gamma, const SpendData& data, size_t begin, size_t end, Partial& out) {
  Partial s;
  for (size_t i = begin; i < end; ++i) {
    const double x = data.x[i];
    const double b = gamma + x * data.mean[i];
    const double log_b = std::log(b), inv_b = 1.0 / b;
    s.log_b += log_b;
    s.x_log_b += x * log_b;
    s.inv_b += inv_b;
    s.x_inv_b += x * inv_b;
    if constexpr (kHessian) {
      s.inv_b2 += inv_b * inv_b;
      s.x_inv_b2 += x * inv_b * inv_b;
    }
  }
  out = s;
}

}  // namespace

void SpendData::Add(int32_t xi, double m) {
  x.push_back(xi);
  mean.push_back(m);
  const double log_mean = std::log(m);
  sum_log_mean += log_mean;
  sum_x_log_mean += xi * log_mean;
  if (xi > max_x) max_x = xi;
  if (count_by_x.size() <= static_cast<size_t>(xi)) count_by_x.resize(static_cast<size_t>(xi) + 1);
  count_by_x[xi] += 1;
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

// Summed over customers, ln f = sum_x n_x [lnG(px+q) - lnG(px) + px ln x] - N lnG(q)
// + N q ln(gamma) + p sum x ln(mean) - sum ln(mean) - p sum x ln B - q sum ln B: everything
// but the sums over B is tabulated by x or fixed by the data.
double GammaGammaLogLikelihood(const GammaGammaParams& p, const SpendData& data, double gradient[3],
                               int threads, double* hessian) {
  const size_t n = data.size();
  const int shards = n < 20000 ? 1 : std::max(1, threads);
  std::vector<Partial> partials(shards);
  auto sum = hessian ? &SumCustomerTerms<true> : &SumCustomerTerms<false>;
  std::vector<std::thread> workers;
  for (int s = 1; s < shards; ++s) {
    workers.emplace_back(sum, p.gamma, std::cref(data), n * s / shards, n * (s + 1) / shards,
                         std::ref(partials[s]));
  }
  sum(p.gamma, data, 0, n / shards, partials[0]);
  for (auto& w : workers) w.join();
  Partial b;
  for (const auto& part : partials) {
    b.log_b += part.log_b;
    b.x_log_b += part.x_log_b;
    b.inv_b += part.inv_b;
    b.x_inv_b += part.x_inv_b;
    b.inv_b2 += part.inv_b2;
    b.x_inv_b2 += part.x_inv_b2;
  }

  // Terms in x alone, weighted by how many customers share each x.
  double by_x_ll = 0, by_x_gp = 0, by_x_gq = 0, by_x_hpp = 0, by_x_hpq = 0, by_x_hqq = 0;
  for (size_t xi = 1; xi < data.count_by_x.size(); ++xi) {
    const double count = data.count_by_x[xi];
    if (count == 0) continue;
    const double x = static_cast<double>(xi), px = p.p * x, log_x = std::log(x);
    const double dg_pxq = digamma(px + p.q);
    by_x_ll += count * (lgamma(px + p.q) - lgamma(px) + px * log_x);
    by_x_gp += count * x * (dg_pxq - digamma(px) + log_x);
    by_x_gq += count * dg_pxq;
    if (hessian) {
      const double tg_pxq = trigamma(px + p.q);
      by_x_hpp += count * x * x * (tg_pxq - trigamma(px));
      by_x_hpq += count * x * tg_pxq;
      by_x_hqq += count * tg_pxq;
    }
  }
  const double customers = static_cast<double>(n), log_gamma = std::log(p.gamma);
  const double ll = by_x_ll - customers * lgamma(p.q) + customers * p.q * log_gamma +
                    p.p * data.sum_x_log_mean - data.sum_log_mean - p.p * b.x_log_b - p.q * b.log_b;
  gradient[0] = by_x_gp + data.sum_x_log_mean - b.x_log_b;
  gradient[1] = by_x_gq - customers * digamma(p.q) + customers * log_gamma - b.log_b;
  gradient[2] = customers * p.q / p.gamma - p.p * b.x_inv_b - p.q * b.inv_b;
  if (hessian) {
    const double h_pg = -b.x_inv_b;
    const double h_qg = customers / p.gamma - b.inv_b;
    const double h_qq = by_x_hqq - customers * trigamma(p.q);
    const double h_gg = -customers * p.q / (p.gamma * p.gamma) + p.p * b.x_inv_b2 + p.q * b.inv_b2;
    const double h[9] = {by_x_hpp, by_x_hpq, h_pg, by_x_hpq, h_qq, h_qg, h_pg, h_qg, h_gg};
    std::copy(h, h + 9, hessian);
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
  LogLikelihoodWithHessian ll = [&](const std::vector<double>& theta, std::vector<double>& g,
                                    std::vector<double>& h) {
    return GammaGammaLogLikelihood({theta[0], theta[1], theta[2]}, data, g.data(), threads,
                                   h.data());
  };
  // Start at a spend distribution centred on the observed mean (p * gamma / (q - 1) = mean).
  // The Hessian costs two more sums per customer, so Newton's method converges in a few
  // passes where L-BFGS took dozens.
  FitReport report = MaximizeLikelihoodNewton(ll, {2.0, 3.0, mean}, {"p", "q", "gamma"},
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
