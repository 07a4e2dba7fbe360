// SPDX-License-Identifier: Apache-2.0
// Simulators of the buying processes the models assume, for parameter-recovery tests and for
// checking predictions against an independent computation. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <vector>

#include "analytics/clv/bg_nbd.h"
#include "analytics/clv/gamma_gamma.h"
#include "analytics/clv/pareto_nbd.h"

namespace centric::analytics::clv {

// One simulated customer in continuous time: first purchase at 0, observed until T.
struct SimulatedCustomer {
  int32_t x = 0;     // repeat purchases in (0, T]
  double tx = 0;     // time of the last purchase (0 without repeats)
  double T = 0;
  int32_t future = 0;  // purchases in (T, T + horizon]
  double mean_spend = 0;  // mean of the repeat transactions' values (Gamma-Gamma), 0 if x = 0
};

struct SimulationSpec {
  int customers = 10000;
  double min_T = 20, max_T = 100;  // T uniform in [min_T, max_T]
  double horizon = 0;              // also count purchases in (T, T + horizon]
  uint64_t seed = 1;
};

std::vector<SimulatedCustomer> SimulateBgNbd(const BgNbdParams& p, const SimulationSpec& spec,
                                             const GammaGammaParams* spend = nullptr);
std::vector<SimulatedCustomer> SimulateParetoNbd(const ParetoNbdParams& p,
                                                 const SimulationSpec& spec);

// Rounds times to integer units of `resolution` (times * resolution) and folds the customers
// into RfmData for fitting.
RfmData ToRfmData(const std::vector<SimulatedCustomer>& customers, double resolution);

}  // namespace centric::analytics::clv
