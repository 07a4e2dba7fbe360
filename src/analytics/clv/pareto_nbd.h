// SPDX-License-Identifier: Apache-2.0
// The Pareto/NBD model (Schmittlein, Morrison & Colombo, "Counting Your Customers: Who Are
// They and What Will They Do Next?", Management Science 33(1), 1987): while alive a customer
// buys at Poisson rate lambda ~ Gamma(r, alpha); lifetimes are exponential with rate
// mu ~ Gamma(s, beta). Times in periods. Thread-safe: pure functions.
//
// The likelihood is written as (Fader & Hardie's note on the Pareto/NBD, 2005)
//   L = G(r+x) a^r b^s / G(r) * [ (a+T)^-(r+x) (b+T)^-s + s I ],
//   I = integral from tx to T of (a+y)^-(r+x) (b+y)^-(s+1) dy,
// and I = F(tx) - F(T) with F(u) the same integrand from u to infinity, evaluated by
// Gauss-Legendre quadrature after a change of variable that makes the integrand nearly flat,
// in log space. This is stable for large x and T where the usual Gauss hypergeometric form
// overflows or converges slowly, and gives the gradient by differentiating under the
// integral. F depends on (x, u) only, so it is computed once per distinct pair.
#pragma once

#include "analytics/clv/fit.h"
#include "analytics/clv/rfm_data.h"
#include "core/result.h"

namespace centric::analytics::clv {

struct ParetoNbdParams {
  double r = 1, alpha = 1, s = 1, beta = 1;
};

// ln F(x, u) with d ln F / d(r, alpha, s, beta) in `gradient` when not null.
double ParetoNbdLogTail(const ParetoNbdParams& p, double x, double u, double* gradient = nullptr);

double ParetoNbdLogLikelihood(const ParetoNbdParams& p, double x, double tx, double T,
                              double* gradient = nullptr);
double ParetoNbdLogLikelihood(const ParetoNbdParams& p, const RfmData& data, double gradient[4],
                              int threads = 2);

Result<FitReport> FitParetoNbd(const RfmData& data, int threads = 2);
ParetoNbdParams ParetoNbdParamsOf(const FitReport& report);

double ParetoNbdProbabilityAlive(const ParetoNbdParams& p, double x, double tx, double T);
// Expected purchases in (T, T + t] of a customer alive at T (depends on x and T only).
double ParetoNbdExpectedPurchasesIfAlive(const ParetoNbdParams& p, double x, double T, double t);
double ParetoNbdExpectedPurchases(const ParetoNbdParams& p, double x, double tx, double T,
                                  double t);

}  // namespace centric::analytics::clv
