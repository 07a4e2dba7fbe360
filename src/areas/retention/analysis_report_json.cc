// SPDX-License-Identifier: Apache-2.0
#include "areas/retention/analysis_report_json.h"

namespace centric::retention {

boost::json::object EncodeReport(const AnalysisReport& report) {
  return json_doc::Encode(report).as_object();
}

Result<AnalysisReport> DecodeReport(std::string_view text) {
  return json_doc::DecodeText<AnalysisReport>(text);
}

}  // namespace centric::retention
