// SPDX-License-Identifier: Apache-2.0
#include "areas/retention/report_currency.h"

#include <boost/json.hpp>

namespace centric::retention {

std::string ReportCurrency(std::string_view report_json) {
  boost::system::error_code ec;
  boost::json::value report = boost::json::parse(report_json, ec);
  if (ec || !report.is_object()) return "";
  const auto* summary = report.as_object().if_contains("summary");
  if (!summary || !summary->is_object()) return "";
  const auto* currency = summary->as_object().if_contains("currency");
  return currency && currency->is_string() ? std::string(currency->as_string()) : "";
}

std::string LatestCurrency(RetentionStore& store) {
  auto run = store.LatestAnalysis();
  return run ? ReportCurrency(run->report_json) : "";
}

}  // namespace centric::retention
