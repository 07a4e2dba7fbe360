// SPDX-License-Identifier: Apache-2.0
// The JSON form of a customer's latest predictions: {"customer_id","run_id","frequency",
// "recency","T","monetary_minor","p_alive","expected_purchases","expected_spend_minor",
// "clv_minor","churn_risk","rfm":{"r","f","m","segment"},"tier","service_level"}.
#pragma once

#include <boost/json/object.hpp>

#include "areas/retention/retention_types.h"

namespace centric::retention {

boost::json::object PredictionJson(const CustomerPrediction& prediction);

}  // namespace centric::retention
