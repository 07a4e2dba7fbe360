// SPDX-License-Identifier: Apache-2.0
// Demo data: a deterministic, realistic one-stop shop (food, clothing, electronics, furniture,
// services) whose customers buy by a known repeat-purchase-then-drop-out process, so that the
// churn, lifetime-value and basket engines can be checked against the truth that made it.
// Buying follows BG/NBD (Fader, Hardie, Lee 2005, "Counting your customers the easy way") and
// spend Gamma-Gamma (Fader, Hardie, Lee 2005, "RFM and CLV"); docs/demo-data.md has the
// parameters. A Generator is immutable after construction and safe to share between threads.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "areas/stores.h"
#include "core/customer.h"
#include "core/interaction.h"
#include "core/order.h"
#include "core/product.h"
#include "core/result.h"

namespace centric::demo {

// BG/NBD: while alive a customer buys as a Poisson process with rate lambda ~ Gamma(r, alpha)
// (shape r, rate alpha, time in weeks); after each repeat purchase they drop out for good with
// probability p ~ Beta(a, b).
struct BgNbdParams {
  double r = 0.25;
  double alpha = 5.0;
  double a = 0.8;
  double b = 2.4;
};

// Gamma-Gamma: a customer's order values are Gamma(p, nu) (shape p, rate nu, in EUR) with
// nu ~ Gamma(q, gamma), so their mean order value is p / nu. The income group's spend factor
// then scales every order value, i.e. within a group gamma is gamma * factor.
struct GammaGammaParams {
  double p = 3.0;
  double q = 3.0;
  double gamma = 50.0;
};

enum class IncomeGroup { kLow = 0, kMiddle = 1, kHigh = 2 };
// "low", "middle", "high": the customer attribute `income_group`.
std::string_view IncomeGroupName(IncomeGroup group);

struct DemoOptions {
  int64_t customers = 1000;
  uint64_t seed = 1;
  // A fixed calendar window, not the clock, so output depends on the seed alone. First
  // purchases are spread uniformly over the first `acquisition_weeks`; nothing happens at or
  // after `window_end`.
  std::chrono::sys_days window_start = std::chrono::sys_days(std::chrono::year(2023) / 1 / 1);
  std::chrono::sys_days window_end = std::chrono::sys_days(std::chrono::year(2026) / 1 / 1);
  double acquisition_weeks = 52.0;
  BgNbdParams buying;
  GammaGammaParams spend;
  // Indexed by IncomeGroup: the share of customers, and the factor on their order values.
  std::array<double, 3> income_shares = {0.30, 0.50, 0.20};
  std::array<double, 3> income_spend_factors = {0.6, 1.0, 1.8};
  // Per placed order: the chance it is cancelled within two days (all lines back), or that
  // one line is returned within a month.
  double cancel_rate = 0.02;
  double return_rate = 0.04;
  // Mean interactions (notes, calls, emails, meetings) per customer, before the income
  // group's factor (low 0.5x, middle 1x, high 2x).
  double interactions_per_customer = 0.6;
  // Generator threads; 0 means one per hardware thread. Writing is always one thread.
  int threads = 0;
};

// Returns InvalidArgument naming the first option out of range.
Status ValidateOptions(const DemoOptions& options);

// "D0000001" for index 0: stable for a seed, so re-running upserts instead of duplicating.
std::string CustomerExternalId(int64_t index);

// A rule of the basket model: when a basket holds `antecedent`, `consequent` is added with
// `probability` (if the order's budget allows it).
struct Affinity {
  std::string_view antecedent;
  std::string_view consequent;
  double probability;
};
std::span<const Affinity> Affinities();

// Impulse items added at the checkout to any basket with `probability`, independent of the
// rest of the basket: their lift with any category is 1 by construction.
struct Impulse {
  std::string_view category;
  double probability;
};
std::span<const Impulse> Impulses();

// What generated one customer, for checking models against it (never written to the store).
struct CustomerTruth {
  IncomeGroup income = IncomeGroup::kMiddle;
  double lambda = 0;  // purchases per week while alive
  double p = 0;       // drop-out probability after each repeat purchase
  double nu = 0;      // Gamma-Gamma rate before the income factor
  Timestamp acquired{};
  Timestamp observed_until{};        // window end: the customer's T is observed_until - acquired
  std::optional<Timestamp> dropped;  // time of the purchase after which they dropped out
};

// One customer with everything that belongs to them. Orders and interactions carry
// customer_id 0 and order lines name products by sku with product_id 0: the writer fills
// both in from the ids the store assigns.
struct GeneratedCustomer {
  int64_t index = 0;
  Customer customer;
  std::vector<Order> orders;  // placed orders in time order, then cancellations and returns
  std::vector<Interaction> interactions;
  CustomerTruth truth;
};

// Builds the catalog once; Customer(i) is then a pure function of (options, i).
class Generator {
 public:
  // REQUIRES: ValidateOptions(options).ok().
  explicit Generator(const DemoOptions& options);
  ~Generator();
  Generator(const Generator&) = delete;
  Generator& operator=(const Generator&) = delete;

  const DemoOptions& options() const { return options_; }
  // The catalog: a few hundred products, their categories as "Top/Sub" paths, prices in EUR.
  const std::vector<Product>& products() const;
  // The customer at `index` in [0, options().customers).
  GeneratedCustomer Customer(int64_t index) const;

  struct Catalog;

 private:
  DemoOptions options_;
  std::unique_ptr<const Catalog> catalog_;
};

struct DemoSummary {
  int64_t customers = 0;
  int64_t products = 0;
  int64_t orders = 0;  // placed, cancellations and returns
  int64_t order_lines = 0;
  int64_t interactions = 0;  // written by this run (see existing_customers)
  // Demo customers already in the store from an earlier run with the same seed; their
  // interactions are not added again, everything else is upserted.
  int64_t existing_customers = 0;
  double seconds = 0;        // wall time of the whole run
  double write_seconds = 0;  // time spent inside the sink (the store's writer)
};

// Receives the generated data in customer order, from one thread.
class DemoSink {
 public:
  virtual ~DemoSink() = default;
  virtual Status Begin(const std::vector<Product>& products) = 0;
  // `batch` is the sink's to modify or move from.
  virtual Status Write(std::vector<GeneratedCustomer>& batch) = 0;
  virtual Status Finish() = 0;
};

// Called after each batch with customers done so far and the total.
using ProgressFn = std::function<void(int64_t done, int64_t total)>;

// Generates on options.threads threads into a bounded queue and hands batches to `sink` in
// order on the calling thread, so memory stays bounded whatever the customer count. Returns
// the sink's first error, or InvalidArgument for bad options.
Result<DemoSummary> RunDemo(const DemoOptions& options, DemoSink& sink,
                            const ProgressFn& progress = {});

// RunDemo into one bulk transaction of `store`. FailedPrecondition when the store holds demo
// customers made with a different seed (their data would be mixed); a store without demo
// data, or with an earlier run of the same seed, is fine.
Result<DemoSummary> WriteDemo(Stores& stores, const DemoOptions& options,
                              const ProgressFn& progress = {});

}  // namespace centric::demo
