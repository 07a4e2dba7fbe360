// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/pareto_nbd.h"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <algorithm>
#include <cmath>
#include <thread>
#include <unordered_map>
#include <vector>


namespace centric::analytics::clv {
namespace {

using boost::math::digamma;
using boost::math::lgamma;

// Double-exponential (exp-sinh) nodes on [0, inf): v = exp(pi/2 sinh t), trapezoidal in t.
// Exponentially convergent for the smooth, exponentially decaying integrand below.
struct ExpSinhRule {
  std::vector<double> v;
  std::vector<double> log_weight;
};

const ExpSinhRule& TailRule() {
  static const ExpSinhRule rule = [] {
    ExpSinhRule r;
    const double h = 1.0 / 12;
    for (int j = -60; j <= 60; ++j) {
      const double t = j * h;
      const double e = M_PI / 2 * std::sinh(t);
      if (e > std::log(800.0)) break;  // the integrand is below e^-700 there
      r.v.push_back(std::exp(e));
      r.log_weight.push_back(std::log(h * M_PI / 2 * std::cosh(t)) + e);
    }
    return r;
  }();
  return rule;
}

double LogAddExp(double a, double b) {
  if (a < b) std::swap(a, b);
  if (b == -INFINITY) return a;
  return a + std::log1p(std::exp(b - a));
}

struct TailValue {
  double log_f = 0;
  double g[4] = {0, 0, 0, 0};  // d ln F / d(r, alpha, s, beta)
};

// F(u) = integral_u^inf (alpha+y)^-(r+x) (beta+y)^-(s+1) dy. With d the larger of alpha and
// beta (so the integrand decays at least as fast near u as far out) and v = k ln((d+y)/(d+u)), k = r + x + s (the integrand's decay rate in ln y far out),
// the integrand in v decays like e^-v and is smooth, which the exp-sinh rule integrates to
// near machine precision. Computed in logs so deep tails (large x) do not underflow.
TailValue Tail(const ParetoNbdParams& p, double x, double u) {
  const ExpSinhRule& rule = TailRule();
  const double pa = p.r + x;    // exponent on (alpha + y)
  const double pb = p.s + 1.0;  // exponent on (beta + y)
  const double d = std::max(p.alpha, p.beta);
  const double k = p.r + x + p.s;
  const double c0 = std::log(d + u);
  const double log_k = std::log(k);
  const size_t n = rule.v.size();
  double logs[160], la[160], lb[160], ia[160], ib[160];
  double max_log = -INFINITY;
  for (size_t i = 0; i < n; ++i) {
    const double z = rule.v[i] / k;
    const double dy = std::exp(c0 + z);  // d + y
    const double y = dy - d;
    const double a_y = p.alpha + y, b_y = p.beta + y;
    la[i] = std::log(a_y);
    lb[i] = std::log(b_y);
    ia[i] = 1.0 / a_y;
    ib[i] = 1.0 / b_y;
    // dy = (d + y) dz, dz = dv / k.
    logs[i] = -pa * la[i] - pb * lb[i] + (c0 + z) - log_k + rule.log_weight[i];
    max_log = std::max(max_log, logs[i]);
  }
  double sum = 0, s_r = 0, s_a = 0, s_s = 0, s_b = 0;
  for (size_t i = 0; i < n; ++i) {
    const double v = std::exp(logs[i] - max_log);
    sum += v;
    s_r -= v * la[i];
    s_a -= v * pa * ia[i];
    s_s -= v * lb[i];
    s_b -= v * pb * ib[i];
  }
  TailValue out;
  out.log_f = max_log + std::log(sum);
  out.g[0] = s_r / sum;
  out.g[1] = s_a / sum;
  out.g[2] = s_s / sum;
  out.g[3] = s_b / sum;
  return out;
}

// ln L of one customer from the tails at tx and T, with gradient.
double RowLogLikelihood(const ParetoNbdParams& p, double x, double tx, double T,
                        const TailValue& f_tx, const TailValue& f_T, double lg_rx, double dg_rx,
                        double lg_r, double dg_r, double* g) {
  const double log_a = std::log(p.alpha), log_b = std::log(p.beta);
  const double log_aT = std::log(p.alpha + T), log_bT = std::log(p.beta + T);
  // E = (alpha+T)^-(r+x) (beta+T)^-s
  const double log_e = -(p.r + x) * log_aT - p.s * log_bT;
  double ge[4] = {-log_aT, -(p.r + x) / (p.alpha + T), -log_bT, -p.s / (p.beta + T)};
  double log_total = log_e;
  double gi[4] = {0, 0, 0, 0};
  double share_i = 0;  // s I / (E + s I)
  if (T > tx) {
    // I = F(tx) - F(T) = F(tx) (1 - rho)
    const double rho = std::exp(f_T.log_f - f_tx.log_f);
    const double log_i = f_tx.log_f + std::log1p(-rho);
    for (int k = 0; k < 4; ++k) gi[k] = (f_tx.g[k] - rho * f_T.g[k]) / (1 - rho);
    const double log_si = std::log(p.s) + log_i;
    log_total = LogAddExp(log_e, log_si);
    share_i = std::exp(log_si - log_total);
    gi[2] += 1.0 / p.s;  // d ln(s I)/ds
  }
  const double ll = lg_rx - lg_r + p.r * log_a + p.s * log_b + log_total;
  if (g) {
    const double share_e = 1 - share_i;
    g[0] = dg_rx - dg_r + log_a + share_e * ge[0] + share_i * gi[0];
    g[1] = p.r / p.alpha + share_e * ge[1] + share_i * gi[1];
    g[2] = log_b + share_e * ge[2] + share_i * gi[2];
    g[3] = p.s / p.beta + share_e * ge[3] + share_i * gi[3];
  }
  return ll;
}

}  // namespace

double ParetoNbdLogTail(const ParetoNbdParams& p, double x, double u, double* gradient) {
  TailValue t = Tail(p, x, u);
  if (gradient) std::copy(t.g, t.g + 4, gradient);
  return t.log_f;
}

double ParetoNbdLogLikelihood(const ParetoNbdParams& p, double x, double tx, double T,
                              double* gradient) {
  TailValue f_tx = Tail(p, x, tx), f_T = Tail(p, x, T);
  return RowLogLikelihood(p, x, tx, T, f_tx, f_T, lgamma(p.r + x), digamma(p.r + x), lgamma(p.r),
                          digamma(p.r), gradient);
}

double ParetoNbdLogLikelihood(const ParetoNbdParams& p, const RfmData& data, double gradient[4],
                              int threads) {
  // The tails each row needs, (x, tx) and (x, T), computed once per distinct pair.
  const size_t n = data.size();
  std::unordered_map<uint64_t, uint32_t> index;
  std::vector<uint64_t> pairs;
  std::vector<uint32_t> at_tx(n), at_T(n);
  auto slot = [&](int32_t x, int32_t u) {
    uint64_t key = (static_cast<uint64_t>(x) << 32) | static_cast<uint32_t>(u);
    auto [it, inserted] = index.emplace(key, static_cast<uint32_t>(pairs.size()));
    if (inserted) pairs.push_back(key);
    return it->second;
  };
  for (size_t i = 0; i < n; ++i) {
    at_tx[i] = slot(data.x[i], data.tx[i]);
    at_T[i] = slot(data.x[i], data.T[i]);
  }
  std::vector<TailValue> tails(pairs.size());
  auto compute = [&](size_t begin, size_t end) {
    for (size_t j = begin; j < end; ++j) {
      tails[j] = Tail(p, static_cast<double>(pairs[j] >> 32),
                      static_cast<double>(static_cast<uint32_t>(pairs[j])));
    }
  };
  const int shards = pairs.size() < 2000 ? 1 : std::max(1, threads);
  {
    std::vector<std::thread> workers;
    for (int s = 1; s < shards; ++s) {
      workers.emplace_back(compute, pairs.size() * s / shards, pairs.size() * (s + 1) / shards);
    }
    compute(0, pairs.size() / shards);
    for (auto& w : workers) w.join();
  }
  std::vector<double> lg_rx(data.max_x + 1), dg_rx(data.max_x + 1);
  for (int32_t x = 0; x <= data.max_x; ++x) {
    lg_rx[x] = lgamma(p.r + x);
    dg_rx[x] = digamma(p.r + x);
  }
  const double lg_r = lgamma(p.r), dg_r = digamma(p.r);
  double ll = 0;
  double g[4];
  for (int k = 0; k < 4; ++k) gradient[k] = 0;
  for (size_t i = 0; i < n; ++i) {
    const int32_t x = data.x[i];
    double row = RowLogLikelihood(p, x, data.tx[i], data.T[i], tails[at_tx[i]], tails[at_T[i]],
                                  lg_rx[x], dg_rx[x], lg_r, dg_r, g);
    ll += data.weight[i] * row;
    for (int k = 0; k < 4; ++k) gradient[k] += data.weight[i] * g[k];
  }
  return ll;
}

Result<FitReport> FitParetoNbd(const RfmData& data, int threads) {
  if (data.total_weight == 0) return Error(FailedPrecondition("no customers to fit"));
  if (data.repeat_weight == 0) {
    return Error(FailedPrecondition(
        "no customer made a repeat purchase: the Pareto/NBD model cannot be fitted"));
  }
  double mean_T = 0;
  for (size_t i = 0; i < data.size(); ++i) mean_T += data.weight[i] * data.T[i];
  mean_T /= data.total_weight;
  LogLikelihood ll = [&](const std::vector<double>& theta, std::vector<double>& g) {
    ParetoNbdParams p{theta[0], theta[1], theta[2], theta[3]};
    return ParetoNbdLogLikelihood(p, data, g.data(), threads);
  };
  double scale = std::max(1.0, mean_T);
  FitReport report = MaximizeLikelihood(ll, {1.0, scale, 1.0, scale},
                                        {"r", "alpha", "s", "beta"}, data.total_weight);
  if (data.repeat_weight < 30) {
    report.warnings.push_back(
        "fewer than 30 customers made a repeat purchase: the estimates are unreliable");
  }
  return report;
}

ParetoNbdParams ParetoNbdParamsOf(const FitReport& report) {
  return {report.param("r"), report.param("alpha"), report.param("s"), report.param("beta")};
}

double ParetoNbdProbabilityAlive(const ParetoNbdParams& p, double x, double tx, double T) {
  if (T <= tx) return 1.0;
  TailValue f_tx = Tail(p, x, tx), f_T = Tail(p, x, T);
  const double log_e = -(p.r + x) * std::log(p.alpha + T) - p.s * std::log(p.beta + T);
  const double rho = std::exp(f_T.log_f - f_tx.log_f);
  const double log_si = std::log(p.s) + f_tx.log_f + std::log1p(-rho);
  return std::exp(log_e - LogAddExp(log_e, log_si));
}

double ParetoNbdExpectedPurchasesIfAlive(const ParetoNbdParams& p, double x, double T, double t) {
  if (t <= 0) return 0.0;
  const double base = (p.r + x) * (p.beta + T) / (p.alpha + T);
  const double ratio = (p.beta + T) / (p.beta + T + t);
  if (std::fabs(p.s - 1) < 1e-9) return base * -std::log(ratio);
  return base / (p.s - 1) * (1 - std::pow(ratio, p.s - 1));
}

double ParetoNbdExpectedPurchases(const ParetoNbdParams& p, double x, double tx, double T,
                                  double t) {
  return ParetoNbdExpectedPurchasesIfAlive(p, x, T, t) * ParetoNbdProbabilityAlive(p, x, tx, T);
}

}  // namespace centric::analytics::clv
