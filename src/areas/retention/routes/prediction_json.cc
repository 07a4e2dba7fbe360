// SPDX-License-Identifier: Apache-2.0
#include "areas/retention/routes/prediction_json.h"

namespace centric::retention {

boost::json::object PredictionJson(const CustomerPrediction& p) {
  return {{"customer_id", p.customer_id},
          {"run_id", p.run_id},
          {"frequency", p.frequency},
          {"recency", p.recency},
          {"T", p.age},
          {"monetary_minor", p.monetary},
          {"p_alive", p.p_alive},
          {"expected_purchases", p.expected_purchases},
          {"expected_spend_minor", p.expected_spend},
          {"clv_minor", p.clv},
          {"churn_risk", p.churn_risk},
          {"rfm", {{"r", p.rfm_r}, {"f", p.rfm_f}, {"m", p.rfm_m}, {"segment", p.rfm_segment}}},
          {"tier", p.tier},
          {"service_level", p.service_level}};
}

}  // namespace centric::retention
