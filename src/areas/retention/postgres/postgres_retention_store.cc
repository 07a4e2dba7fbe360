// SPDX-License-Identifier: Apache-2.0
// The retention engine's input and results in the PostgreSQL backend.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <cstdlib>

#include "areas/retention/analysis_report_json.h"
#include "areas/retention/retention_store_backends.h"
#include "platform/store/codec.h"
#include "platform/store/postgres/postgres_connection.h"

namespace centric::retention {
namespace {

using store::postgres::Params;
using store::postgres::PgResult;
using store::postgres::PostgresConnection;

CustomerPrediction ReadPrediction(const PgResult& r, int row) {
  auto real = [&](int column) { return std::strtod(r.String(row, column).c_str(), nullptr); };
  CustomerPrediction p;
  p.customer_id = r.Int(row, 0);
  p.run_id = r.Int(row, 1);
  p.frequency = static_cast<int>(r.Int(row, 2));
  p.recency = static_cast<int>(r.Int(row, 3));
  p.age = static_cast<int>(r.Int(row, 4));
  p.monetary = real(5);
  p.p_alive = real(6);
  p.expected_purchases = real(7);
  p.expected_spend = real(8);
  p.clv = real(9);
  p.churn_risk = r.String(row, 10);
  p.rfm_r = static_cast<int>(r.Int(row, 11));
  p.rfm_f = static_cast<int>(r.Int(row, 12));
  p.rfm_m = static_cast<int>(r.Int(row, 13));
  p.rfm_segment = r.String(row, 14);
  p.tier = r.String(row, 15);
  p.service_level = r.String(row, 16);
  return p;
}

constexpr const char* kPredictionSelect =
    "SELECT customer_id, run_id, frequency, recency, age, monetary, p_alive, "
    "expected_purchases, expected_spend, clv, churn_risk, rfm_r, rfm_f, rfm_m, rfm_segment, "
    "tier, service_level FROM customer_predictions ";

class PostgresRetentionStore final : public RetentionStore {
 public:
  explicit PostgresRetentionStore(PostgresConnection& connection) : connection_(connection) {}

  Status ScanOrderFacts(const std::function<void(const OrderFact&)>& visit) override {
    return connection_.StreamRows(
        "SELECT customer_id, extract(epoch from ordered_at)::bigint, total_minor FROM orders",
        [&](const PgResult& r, int i) {
          visit(OrderFact{r.Int(i, 0), FromUnixSeconds(r.Int(i, 1)), r.Int(i, 2)});
          return Status::Ok();
        });
  }

  Result<int64_t> SaveAnalysis(const AnalysisReport& report,
                               const std::vector<CustomerPrediction>& rows) override {
    const std::string report_json = boost::json::serialize(EncodeReport(report));
    int64_t run_id = 0;
    Status s = connection_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto run,
          connection_.conn().Run("INSERT INTO analysis_runs(created_at, report) "
                                 "VALUES (to_timestamp($1::bigint), $2::json) RETURNING id",
                                 Params().Add(store::internal::NowSeconds()).Add(report_json)));
      run_id = run.Int(0, 0);
      CENTRIC_RETURN_IF_ERROR(connection_.conn().Exec("DELETE FROM customer_predictions"));
      for (const auto& r : rows) {
        auto inserted = connection_.conn().Run(
            "INSERT INTO customer_predictions(customer_id, run_id, frequency, recency, age, "
            "monetary, p_alive, expected_purchases, expected_spend, clv, churn_risk, rfm_r, rfm_f, "
            "rfm_m, rfm_segment, tier, service_level) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
            "$10, $11, $12, $13, $14, $15, $16, $17)",
            Params()
                .Add(r.customer_id)
                .Add(run_id)
                .Add(int64_t{r.frequency})
                .Add(int64_t{r.recency})
                .Add(int64_t{r.age})
                .Add(fmt::format("{:.17g}", r.monetary))
                .Add(fmt::format("{:.17g}", r.p_alive))
                .Add(fmt::format("{:.17g}", r.expected_purchases))
                .Add(fmt::format("{:.17g}", r.expected_spend))
                .Add(fmt::format("{:.17g}", r.clv))
                .Add(r.churn_risk)
                .Add(int64_t{r.rfm_r})
                .Add(int64_t{r.rfm_f})
                .Add(int64_t{r.rfm_m})
                .Add(r.rfm_segment)
                .Add(r.tier)
                .Add(r.service_level));
        if (!inserted) {
          if (inserted.error().code() == StatusCode::kFailedPrecondition) {
            return Status(StatusCode::kNotFound, fmt::format("no customer {}", r.customer_id),
                          "customer_id");
          }
          return inserted.error();
        }
      }
      return connection_.Record(AnalysisSaved(run_id, rows.size()));
    });
    if (!s.ok()) return Error(s);
    return run_id;
  }

  Result<std::vector<std::pair<std::string, int64_t>>> OrderCurrencies() override {
    CENTRIC_ASSIGN_OR_RETURN(auto r,
                             connection_.conn().Run("SELECT currency, count(*) FROM orders "
                                                    "GROUP BY currency ORDER BY 2 DESC, 1"));
    std::vector<std::pair<std::string, int64_t>> out;
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.String(i, 0), r.Int(i, 1));
    return out;
  }

  Result<CustomerPrediction> GetPrediction(CustomerId customer_id) override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto r, connection_.conn().Run(std::string(kPredictionSelect) + "WHERE customer_id = $1",
                                       Params().Add(customer_id)));
    if (r.rows() == 0)
      return Error(NotFound(fmt::format("no prediction for customer {}", customer_id)));
    return ReadPrediction(r, 0);
  }

  Result<std::vector<CustomerPrediction>> GetPredictions(
      const std::vector<CustomerId>& customer_ids) override {
    std::vector<CustomerPrediction> out;
    if (customer_ids.empty()) return out;
    std::string ids = "{";
    for (size_t i = 0; i < customer_ids.size(); ++i) {
      ids += (i ? "," : "") + std::to_string(customer_ids[i]);
    }
    ids += "}";
    CENTRIC_ASSIGN_OR_RETURN(
        auto r, connection_.conn().Run(
                    std::string(kPredictionSelect) + "WHERE customer_id = ANY($1::bigint[])",
                    Params().Add(ids)));
    for (int i = 0; i < r.rows(); ++i) out.push_back(ReadPrediction(r, i));
    return out;
  }

  Result<AnalysisRun> LatestAnalysis() override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto r,
        connection_.conn().Run("SELECT id, extract(epoch from created_at)::bigint, report::text "
                               "FROM analysis_runs ORDER BY id DESC LIMIT 1"));
    if (r.rows() == 0) return Error(NotFound("no analysis has run yet: run `centric analyze`"));
    return ReadRun(r.Int(0, 0), FromUnixSeconds(r.Int(0, 1)), r.String(0, 2));
  }

 private:
  PostgresConnection& connection_;
};

}  // namespace

std::unique_ptr<RetentionStore> MakePostgresRetentionStore(PostgresConnection& connection) {
  return std::make_unique<PostgresRetentionStore>(connection);
}

}  // namespace centric::retention
