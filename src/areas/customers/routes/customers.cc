// SPDX-License-Identifier: Apache-2.0
// /api/v1/customers: search and filters, CRUD, and the customer view with its latest timeline.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <cmath>
#include <unordered_map>

#include "api/handle_request.h"
#include "api/json/page_json.h"
#include "api/query.h"
#include "api/routes/route_util.h"
#include "areas/customers/routes/customer_routes.h"
#include "areas/customers/routes/timeline_json.h"
#include "areas/retention/report_currency.h"
#include "core/money.h"
#include "platform/xlsx/xlsx_sheet.h"
#include "text/csv_writer.h"

namespace centric::customers {
namespace {

using namespace ::centric::api;  // NOLINT: these handlers are written against the HTTP layer

constexpr int kDefaultEvents = 50;

CustomerStore& CustomerStoreOf(Services& services) { return services.stores.customers(); }

const EntityCalls<CustomerStore, Customer> kCalls{"/api/v1/customers",
                                                  &CustomerStoreOf,
                                                  &CustomerStore::CreateCustomer,
                                                  &CustomerStore::GetCustomer,
                                                  &CustomerStore::UpdateCustomer,
                                                  &CustomerStore::DeleteCustomer,
                                                  "timeline"};

// The list's filters and sort from the query. InvalidArgument naming a bad parameter.
Result<CustomerFilter> ReadCustomerFilter(QueryReader& query) {
  CustomerFilter filter;
  filter.search = query.String("q");
  filter.country = query.String("country");
  filter.language = query.String("language");
  filter.tag = query.String("tag");
  filter.segment = query.String("segment");
  filter.tier = query.String("tier");
  filter.risk = query.String("risk");
  filter.category = query.String("category");
  const std::string sort = query.String("sort", "id");
  if (sort == "id") {
    filter.sort = CustomerSort::kId;
  } else if (sort == "name") {
    filter.sort = CustomerSort::kName;
  } else if (sort == "-clv") {
    filter.sort = CustomerSort::kClvDesc;
  } else if (sort == "-p_alive") {
    filter.sort = CustomerSort::kPAliveDesc;
  } else if (sort == "-last_order") {
    filter.sort = CustomerSort::kRecentDesc;
  } else {
    return Error(InvalidArgument("must be id, name, -clv, -p_alive or -last_order", "sort"));
  }
  return filter;
}

// The latest predictions of a page of customers, by customer id: one query per page.
Result<std::unordered_map<CustomerId, retention::CustomerPrediction>> PagePredictions(
    retention::RetentionStore& store, const std::vector<Customer>& customers) {
  std::vector<CustomerId> ids;
  ids.reserve(customers.size());
  for (const Customer& c : customers) ids.push_back(c.id);
  CENTRIC_ASSIGN_OR_RETURN(auto rows, store.GetPredictions(ids));
  std::unordered_map<CustomerId, retention::CustomerPrediction> by_customer;
  for (auto& p : rows) by_customer.emplace(p.customer_id, std::move(p));
  return by_customer;
}

// A list item: the customer with the summary of their latest prediction (null without one).
boost::json::object ListItem(const Customer& c, const retention::CustomerPrediction* prediction) {
  boost::json::object item = ToJson(c);
  item["prediction"] = prediction ? boost::json::value{{"p_alive", prediction->p_alive},
                                                       {"clv_minor", prediction->clv},
                                                       {"tier", prediction->tier},
                                                       {"service_level", prediction->service_level},
                                                       {"rfm_segment", prediction->rfm_segment},
                                                       {"churn_risk", prediction->churn_risk}}
                                  : boost::json::value(nullptr);
  return item;
}

Response ListCustomers(const Request& request, Services& services) {
  QueryReader query(request.query);
  auto filter = ReadCustomerFilter(query);
  if (!filter) return ErrorResponse(filter.error());
  filter->page = ReadPage(query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto page = services.stores.customers().ListCustomers(*filter);
  if (!page) return ErrorResponse(page.error());
  auto predictions = PagePredictions(services.stores.retention(), page->items);
  if (!predictions) return ErrorResponse(predictions.error());
  boost::json::array items;
  for (const Customer& c : page->items) {
    auto found = predictions->find(c.id);
    items.push_back(ListItem(c, found == predictions->end() ? nullptr : &found->second));
  }
  return JsonResponse(
      200, boost::json::object{
               {"items", std::move(items)},
               {"next_cursor", page->next_cursor.empty() ? boost::json::value(nullptr)
                                                         : boost::json::value(page->next_cursor)}});
}

// Exports hold every page of the list up to kMaxExportRows, with the same filters as the list.
constexpr size_t kMaxExportRows = 100000;

// Visits each customer of the filtered list with their prediction (none before an analysis).
// Returns whether the list was cut at kMaxExportRows.
Result<bool> ScanExport(
    Services& services, CustomerFilter filter,
    const std::function<void(const Customer&, const retention::CustomerPrediction*)>& visit) {
  filter.page.limit = store::kMaxPageSize;
  size_t rows = 0;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(auto page, services.stores.customers().ListCustomers(filter));
    CENTRIC_ASSIGN_OR_RETURN(auto predictions,
                             PagePredictions(services.stores.retention(), page.items));
    for (const Customer& c : page.items) {
      if (rows == kMaxExportRows) return true;
      auto found = predictions.find(c.id);
      visit(c, found == predictions.end() ? nullptr : &found->second);
      ++rows;
    }
    if (page.next_cursor.empty()) return false;
    filter.page.cursor = page.next_cursor;
  }
}

Response ExportResponse(std::string body, const char* content_type, const char* filename,
                        int64_t rows, bool truncated) {
  Response r;
  r.status = 200;
  r.body = std::move(body);
  r.headers = {{"Content-Type", content_type},
               {"Content-Disposition", fmt::format("attachment; filename=\"{}\"", filename)},
               {"X-Centric-Rows", std::to_string(rows)}};
  if (truncated) r.headers.emplace_back("X-Centric-Truncated", std::to_string(kMaxExportRows));
  return r;
}

Response ExportCustomers(const Request& request, Services& services) {
  QueryReader query(request.query);
  auto filter = ReadCustomerFilter(query);
  if (!filter) return ErrorResponse(filter.error());
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  std::string csv;
  auto out = text::Output::ToString(&csv);
  text::CsvWriter writer(*out);  // the same RFC 4180 writer as `centric export`
  writer.Record(std::vector<std::string_view>{"id", "external_id", "name", "email", "country",
                                              "language", "tier", "service_level", "rfm_segment",
                                              "churn_risk", "p_alive", "clv"});
  // Lifetime value in major units of the analysis currency (minor units are not always cents).
  const int exponent = CurrencyExponent(retention::LatestCurrency(services.stores.retention()));
  int64_t rows = 0;
  auto truncated =
      ScanExport(services, *filter, [&](const Customer& c, const retention::CustomerPrediction* p) {
        writer.Record(std::vector<std::string>{
            std::to_string(c.id), c.external_id, c.name, c.emails.empty() ? "" : c.emails.front(),
            c.country, c.preferred_language, p ? p->tier : "", p ? p->service_level : "",
            p ? p->rfm_segment : "", p ? p->churn_risk : "",
            p ? fmt::format("{:.4f}", p->p_alive) : "",
            p ? FormatMinorUnits(static_cast<int64_t>(std::llround(p->clv)), exponent) : ""});
        ++rows;
      });
  if (!truncated) return ErrorResponse(truncated.error());
  if (Status s = out->Close(); !s.ok()) return ErrorResponse(s);
  return ExportResponse(std::move(csv), "text/csv; charset=utf-8", "customers.csv", rows,
                        *truncated);
}

// The same list as an .xlsx workbook: probabilities as percentages, lifetime value as money in
// the analysis currency, the header frozen.
Response ExportCustomersXlsx(const Request& request, Services& services) {
  QueryReader query(request.query);
  auto filter = ReadCustomerFilter(query);
  if (!filter) return ErrorResponse(filter.error());
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  using platform::CellType;
  const std::string currency = retention::LatestCurrency(services.stores.retention());
  auto sheet = platform::XlsxSheet::Create(
      "Customers", {{"id", CellType::kInteger, 9},
                    {"external_id", CellType::kText, 14},
                    {"name", CellType::kText, 28},
                    {"email", CellType::kText, 30},
                    {"country", CellType::kText, 8},
                    {"language", CellType::kText, 9},
                    {"tier", CellType::kText, 9},
                    {"service_level", CellType::kText, 13},
                    {"rfm_segment", CellType::kText, 18},
                    {"churn_risk", CellType::kText, 10},
                    {"p_alive", CellType::kPercent, 9},
                    {"clv", CellType::kMoney, 14, currency, CurrencyExponent(currency)}});
  if (!sheet) return ErrorResponse(sheet.error());
  Status added = Status::Ok();
  auto truncated =
      ScanExport(services, *filter, [&](const Customer& c, const retention::CustomerPrediction* p) {
        if (!added.ok()) return;
        using Cell = platform::XlsxCell;
        added =
            (*sheet)->AddRow({Cell(int64_t{c.id}), Cell(c.external_id), Cell(c.name),
                              Cell(c.emails.empty() ? std::string() : c.emails.front()),
                              Cell(c.country), Cell(c.preferred_language),
                              p ? Cell(p->tier) : Cell(), p ? Cell(p->service_level) : Cell(),
                              p ? Cell(p->rfm_segment) : Cell(), p ? Cell(p->churn_risk) : Cell(),
                              p ? Cell(p->p_alive) : Cell(), p ? Cell(p->clv) : Cell()});
      });
  if (!truncated) return ErrorResponse(truncated.error());
  if (!added.ok()) return ErrorResponse(added);
  const int64_t rows = (*sheet)->rows();
  auto bytes = (*sheet)->Finish();
  if (!bytes) return ErrorResponse(bytes.error());
  return ExportResponse(std::move(*bytes), platform::kXlsxContentType, "customers.xlsx", rows,
                        *truncated);
}

Response CreateCustomer(const Request& request, Services& services) {
  return CreateEntity(request, services, kCalls);
}

// The customer and its latest `events` timeline entries in one response, so a customer page
// needs one round trip. The timeline's next_cursor continues at /customers/{id}/timeline.
Response GetCustomer(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  QueryReader query(request.query);
  int events = static_cast<int>(query.Int("events", kDefaultEvents, 0, store::kMaxPageSize));
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto customer = services.stores.customers().GetCustomer(*id);
  if (!customer) return ErrorResponse(customer.error());
  boost::json::object out = ToJson(*customer);
  store::Page<TimelineEvent> timeline;
  if (events > 0) {
    auto page = services.stores.customers().Timeline(*id, store::PageRequest{"", events});
    if (!page) return ErrorResponse(page.error());
    timeline = std::move(*page);
  }
  out["timeline"] = PageJson(timeline, TimelineEventJson);
  return JsonResponse(200, out);
}

Response PatchCustomer(const Request& request, Services& services) {
  return PatchEntity(request, services, kCalls);
}

Response DeleteCustomer(const Request& request, Services& services) {
  return DeleteEntity(request, services, kCalls);
}

Response GetTimeline(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  QueryReader query(request.query);
  store::PageRequest page = ReadPage(query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto timeline = services.stores.customers().Timeline(*id, page);
  if (!timeline) return ErrorResponse(timeline.error());
  return JsonResponse(200, PageJson(*timeline, TimelineEventJson));
}

}  // namespace

void AddInteractionRoutes(api::Router& router);  // interactions.cc

void AddCustomerRoutes(api::Router& router) {
  AddInteractionRoutes(router);
  router.Add(Method::kGet, "/api/v1/customers", Access::kRead, ListCustomers);
  router.Add(Method::kPost, "/api/v1/customers", Access::kWrite, CreateCustomer);
  router.Add(Method::kGet, "/api/v1/customers/{id}", Access::kRead, GetCustomer);
  router.Add(Method::kPatch, "/api/v1/customers/{id}", Access::kWrite, PatchCustomer);
  router.Add(Method::kDelete, "/api/v1/customers/{id}", Access::kWrite, DeleteCustomer);
  router.Add(Method::kGet, "/api/v1/customers/{id}/timeline", Access::kRead, GetTimeline);
  router.Add(Method::kGet, "/api/v1/customers/export.csv", Access::kRead, ExportCustomers);
  router.Add(Method::kGet, "/api/v1/customers/export.xlsx", Access::kRead, ExportCustomersXlsx);
}

}  // namespace centric::customers
