// SPDX-License-Identifier: Apache-2.0
#include "areas/retention/report_currency.h"

namespace centric::retention {

std::string LatestCurrency(RetentionStore& store) {
  auto run = store.LatestAnalysis();
  return run ? run->report.summary.currency.value_or("") : "";
}

}  // namespace centric::retention
