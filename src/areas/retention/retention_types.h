// SPDX-License-Identifier: Apache-2.0
// Retention: what the retention engine reads of the orders and what it keeps per customer: the
// probability they are still active, expected purchases, lifetime value, RFM, risk and tier.
#pragma once

#include <cstdint>
#include <string>

#include "areas/retention/analysis_report.h"
#include "core/customer.h"
#include "core/time.h"

namespace centric::retention {

// What the retention engine reads of an order.
struct OrderFact {
  CustomerId customer_id = 0;
  Timestamp ordered_at{};
  int64_t total_minor = 0;  // negative for cancellations and returns
};

// The latest predictions of the retention engine for one customer (see analytics/clv).
struct CustomerPrediction {
  CustomerId customer_id = 0;
  int64_t run_id = 0;
  int frequency = 0;  // repeat purchase periods
  int recency = 0;    // periods from first to last purchase
  int age = 0;        // periods from first purchase to the as-of date (T)
  double monetary = 0;
  double p_alive = 0;
  double expected_purchases = 0;
  double expected_spend = 0;  // minor units per purchase
  double clv = 0;             // minor units
  std::string churn_risk;
  int rfm_r = 0, rfm_f = 0, rfm_m = 0;
  std::string rfm_segment;
  std::string tier;           // low, middle, high
  std::string service_level;  // bargain, standard, premium
};

struct AnalysisRun {
  int64_t id = 0;
  Timestamp created_at{};
  AnalysisReport report;
};

}  // namespace centric::retention
