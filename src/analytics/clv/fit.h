// SPDX-License-Identifier: Apache-2.0
// Maximum likelihood with analytic gradients: L-BFGS (LBFGSpp) over the logarithms of the
// parameters, which keeps them positive without bounds; standard errors from the Hessian of
// the log-likelihood at the optimum (finite differences of the analytic gradient).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace centric::analytics::clv {

struct FitReport {
  std::vector<std::string> names;
  std::vector<double> params;
  std::vector<double> std_errors;  // NaN when the Hessian is not positive definite
  double log_likelihood = 0;      // at the optimum, summed over customers
  int iterations = 0;
  bool converged = false;
  std::vector<std::string> warnings;

  double param(const std::string& name) const;
};

// Returns the log-likelihood at natural parameters `theta` and writes its gradient.
using LogLikelihood = std::function<double(const std::vector<double>& theta,
                                           std::vector<double>& gradient)>;

// Maximises `log_likelihood` from `start` (all positive). `scale` (e.g. the number of
// customers) divides the objective so the optimiser's tolerances are per customer.
FitReport MaximizeLikelihood(const LogLikelihood& log_likelihood, std::vector<double> start,
                             std::vector<std::string> names, double scale);

// Returns the log-likelihood at natural parameters `theta` and writes its gradient and its
// Hessian (row-major, n x n).
using LogLikelihoodWithHessian = std::function<double(
    const std::vector<double>& theta, std::vector<double>& gradient, std::vector<double>& hessian)>;

// The same maximisation by Newton's method on the log-parameters, for models whose Hessian is
// cheap and exact: a damped (Levenberg-Marquardt) step with a backtracking line search, so it
// converges from a poor start, then quadratically near the optimum in a handful of passes over
// the data. Standard errors come from the exact Hessian.
FitReport MaximizeLikelihoodNewton(const LogLikelihoodWithHessian& log_likelihood,
                                   std::vector<double> start, std::vector<std::string> names,
                                   double scale);

}  // namespace centric::analytics::clv
