// SPDX-License-Identifier: Apache-2.0
// The one JSON encoding of an analysis report (analysis_report.h): what the store keeps, the
// API serves by section and `centric analyze --json` prints. Thread-safe: no shared state.
#pragma once

#include <boost/json.hpp>
#include <string_view>

#include "areas/retention/analysis_report.h"
#include "core/result.h"

namespace centric::retention {

boost::json::object EncodeReport(const AnalysisReport& report);

// InvalidArgument naming the member when the text is not a report (a value of the wrong kind);
// members the text lacks keep their defaults, members it has beyond the type are ignored.
Result<AnalysisReport> DecodeReport(std::string_view text);

}  // namespace centric::retention
