// SPDX-License-Identifier: Apache-2.0
// /api/v1/audit: the audit log, newest first, with its CSV export; /api/v1/events: the event
// outbox in position order, for consumers that poll. Admins only.
#include <boost/json/array.hpp>

#include "api/json/audit_json.h"
#include "api/routes/route_util.h"
#include "api/routes/routes.h"
#include "platform/audit/audit_log.h"
#include "platform/events/event_log.h"
#include "platform/events/event_types.h"
#include "platform/xlsx/xlsx_sheet.h"
#include "text/csv_writer.h"

namespace centric::api {
namespace {

namespace json = boost::json;

Result<platform::AuditFilter> ReadAuditFilter(QueryReader& query) {
  platform::AuditFilter filter;
  filter.actor = query.String("actor");
  filter.entity = query.String("entity");
  filter.entity_id = query.String("entity_id");
  filter.customer_id = query.OptionalInt("customer_id", 1, INT64_MAX);
  filter.from = query.OptionalTime("from");
  filter.to = query.OptionalTime("to");
  filter.page = ReadPage(query);
  if (Status s = query.Finish(); !s.ok()) return Error(s);
  return filter;
}

Response ListAudit(const Request& request, Services& services) {
  QueryReader query(request.query);
  auto filter = ReadAuditFilter(query);
  if (!filter) return ErrorResponse(filter.error());
  auto log = platform::MakeAuditLog(services.stores.connection());
  auto page = log->List(*filter);
  if (!page) return ErrorResponse(page.error());
  json::array items;
  for (const auto& e : page->items) items.emplace_back(AuditEntryJson(e));
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"next_cursor", page->next_cursor.empty()
                                                            ? json::value(nullptr)
                                                            : json::value(page->next_cursor)}});
}

// The export is built in memory, so it is capped as the customer list's is; a narrower filter
// (dates, actor, customer) reaches older rows.
constexpr size_t kMaxExportRows = 100000;

Response ExportAudit(const Request& request, Services& services) {
  QueryReader query(request.query);
  auto filter = ReadAuditFilter(query);
  if (!filter) return ErrorResponse(filter.error());
  std::string csv;
  auto out = text::Output::ToString(&csv);
  text::CsvWriter writer(*out);
  writer.Record(AuditCsvHeader());
  size_t rows = 0;
  auto log = platform::MakeAuditLog(services.stores.connection());
  Status s = log->Scan(*filter, [&](const platform::AuditEntry& e) -> Status {
    if (rows == kMaxExportRows) return Status(StatusCode::kResourceExhausted, "truncated");
    writer.Record(AuditCsvRow(e));
    ++rows;
    return Status::Ok();
  });
  const bool truncated = s.code() == StatusCode::kResourceExhausted;
  if (truncated) s = Status::Ok();
  if (s.ok()) s = out->Close();
  if (!s.ok()) return ErrorResponse(s);
  Response r;
  r.status = 200;
  r.body = std::move(csv);
  r.headers = {{"Content-Type", "text/csv; charset=utf-8"},
               {"Content-Disposition", "attachment; filename=\"audit-log.csv\""},
               {"X-Centric-Rows", std::to_string(rows)}};
  if (truncated) r.headers.emplace_back("X-Centric-Truncated", std::to_string(kMaxExportRows));
  return r;
}

