// SPDX-License-Identifier: Apache-2.0
#include "demo/random.h"

#include <cassert>
#include <cmath>
#include <numbers>

namespace centric::demo {
namespace {

__extension__ using Uint128 = unsigned __int128;

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

Rng::Rng(uint64_t seed) {
  // splitmix64 never yields four zero words in a row, so the xoshiro state is never all zero.
  for (auto& word : s_) word = SplitMix64(seed);
}

Rng Rng::ForStream(uint64_t seed, uint64_t index, uint64_t stream) {
  // Each coordinate goes through the mixer before being combined, so neighbouring indices or
  // streams give unrelated states rather than shifted copies of one sequence.
  uint64_t a = seed;
  uint64_t key = SplitMix64(a);
  uint64_t b = index ^ key;
  key = SplitMix64(b);
  uint64_t c = stream ^ key;
  return Rng(SplitMix64(c));
}

Rng Rng::FromState(const std::array<uint64_t, 4>& state) {
  assert((state[0] | state[1] | state[2] | state[3]) != 0 && "xoshiro's state must not be zero");
  Rng rng;
  for (int i = 0; i < 4; ++i) rng.s_[i] = state[i];
  return rng;
}

uint64_t Rng::Next() {
  const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = Rotl(s_[3], 45);
  return result;
}

double Rng::Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

double Rng::UniformOpen() { return (static_cast<double>(Next() >> 11) + 0.5) * 0x1.0p-53; }

uint64_t Rng::Below(uint64_t n) {
  assert(n > 0 && "Below needs a non-empty range");
  // Lemire's multiply-shift; the bias is below 2^-40 for the ranges used here.
  return static_cast<uint64_t>((static_cast<Uint128>(Next()) * n) >> 64);
}

double Rng::Normal() {
  double u1 = UniformOpen();
  double u2 = Uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double Rng::Exponential(double rate) {
  assert(rate > 0 && "Exponential needs a positive rate");
  return -std::log(UniformOpen()) / rate;
}

double Rng::Gamma(double shape, double rate) {
  assert(shape > 0 && rate > 0 && "Gamma needs positive shape and rate");
  if (shape < 1.0) {
    double boost = std::pow(UniformOpen(), 1.0 / shape);
    return Gamma(shape + 1.0, rate) * boost;
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = Normal();
    double v = 1.0 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    double u = UniformOpen();
    double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v / rate;
    if (std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) return d * v / rate;
  }
}

double Rng::Beta(double a, double b) {
  double x = Gamma(a, 1.0);
  double y = Gamma(b, 1.0);
  return x / (x + y);
}

int64_t Rng::Poisson(double mean) {
  if (mean <= 0) return 0;
  if (mean > 30) {
    double half = mean / 2;
    return Poisson(half) + Poisson(mean - half);
  }
  const double limit = std::exp(-mean);
  int64_t k = 0;
  double product = Uniform();
  while (product > limit) {
    ++k;
    product *= Uniform();
  }
  return k;
}

size_t Rng::Pick(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  assert(total > 0 && "Pick needs a positive weight");
  double target = Uniform() * total;
  size_t last_positive = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] <= 0) continue;
    last_positive = i;
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  return last_positive;
}

}  // namespace centric::demo
