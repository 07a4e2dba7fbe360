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

// Standard errors from the observed information (minus the Hessian of the summed
// log-likelihood) in coordinates whose derivative against each parameter is `jacobian`
// (the parameters themselves for log-parameters, ones for natural ones), by the delta method.
void SetStandardErrors(Eigen::MatrixXd information, const std::vector<double>& jacobian,
                       FitReport& report) {
  const int n = static_cast<int>(information.rows());
  information = (information + information.transpose()) / 2;
  Eigen::LDLT<Eigen::MatrixXd> ldlt(information);
  report.std_errors.assign(n, kNaN);
  if (ldlt.info() == Eigen::Success && ldlt.isPositive() && ldlt.vectorD().minCoeff() > 0) {
    Eigen::MatrixXd cov = ldlt.solve(Eigen::MatrixXd::Identity(n, n));
    for (int i = 0; i < n; ++i) {
      if (cov(i, i) > 0) report.std_errors[i] = jacobian[i] * std::sqrt(cov(i, i));
    }
  } else {
    report.warnings.push_back(
        "the Hessian is not positive definite: the data do not identify every parameter, "
        "standard errors are unavailable");
  }
}

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

  // Hessian of the summed log-likelihood in log-parameters by forward differences of the
  // analytic gradient from the optimum, whose gradient is already known: one evaluation per
  // parameter, accurate to about h relatively, ample for standard errors. At the optimum the
  // gradient vanishes, so Cov(theta_i) = theta_i^2 Cov(u_i) by the delta method.
  const double unscale = scale > 0 ? scale : 1.0;
  Eigen::VectorXd at_optimum(n);  // the objective's gradient in u, as Objective computes it
  for (int i = 0; i < n; ++i) at_optimum[i] = -report.params[i] * g[i] / unscale;
  Eigen::MatrixXd hessian(n, n);
  for (int j = 0; j < n; ++j) {
    const double h = 1e-5;
    Eigen::VectorXd up = u, gu(n);
    up[j] += h;
    objective(up, gu);
    hessian.col(j) = (gu - at_optimum) / h * unscale;
  }
  SetStandardErrors(hessian, report.params, report);
  return report;
}

FitReport MaximizeLikelihoodNewton(const LogLikelihoodWithHessian& log_likelihood,
                                   std::vector<double> start, std::vector<std::string> names,
                                   double scale) {
  const int n = static_cast<int>(start.size());
  scale = scale > 0 ? scale : 1.0;
  FitReport report;
  report.names = std::move(names);

  // One evaluation at log-parameters u: the log-likelihood per unit of scale, and its
  // gradient and Hessian in u (chain rule through theta = e^u).
  struct Point {
    Eigen::VectorXd u, theta, gradient;  // gradient in natural parameters, unscaled
    Eigen::MatrixXd hessian;             // in natural parameters, unscaled
    double value = -std::numeric_limits<double>::infinity();
    Eigen::VectorXd GradientU() const { return theta.cwiseProduct(gradient) ; }
    Eigen::MatrixXd HessianU() const {
      Eigen::MatrixXd h = theta.asDiagonal() * hessian * theta.asDiagonal();
      h.diagonal() += GradientU();
      return h;
    }
  };
  std::vector<double> theta(n), g(n), h(static_cast<size_t>(n) * n);
  auto evaluate = [&](const Eigen::VectorXd& u) {
    Point p;
    p.u = u;
    p.theta = u.array().exp();
    for (int i = 0; i < n; ++i) theta[i] = p.theta[i];
    double value = log_likelihood(theta, g, h);
    p.gradient = Eigen::Map<Eigen::VectorXd>(g.data(), n);
    p.hessian = Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
        h.data(), n, n);
    bool finite = std::isfinite(value) && p.gradient.allFinite() && p.hessian.allFinite();
    p.value = finite ? value / scale : -std::numeric_limits<double>::infinity();
    return p;
  };

  Eigen::VectorXd u0(n);
  for (int i = 0; i < n; ++i) u0[i] = std::log(start[i]);
  Point at = evaluate(u0);
  constexpr int kMaxIterations = 200;
  constexpr double kGradientTolerance = 1e-9;  // per unit of scale, in log-parameters
  constexpr double kMaxStep = 2.0;             // a parameter changes at most e^2-fold a step
  bool stalled = !std::isfinite(at.value);
  int iteration = 0;
  while (!stalled && iteration < kMaxIterations) {
    Eigen::VectorXd gradient = at.GradientU() / scale;
    if (gradient.lpNorm<Eigen::Infinity>() < kGradientTolerance) break;
    ++iteration;
    // Minus the Hessian is positive definite near a maximum; far from it, damping toward a
    // scaled gradient step keeps every step an ascent direction.
    Eigen::MatrixXd information = -at.HessianU() / scale;
    Eigen::VectorXd diagonal = information.diagonal().cwiseAbs().cwiseMax(1e-12);
    bool moved = false;
    for (double damping = 0; damping <= 1e10; damping = damping == 0 ? 1e-6 : damping * 10) {
      Eigen::MatrixXd damped = information;
      damped.diagonal() += damping * diagonal;
      Eigen::LLT<Eigen::MatrixXd> llt(damped);
      if (llt.info() != Eigen::Success) continue;
      Eigen::VectorXd step = llt.solve(gradient);
      double largest = step.lpNorm<Eigen::Infinity>();
      if (!std::isfinite(largest)) continue;
      if (largest > kMaxStep) step *= kMaxStep / largest;
      const double slope = gradient.dot(step);  // > 0: an ascent direction
      for (double t = 1; t > 1e-6; t /= 2) {
        Point next = evaluate(at.u + t * step);
        if (next.value >= at.value + 1e-4 * t * slope) {
          at = std::move(next);
          moved = true;
          break;
        }
      }
      if (moved) break;
    }
    stalled = !moved;
  }
  Eigen::VectorXd final_gradient = at.GradientU() / scale;
  double gradient_norm = std::isfinite(at.value) ? final_gradient.lpNorm<Eigen::Infinity>() : kNaN;
  report.iterations = iteration;
  // No step improves the likelihood in double precision: that is convergence when the
  // gradient is already negligible.
  report.converged = gradient_norm < kGradientTolerance || (stalled && gradient_norm < 1e-6);
  if (!report.converged) {
    report.warnings.push_back(
        stalled ? fmt::format("optimiser stopped: no step improves the likelihood (gradient {:.3g})",
                              gradient_norm)
                : "optimiser did not converge within the iteration limit");
  }
  report.params.resize(n);
  for (int i = 0; i < n; ++i) report.params[i] = at.theta[i];
  report.log_likelihood = at.value * scale;
  SetStandardErrors(-at.hessian, std::vector<double>(n, 1.0), report);
  return report;
}

}  // namespace centric::analytics::clv
