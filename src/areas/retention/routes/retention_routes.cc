// SPDX-License-Identifier: Apache-2.0
// /api/v1/analytics/...: sections of the latest retention analysis (written by `centric
// analyze` and refreshed after each import), and /api/v1/customers/{id}/predictions. Reads
// only: an analysis is replaced atomically, so a reader sees the previous run or the new one.
#include "areas/retention/routes/retention_routes.h"

#include <boost/json.hpp>

#include "api/routes/route_util.h"
#include "areas/retention/analysis_report_json.h"
#include "areas/retention/report_currency.h"
#include "areas/retention/routes/prediction_json.h"

namespace centric::retention {
namespace {

using namespace ::centric::api;  // NOLINT: these handlers are written against the HTTP layer

namespace json = boost::json;

// The parts of the report every section response carries, so a client knows what it reads.
constexpr const char* kHeaderKeys[] = {"run_id", "as_of", "model", "period", "customers"};
// Sections served by their own route; the summary response leaves them out.
constexpr const char* kSectionKeys[] = {"rfm", "cohorts", "clv", "tiers", "new_vs_established"};

// The latest run's report in its one encoding, with the run it comes from.
Result<json::object> LatestReport(Services& services) {
  auto run = services.stores.retention().LatestAnalysis();
  if (!run) {
    if (run.error().code() == StatusCode::kNotFound) {
      return Error(NotFound("no analysis yet: run `centric analyze` (or import orders)"));
    }
    return Error(run.error());
  }
  json::object report = EncodeReport(run->report);
  report["run_id"] = run->id;
  report["created_at"] = FormatIso8601(run->created_at);
  return report;
}

Response Section(const Request& request, Services& services, const char* key) {
  QueryReader query(request.query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto report = LatestReport(services);
  if (!report) return ErrorResponse(report.error());
  json::object out;
  for (const char* k : kHeaderKeys) {
    if (const json::value* v = report->if_contains(k)) out[k] = *v;
  }
  out["created_at"] = report->at("created_at");
  const json::value* section = report->if_contains(key);
  out[key] = section ? *section : json::value(nullptr);
  return JsonResponse(200, out);
}

Response SummaryOfLatest(const Request& request, Services& services) {
  QueryReader query(request.query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto report = LatestReport(services);
  if (!report) return ErrorResponse(report.error());
  for (const char* k : kSectionKeys) report->erase(k);
  return JsonResponse(200, *report);
}

Response Rfm(const Request& r, Services& s) { return Section(r, s, "rfm"); }
Response Cohorts(const Request& r, Services& s) { return Section(r, s, "cohorts"); }
Response Clv(const Request& r, Services& s) { return Section(r, s, "clv"); }
Response Tiers(const Request& r, Services& s) { return Section(r, s, "tiers"); }

Response Predictions(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  QueryReader query(request.query);
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  // Tell an unknown customer apart from a known one without a prediction.
  if (auto customer = services.stores.customers().GetCustomer(*id); !customer) {
    return ErrorResponse(customer.error());
  }
  auto prediction = services.stores.retention().GetPrediction(*id);
  if (!prediction) {
    if (prediction.error().code() == StatusCode::kNotFound) {
      return ErrorResponse(NotFound(
          "no prediction for this customer: no purchase before the latest analysis's as-of date, "
          "or no analysis yet"));
    }
    return ErrorResponse(prediction.error());
  }
  json::object out = PredictionJson(*prediction);
  // Its money is in the analysis currency; say which, as every amount Centric shows does.
  const std::string currency = LatestCurrency(services.stores.retention());
  out["currency"] = currency.empty() ? json::value(nullptr) : json::value(currency);
  return JsonResponse(200, out);
}

}  // namespace

void AddRetentionRoutes(api::Router& router) {
  using api::Access;
  using api::Method;
  router.Add(Method::kGet, "/api/v1/customers/{id}/predictions", Access::kRead, Predictions);
  router.Add(Method::kGet, "/api/v1/analytics/summary", Access::kRead, SummaryOfLatest);
  router.Add(Method::kGet, "/api/v1/analytics/rfm", Access::kRead, Rfm);
  router.Add(Method::kGet, "/api/v1/analytics/cohorts", Access::kRead, Cohorts);
  router.Add(Method::kGet, "/api/v1/analytics/clv", Access::kRead, Clv);
  router.Add(Method::kGet, "/api/v1/analytics/tiers", Access::kRead, Tiers);
}

}  // namespace centric::retention
