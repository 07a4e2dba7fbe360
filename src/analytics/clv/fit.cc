// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/fit.h"

#include <Eigen/Dense>
#include <LBFGS.h>
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace centric::analytics::clv {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Negative mean log-likelihood over log-parameters, in the form LBFGSpp wants.
class Objective {
 public:
  Objective(const LogLikelihood& ll, double scale) : ll_(ll), scale_(scale) {}
  double operator()(const Eigen::VectorXd& u, Eigen::VectorXd& grad) {
    std::vector<double> theta(u.size()), g(u.size());
    for (int i = 0; i < u.size(); ++i) theta[i] = std::exp(u[i]);
    double value = ll_(theta, g);
    ++evaluations_;
    if (!std::isfinite(value)) {
      // Outside the region where the likelihood is defined: a wall the line search backs off.
      grad.setZero();
      return std::numeric_limits<double>::max() / 4;
    }
    for (int i = 0; i < u.size(); ++i) grad[i] = -theta[i] * g[i] / scale_;
    double f = -value / scale_;
    if (f < best_value_) {
      best_value_ = f;
      best_u_ = u;
    }
    return f;
  }
  int evaluations() const { return evaluations_; }
  const Eigen::VectorXd& best_u() const { return best_u_; }

 private:
  const LogLikelihood& ll_;
  double scale_;
  int evaluations_ = 0;
  double best_value_ = std::numeric_limits<double>::infinity();
  Eigen::VectorXd best_u_;
};

}  // namespace

double FitReport::param(const std::string& name) const {
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return params[i];
  }
  return kNaN;
}

FitReport MaximizeLikelihood(const LogLikelihood& log_likelihood, std::vector<double> start,
                             std::vector<std::string> names, double scale) {
  const int n = static_cast<int>(start.size());
  FitReport report;
  report.names = std::move(names);
  Objective objective(log_likelihood, scale > 0 ? scale : 1.0);
  Eigen::VectorXd u(n);
  for (int i = 0; i < n; ++i) u[i] = std::log(start[i]);

  LBFGSpp::LBFGSParam<double> param;
  param.epsilon = 1e-9;
  param.epsilon_rel = 1e-9;
  param.past = 3;
  param.delta = 1e-13;
  param.max_iterations = 1000;
  param.max_linesearch = 60;
  LBFGSpp::LBFGSSolver<double> solver(param);
  double fx = 0;
  try {
    report.iterations = solver.minimize(objective, u, fx);
    report.converged = report.iterations < param.max_iterations;
  } catch (const std::exception& e) {
    // The line search gives up when no step improves the objective in double precision;
    // that is convergence when the gradient is already negligible.
    if (objective.best_u().size() == n) u = objective.best_u();
    Eigen::VectorXd grad(n);
    fx = objective(u, grad);
    report.iterations = objective.evaluations();
    report.converged = grad.norm() < 1e-5;
    if (!report.converged) report.warnings.push_back(fmt::format("optimiser stopped: {}", e.what()));
  }
  if (!report.converged && report.warnings.empty()) {
    report.warnings.push_back("optimiser did not converge within the iteration limit");
  }

  report.params.resize(n);
  for (int i = 0; i < n; ++i) report.params[i] = std::exp(u[i]);
  std::vector<double> g(n);
  report.log_likelihood = log_likelihood(report.params, g);

  // Hessian of the summed log-likelihood in log-parameters by central differences of the
  // analytic gradient. At the optimum the gradient vanishes, so Cov(theta_i) =
  // theta_i^2 Cov(u_i) by the delta method.
  Eigen::MatrixXd hessian(n, n);
  for (int j = 0; j < n; ++j) {
    double h = 1e-5;
    Eigen::VectorXd up = u, down = u;
    up[j] += h;
    down[j] -= h;
    Eigen::VectorXd gu(n), gd(n);
    objective(up, gu);
    objective(down, gd);
    hessian.col(j) = (gu - gd) / (2 * h) * (scale > 0 ? scale : 1.0);
  }
  hessian = (hessian + hessian.transpose()) / 2;
  Eigen::LDLT<Eigen::MatrixXd> ldlt(hessian);
  report.std_errors.assign(n, kNaN);
  if (ldlt.info() == Eigen::Success && ldlt.isPositive() && ldlt.vectorD().minCoeff() > 0) {
    Eigen::MatrixXd cov = ldlt.solve(Eigen::MatrixXd::Identity(n, n));
    for (int i = 0; i < n; ++i) {
      if (cov(i, i) > 0) report.std_errors[i] = report.params[i] * std::sqrt(cov(i, i));
    }
  } else {
    report.warnings.push_back(
        "the Hessian is not positive definite: the data do not identify every parameter, "
        "standard errors are unavailable");
  }
  return report;
}

}  // namespace centric::analytics::clv
