// SPDX-License-Identifier: Apache-2.0
// The retention report as JSON: {"model","period","as_of","customers","repeaters","params",
// "log_likelihood","std_errors","iterations","converged","spend":{...},"holdout":{...},
// "clv":{...},"summary":{...},"warnings":[...]}. Standard errors that the data cannot give
// are null. Money in minor units.
#pragma once

#include <boost/json.hpp>

#include "analytics/clv/clv.h"

namespace centric::jobs {

boost::json::object ReportJson(const analytics::clv::RetentionReport& report);

}  // namespace centric::jobs
