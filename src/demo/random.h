// SPDX-License-Identifier: Apache-2.0
// The demo generator's random numbers: xoshiro256** seeded through splitmix64, and the few
// distributions the buying model needs, written out here because std:: distributions are not
// specified bit-exactly and the demo must be byte-identical for a seed on every build.
// An Rng is a value; it is not thread-safe, so each thread (each customer) owns its own.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace centric::demo {

// One step of splitmix64 (Steele, Lea, Flood 2014): a strong 64-bit mixer.
uint64_t SplitMix64(uint64_t& state);

// xoshiro256** 1.0 (Blackman, Vigna 2018).
class Rng {
 public:
  explicit Rng(uint64_t seed);
  // The independent stream for (seed, index, stream): customer `index`'s draws for one purpose
  // (`stream`) do not depend on any other customer or purpose, so customers can be generated
  // in any order on any thread.
  static Rng ForStream(uint64_t seed, uint64_t index, uint64_t stream);
  // A generator in exactly this state, for checking against reference output.
  // REQUIRES: not all zero.
  static Rng FromState(const std::array<uint64_t, 4>& state);

  uint64_t Next();
  // Uniform in [0, 1), 53 random bits.
  double Uniform();
  // Uniform in (0, 1): safe to take the log of.
  double UniformOpen();
  // Uniform integer in [0, n). REQUIRES: n > 0.
  uint64_t Below(uint64_t n);
  // Uniform in [lo, hi).
  double Between(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
  bool Bernoulli(double p) { return Uniform() < p; }
  // Standard normal by the Box–Muller transform (one value per call, no hidden cache).
  double Normal();
  // Exponential with the given rate (mean 1/rate). REQUIRES: rate > 0.
  double Exponential(double rate);
  // Gamma with shape k and rate (mean k/rate) by Marsaglia and Tsang (2000), "A simple method
  // for generating gamma variables"; shapes below 1 through Gamma(k+1) * U^(1/k).
  // REQUIRES: shape > 0, rate > 0.
  double Gamma(double shape, double rate);
  // Beta(a, b) as X / (X + Y) with X ~ Gamma(a, 1), Y ~ Gamma(b, 1).
  double Beta(double a, double b);
  // Poisson with the given mean, by Knuth's product of uniforms (means split in halves above
  // 30 so the product does not underflow).
  int64_t Poisson(double mean);
  // An index drawn with probability proportional to weights[i]; the last positive weight
  // when rounding leaves the draw past the end. REQUIRES: some weight > 0.
  size_t Pick(std::span<const double> weights);

 private:
  Rng() = default;
  uint64_t s_[4];
};

}  // namespace centric::demo
