// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/bg_nbd.h"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

#include "analytics/clv/hyp2f1.h"

namespace centric::analytics::clv {
namespace {

using boost::math::digamma;
using boost::math::lgamma;

// ln L = A1 + A2 + [x > 0] log(1 + e^D), with
//   A1 = lnG(r+x) - lnG(r) + r ln(alpha)
//   A2 = lnG(b+x) - lnG(a+b+x) - lnG(b) + lnG(a+b) - (r+x) ln(alpha+T)
//   D  = ln(a) - ln(b+x-1) + (r+x) (ln(alpha+T) - ln(alpha+tx))
// (Fader, Hardie & Lee 2005, eq. 6, with the two terms factored so nothing overflows.)

struct XTable {
  std::vector<double> lg_rx, dg_rx, lg_bx_abx, dg_bx, dg_abx, log_bx1, inv_bx1;
};

XTable BuildXTable(const BgNbdParams& p, int max_x) {
  XTable t;
  const size_t n = static_cast<size_t>(max_x) + 1;
  t.lg_rx.resize(n);
  t.dg_rx.resize(n);
  t.lg_bx_abx.resize(n);
  t.dg_bx.resize(n);
  t.dg_abx.resize(n);
  t.log_bx1.resize(n);
  t.inv_bx1.resize(n);
  for (size_t x = 0; x < n; ++x) {
    double xd = static_cast<double>(x);
    t.lg_rx[x] = lgamma(p.r + xd);
    t.dg_rx[x] = digamma(p.r + xd);
    t.lg_bx_abx[x] = lgamma(p.b + xd) - lgamma(p.a + p.b + xd);
    t.dg_bx[x] = digamma(p.b + xd);
    t.dg_abx[x] = digamma(p.a + p.b + xd);
    t.log_bx1[x] = x > 0 ? std::log(p.b + xd - 1) : 0.0;
    t.inv_bx1[x] = x > 0 ? 1.0 / (p.b + xd - 1) : 0.0;
  }
  return t;
}

struct Partial {
  double ll = 0;
  double g[4] = {0, 0, 0, 0};
};

}  // namespace

double BgNbdLogLikelihood(const BgNbdParams& p, double x, double tx, double T, double* gradient) {
  const double r = p.r, alpha = p.alpha, a = p.a, b = p.b;
  const double log_aT = std::log(alpha + T);
  const double log_atx = std::log(alpha + tx);
  double ll = lgamma(r + x) - lgamma(r) + r * std::log(alpha) + lgamma(b + x) -
              lgamma(a + b + x) - lgamma(b) + lgamma(a + b) - (r + x) * log_aT;
  double w = 0;
  double D = 0;
  if (x > 0) {
    D = std::log(a) - std::log(b + x - 1) + (r + x) * (log_aT - log_atx);
    ll += D > 0 ? D + std::log1p(std::exp(-D)) : std::log1p(std::exp(D));
    w = D > 0 ? 1.0 / (1.0 + std::exp(-D)) : std::exp(D) / (1.0 + std::exp(D));
  }
  if (gradient) {
    gradient[0] = digamma(r + x) - digamma(r) + std::log(alpha) - log_aT + w * (log_aT - log_atx);
    gradient[1] = r / alpha - (r + x) / (alpha + T) +
                  w * (r + x) * (1.0 / (alpha + T) - 1.0 / (alpha + tx));
    gradient[2] = digamma(a + b) - digamma(a + b + x) + (x > 0 ? w / a : 0.0);
    gradient[3] = digamma(b + x) - digamma(a + b + x) - digamma(b) + digamma(a + b) -
                  (x > 0 ? w / (b + x - 1) : 0.0);
  }
  return ll;
}

double BgNbdLogLikelihood(const BgNbdParams& p, const RfmData& data, double gradient[4],
                          int threads) {
  const XTable xt = BuildXTable(p, data.max_x);
  const size_t nT = static_cast<size_t>(data.max_T) + 1;
  std::vector<double> log_at(nT), inv_at(nT);
  for (size_t k = 0; k < nT; ++k) {
    log_at[k] = std::log(p.alpha + static_cast<double>(k));
    inv_at[k] = 1.0 / (p.alpha + static_cast<double>(k));
  }
  const double lg_r = lgamma(p.r), dg_r = digamma(p.r), log_alpha = std::log(p.alpha);
  const double lg_b = lgamma(p.b), lg_ab = lgamma(p.a + p.b), dg_b = digamma(p.b);
  const double dg_ab = digamma(p.a + p.b), log_a = std::log(p.a);
  const double inv_a = 1.0 / p.a, r_over_alpha = p.r / p.alpha;

  auto work = [&](size_t begin, size_t end, Partial& out) {
    double ll = 0, g0 = 0, g1 = 0, g2 = 0, g3 = 0;
    for (size_t i = begin; i < end; ++i) {
      const int32_t x = data.x[i];
      const double xd = x, wgt = data.weight[i];
      const double rx = p.r + xd;
      const double lT = log_at[data.T[i]], ltx = log_at[data.tx[i]];
      double row = xt.lg_rx[x] - lg_r + p.r * log_alpha + xt.lg_bx_abx[x] - lg_b + lg_ab - rx * lT;
      double s = 0;  // weight of the second term: e^D / (1 + e^D)
      if (x > 0) {
        // log(1 + e^D) = max(D, 0) + log1p(e^-|D|), without a branch on the sign of D,
        // which differs from row to row.
        const double D = log_a - xt.log_bx1[x] + rx * (lT - ltx);
        const double e = std::exp(-std::fabs(D));
        row += std::max(D, 0.0) + std::log1p(e);
        s = (D > 0 ? 1.0 : e) / (1.0 + e);
      }
      ll += wgt * row;
      g0 += wgt * (xt.dg_rx[x] - dg_r + log_alpha - lT + s * (lT - ltx));
      g1 += wgt * (r_over_alpha - rx * inv_at[data.T[i]] +
                   s * rx * (inv_at[data.T[i]] - inv_at[data.tx[i]]));
      g2 += wgt * (dg_ab - xt.dg_abx[x] + s * inv_a);
      g3 += wgt * (xt.dg_bx[x] - xt.dg_abx[x] - dg_b + dg_ab - s * xt.inv_bx1[x]);
    }
    out.ll = ll;
    out.g[0] = g0;
    out.g[1] = g1;
    out.g[2] = g2;
    out.g[3] = g3;
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
  for (int k = 0; k < 4; ++k) gradient[k] = 0;
  for (const auto& part : partials) {
    ll += part.ll;
    for (int k = 0; k < 4; ++k) gradient[k] += part.g[k];
  }
  return ll;
}

Result<FitReport> FitBgNbd(const RfmData& data, int threads) {
  if (data.total_weight == 0) return Error(FailedPrecondition("no customers to fit"));
  if (data.repeat_weight == 0) {
    return Error(FailedPrecondition(
        "no customer made a repeat purchase: the BG/NBD model cannot be fitted"));
  }
  double mean_T = 0;
  for (size_t i = 0; i < data.size(); ++i) mean_T += data.weight[i] * data.T[i];
  mean_T /= data.total_weight;
  LogLikelihood ll = [&](const std::vector<double>& theta, std::vector<double>& g) {
    BgNbdParams p{theta[0], theta[1], theta[2], theta[3]};
    return BgNbdLogLikelihood(p, data, g.data(), threads);
  };
  FitReport report = MaximizeLikelihood(ll, {1.0, std::max(1.0, mean_T), 1.0, 1.0},
                                        {"r", "alpha", "a", "b"}, data.total_weight);
  if (data.repeat_weight < 30) {
    report.warnings.push_back(
        "fewer than 30 customers made a repeat purchase: the estimates are unreliable");
  }
  return report;
}

BgNbdParams BgNbdParamsOf(const FitReport& report) {
  return {report.param("r"), report.param("alpha"), report.param("a"), report.param("b")};
}

double BgNbdProbabilityAlive(const BgNbdParams& p, double x, double tx, double T) {
  if (x <= 0) return 1.0;
  double D = std::log(p.a) - std::log(p.b + x - 1) +
             (p.r + x) * (std::log(p.alpha + T) - std::log(p.alpha + tx));
  return D > 0 ? std::exp(-D) / (1.0 + std::exp(-D)) : 1.0 / (1.0 + std::exp(D));
}

double BgNbdExpectedPurchasesIfAlive(const BgNbdParams& p, double x, double T, double t) {
  if (t <= 0) return 0.0;
  const double z = t / (p.alpha + T + t);
  const double c = p.a + p.b + x - 1;
  const double scaled = ScaledHyp2f1(p.r + x, p.b + x, c, z);
  return c / (p.a - 1) * (1.0 - scaled);
}

double BgNbdExpectedPurchases(const BgNbdParams& p, double x, double tx, double T, double t) {
  return BgNbdExpectedPurchasesIfAlive(p, x, T, t) * BgNbdProbabilityAlive(p, x, tx, T);
}

}  // namespace centric::analytics::clv