// The same rows as an .xlsx workbook: times as dates, ids as numbers, the header frozen.
Response ExportAuditXlsx(const Request& request, Services& services) {
  QueryReader query(request.query);
  auto filter = ReadAuditFilter(query);
  if (!filter) return ErrorResponse(filter.error());
  using platform::CellType;
  auto sheet = platform::XlsxSheet::Create("Audit log", {{"id", CellType::kInteger, 9},
                                                         {"at", CellType::kDateTime, 17},
                                                         {"actor_kind", CellType::kText, 10},
                                                         {"actor_id", CellType::kInteger, 9},
                                                         {"actor_name", CellType::kText, 26},
                                                         {"actor_role", CellType::kText, 10},
                                                         {"source", CellType::kText, 18},
                                                         {"action", CellType::kText, 12},
                                                         {"entity", CellType::kText, 12},
                                                         {"entity_id", CellType::kText, 10},
                                                         {"customer_id", CellType::kInteger, 11},
                                                         {"changes", CellType::kText, 60}});
  if (!sheet) return ErrorResponse(sheet.error());
  auto log = platform::MakeAuditLog(services.stores.connection());
  using Cell = platform::XlsxCell;
  auto id = [](const std::optional<int64_t>& v) { return v ? Cell(*v) : Cell(); };
  Status s = log->Scan(*filter, [&](const platform::AuditEntry& e) -> Status {
    if (static_cast<size_t>((*sheet)->rows()) == kMaxExportRows) {
      return Status(StatusCode::kResourceExhausted, "truncated");
    }
    return (*sheet)->AddRow({Cell(e.id), Cell(e.at),
                             Cell(std::string(platform::ActorKindName(e.actor.kind))),
                             id(e.actor.id), Cell(e.actor.name),
                             e.actor.role ? Cell(std::string(RoleName(*e.actor.role))) : Cell(),
                             Cell(e.actor.source), Cell(e.action), Cell(e.entity),
                             Cell(e.entity_id), id(e.customer_id), Cell(e.changes_json)});
  });
  const bool truncated = s.code() == StatusCode::kResourceExhausted;
  if (truncated) s = Status::Ok();
  if (!s.ok()) return ErrorResponse(s);
  const int64_t rows = (*sheet)->rows();
  auto bytes = (*sheet)->Finish();
  if (!bytes) return ErrorResponse(bytes.error());
  Response r;
  r.status = 200;
  r.body = std::move(*bytes);
  r.headers = {{"Content-Type", platform::kXlsxContentType},
               {"Content-Disposition", "attachment; filename=\"audit-log.xlsx\""},
               {"X-Centric-Rows", std::to_string(rows)}};
  if (truncated) r.headers.emplace_back("X-Centric-Truncated", std::to_string(kMaxExportRows));
  return r;
}

// ?after=POSITION&limit=N&type=a,b: the committed events after a position, oldest first.
Response ListEvents(const Request& request, Services& services) {
  QueryReader query(request.query);
  const int64_t after = query.Int("after", 0, 0, INT64_MAX);
  const int64_t limit = query.Int("limit", 100, 1, 10000);
  const std::string types_text = query.String("type");
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  std::vector<std::string> types;
  for (size_t start = 0; start < types_text.size();) {
    size_t comma = types_text.find(',', start);
    if (comma == std::string::npos) comma = types_text.size();
    std::string type = types_text.substr(start, comma - start);
    if (!platform::IsEventType(type)) {
      return ErrorResponse(InvalidArgument("unknown event type '" + type + "'", "type"));
    }
    types.push_back(std::move(type));
    start = comma + 1;
  }
  auto log = platform::MakeEventLog(services.stores.connection());
  auto events = log->Read(after, static_cast<int>(limit), types);
  if (!events) return ErrorResponse(events.error());
  json::array items;
  for (const auto& e : *events) items.emplace_back(EventJson(e));
  const int64_t next = events->empty() ? after : events->back().position;
  return JsonResponse(200, json::object{{"items", std::move(items)}, {"next_after", next}});
}

}  // namespace

void AddAuditRoutes(Router& router) {
  router.Add(Method::kGet, "/api/v1/audit", Access::kAdmin, ListAudit);
  router.Add(Method::kGet, "/api/v1/audit/export.csv", Access::kAdmin, ExportAudit);
  router.Add(Method::kGet, "/api/v1/audit/export.xlsx", Access::kAdmin, ExportAuditXlsx);
  router.Add(Method::kGet, "/api/v1/events", Access::kAdmin, ListEvents);
}

}  // namespace centric::api
