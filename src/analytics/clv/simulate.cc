// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/simulate.h"

#include <cmath>
#include <map>
#include <random>
#include <tuple>

namespace centric::analytics::clv {
namespace {

// std::mt19937_64 is specified bit-exactly; the distributions below are built on its raw
// output so results do not depend on the standard library's distribution code.
class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  double Uniform() { return (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53; }
  double Exponential(double rate) { return -std::log(Uniform()) / rate; }
  double Normal() {
    double u = Uniform(), v = Uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(2 * M_PI * v);
  }
  // Marsaglia & Tsang (2000); shape < 1 through the boost u^(1/shape).
  double Gamma(double shape, double rate) {
    if (shape < 1) return Gamma(shape + 1, rate) * std::pow(Uniform(), 1.0 / shape);
    const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
    while (true) {
      double x = Normal(), v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      double u = Uniform();
      if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v / rate;
    }
  }
  double Beta(double a, double b) {
    double x = Gamma(a, 1), y = Gamma(b, 1);
    return x / (x + y);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace

std::vector<SimulatedCustomer> SimulateBgNbd(const BgNbdParams& p, const SimulationSpec& spec,
                                             const GammaGammaParams* spend) {
  Rng rng(spec.seed);
  std::vector<SimulatedCustomer> out(spec.customers);
  for (auto& c : out) {
    c.T = spec.min_T + (spec.max_T - spec.min_T) * rng.Uniform();
    const double lambda = rng.Gamma(p.r, p.alpha);
    const double drop = rng.Beta(p.a, p.b);
    const double nu = spend ? rng.Gamma(spend->q, spend->gamma) : 0;
    double t = 0, total = 0;
    bool alive = true;
    while (alive) {
      t += rng.Exponential(lambda);
      if (t > c.T + spec.horizon) break;
      if (t <= c.T) {
        ++c.x;
        c.tx = t;
        if (spend) total += rng.Gamma(spend->p, nu);
      } else {
        ++c.future;
      }
      alive = rng.Uniform() >= drop;  // drop out after a repeat purchase
    }
    if (spend && c.x > 0) c.mean_spend = total / c.x;
  }
  return out;
}

std::vector<SimulatedCustomer> SimulateParetoNbd(const ParetoNbdParams& p,
                                                 const SimulationSpec& spec) {
  Rng rng(spec.seed);
  std::vector<SimulatedCustomer> out(spec.customers);
  for (auto& c : out) {
    c.T = spec.min_T + (spec.max_T - spec.min_T) * rng.Uniform();
    const double lambda = rng.Gamma(p.r, p.alpha);
    const double mu = rng.Gamma(p.s, p.beta);
    const double lifetime = rng.Exponential(mu);
    const double end = std::min(lifetime, c.T + spec.horizon);
    double t = 0;
    while (true) {
      t += rng.Exponential(lambda);
      if (t > end) break;
      if (t <= c.T) {
        ++c.x;
        c.tx = t;
      } else {
        ++c.future;
      }
    }
  }
  return out;
}

RfmData ToRfmData(const std::vector<SimulatedCustomer>& customers, double resolution) {
  std::map<std::tuple<int32_t, int32_t, int32_t>, double> counts;
  for (const auto& c : customers) {
    int32_t T = static_cast<int32_t>(std::lround(c.T * resolution));
    int32_t tx = std::min(T, static_cast<int32_t>(std::lround(c.tx * resolution)));
    counts[{c.x, tx, T}] += 1;
  }
  RfmData data;
  for (const auto& [key, w] : counts) data.Add(std::get<0>(key), std::get<1>(key), std::get<2>(key), w);
  return data;
}

}  // namespace centric::analytics::clv
