// SPDX-License-Identifier: Apache-2.0
// The audit log and the event outbox as the API and the command line show them: JSON objects,
// and CSV rows for exports (one column layout for `centric audit --format csv` and
// /api/v1/audit/export.csv).
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "platform/audit/audit_log.h"
#include "platform/events/event_log.h"

namespace centric::api {

boost::json::object AuditEntryJson(const platform::AuditEntry& entry);
boost::json::object EventJson(const platform::Event& event);

const std::vector<std::string>& AuditCsvHeader();
std::vector<std::string> AuditCsvRow(const platform::AuditEntry& entry);

}  // namespace centric::api
