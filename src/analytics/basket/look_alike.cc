// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/look_alike.h"

#include <LBFGS.h>

#include <Eigen/Core>
#include <cmath>

namespace centric::analytics::basket {
namespace {

// log(1 + exp(t)) without overflow.
double Softplus(double t) { return t > 0 ? t + std::log1p(std::exp(-t)) : std::log1p(std::exp(t)); }
double Sigmoid(double t) {
  return t >= 0 ? 1 / (1 + std::exp(-t)) : std::exp(t) / (1 + std::exp(t));
}

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// The penalised mean log loss over (intercept, weights) and its gradient.
class Objective {
 public:
  Objective(const RowMajor& z, const Eigen::VectorXd& y, double l2) : z_(z), y_(y), l2_(l2) {}

  double operator()(const Eigen::VectorXd& theta, Eigen::VectorXd& grad) {
    const double rows = static_cast<double>(z_.rows());
    const Eigen::VectorXd w = theta.tail(theta.size() - 1);
    const Eigen::VectorXd eta = (z_ * w).array() + theta[0];
    double loss = 0;
    Eigen::VectorXd residual(eta.size());
    for (Eigen::Index i = 0; i < eta.size(); ++i) {
      // -log p for y = 1 and -log(1 - p) for y = 0, both as softplus of the linear term.
      loss += y_[i] > 0 ? Softplus(-eta[i]) : Softplus(eta[i]);
      residual[i] = Sigmoid(eta[i]) - y_[i];
    }
    grad.resize(theta.size());
    grad[0] = residual.sum() / rows;
    grad.tail(w.size()) = (z_.transpose() * residual) / rows + (l2_ / rows) * w;
    return loss / rows + 0.5 * (l2_ / rows) * w.squaredNorm();
  }

 private:
  const RowMajor& z_;
  const Eigen::VectorXd& y_;
  double l2_;
};

}  // namespace

Result<LogisticModel> FitLogistic(std::span<const double> x, size_t features,
                                  std::span<const uint8_t> label, double l2) {
  if (features == 0 || label.empty() || x.size() != label.size() * features) {
    return Error(Status(StatusCode::kInvalidArgument,
                        "need rows x features values and one label per row", "x"));
  }
  const size_t rows = label.size();
  size_t positives = 0;
  for (uint8_t v : label) positives += v != 0;
  if (positives == 0 || positives == rows) {
    return Error(Status(StatusCode::kInvalidArgument,
                        "every row has the same label: nothing to tell apart", "label"));
  }
  LogisticModel model;
  model.mean.assign(features, 0);
  model.scale.assign(features, 1);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t f = 0; f < features; ++f) model.mean[f] += x[r * features + f];
  }
  for (double& m : model.mean) m /= static_cast<double>(rows);
  std::vector<double> variance(features, 0);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t f = 0; f < features; ++f) {
      const double d = x[r * features + f] - model.mean[f];
      variance[f] += d * d;
    }
  }
  RowMajor z(rows, features);
  for (size_t f = 0; f < features; ++f) {
    const double sd = std::sqrt(variance[f] / static_cast<double>(rows));
    model.scale[f] = sd > 1e-12 ? sd : 0;  // a constant feature carries no information
  }
  for (size_t r = 0; r < rows; ++r) {
    for (size_t f = 0; f < features; ++f) {
      z(r, f) = model.scale[f] > 0 ? (x[r * features + f] - model.mean[f]) / model.scale[f] : 0;
    }
  }
  Eigen::VectorXd y(rows);
  for (size_t r = 0; r < rows; ++r) y[r] = label[r] != 0 ? 1.0 : 0.0;

  Objective objective(z, y, l2);
  Eigen::VectorXd theta = Eigen::VectorXd::Zero(features + 1);
  const double base = static_cast<double>(positives) / static_cast<double>(rows);
  theta[0] = std::log(base / (1 - base));
  LBFGSpp::LBFGSParam<double> param;
  param.epsilon = 1e-7;
  param.max_iterations = 500;
  LBFGSpp::LBFGSSolver<double> solver(param);
  double fx = 0;
  try {
    model.iterations = solver.minimize(objective, theta, fx);
    model.converged = model.iterations < param.max_iterations;
  } catch (const std::exception&) {
    // The line search stops when no step improves the loss in double precision; the loss is
    // convex, so a small gradient there is the optimum.
    Eigen::VectorXd grad;
    fx = objective(theta, grad);
    model.converged = grad.norm() < 1e-5;
  }
  model.intercept = theta[0];
  model.weights.assign(theta.data() + 1, theta.data() + theta.size());
  Eigen::VectorXd grad;
  Objective plain(z, y, 0);
  model.mean_log_loss = plain(theta, grad);
  return model;
}

double PredictProbability(const LogisticModel& model, std::span<const double> row) {
  double eta = model.intercept;
  for (size_t f = 0; f < model.weights.size(); ++f) {
    if (model.scale[f] > 0) eta += model.weights[f] * (row[f] - model.mean[f]) / model.scale[f];
  }
  return Sigmoid(eta);
}

}  // namespace centric::analytics::basket
