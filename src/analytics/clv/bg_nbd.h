// SPDX-License-Identifier: Apache-2.0
// The BG/NBD model of repeat buying (Fader, Hardie & Lee, "Counting Your Customers the Easy
// Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 2005): while alive a
// customer buys as a Poisson process with rate lambda ~ Gamma(r, alpha); after each purchase
// they drop out with probability p ~ Beta(a, b). Times are in periods (days or weeks).
// Thread-safe: pure functions.
#pragma once

#include "analytics/clv/fit.h"
#include "analytics/clv/rfm_data.h"
#include "core/result.h"

namespace centric::analytics::clv {

struct BgNbdParams {
  double r = 1, alpha = 1, a = 1, b = 1;
};

// Log-likelihood of one customer with x repeat purchases, recency tx and age T; writes the
// gradient d/d(r, alpha, a, b) when `gradient` is not null.
double BgNbdLogLikelihood(const BgNbdParams& p, double x, double tx, double T,
                          double* gradient = nullptr);

// Weighted sum over `data`, using tables of the terms that depend only on x or T; splits the
// rows over `threads` threads.
double BgNbdLogLikelihood(const BgNbdParams& p, const RfmData& data, double gradient[4],
                          int threads = 2);

// FailedPrecondition when nobody made a repeat purchase (the model is not identified).
Result<FitReport> FitBgNbd(const RfmData& data, int threads = 2);
BgNbdParams BgNbdParamsOf(const FitReport& report);

// Probability that a customer with (x, tx, T) is still alive at T.
double BgNbdProbabilityAlive(const BgNbdParams& p, double x, double tx, double T);
// Expected repeat purchases in (T, T + t] of a customer with (x, tx, T).
double BgNbdExpectedPurchases(const BgNbdParams& p, double x, double tx, double T, double t);
// Expected purchases in (T, T + t] of a customer with (x, T) who is alive at T; the conditional
// expectation is this times the probability alive. Depends on x and T only, so callers tabulate it.
double BgNbdExpectedPurchasesIfAlive(const BgNbdParams& p, double x, double T, double t);

}  // namespace centric::analytics::clv
