// SPDX-License-Identifier: Apache-2.0
// The retention engine's input and results in the SQLite backend.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "areas/retention/analysis_report_json.h"
#include "areas/retention/retention_store_backends.h"
#include "platform/store/codec.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::retention {
namespace {

using store::sqlite::SqliteConnection;
using store::sqlite::Statement;

CustomerPrediction ReadPrediction(const Statement& st) {
  CustomerPrediction p;
  p.customer_id = st.Int(0);
  p.run_id = st.Int(1);
  p.frequency = static_cast<int>(st.Int(2));
  p.recency = static_cast<int>(st.Int(3));
  p.age = static_cast<int>(st.Int(4));
  p.monetary = st.Double(5);
  p.p_alive = st.Double(6);
  p.expected_purchases = st.Double(7);
  p.expected_spend = st.Double(8);
  p.clv = st.Double(9);
  p.churn_risk = st.String(10);
  p.rfm_r = static_cast<int>(st.Int(11));
  p.rfm_f = static_cast<int>(st.Int(12));
  p.rfm_m = static_cast<int>(st.Int(13));
  p.rfm_segment = st.String(14);
  p.tier = st.String(15);
  p.service_level = st.String(16);
  return p;
}

class SqliteRetentionStore final : public RetentionStore {
 public:
  explicit SqliteRetentionStore(SqliteConnection& connection) : conn_(connection) {}

  Status ScanOrderFacts(const std::function<void(const OrderFact&)>& visit) override {
    CENTRIC_RETURN_IF_ERROR(conn_.db().Exec("BEGIN"));
    Status status = [&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          Statement st,
          conn_.db().Prepare("SELECT customer_id, ordered_at, total_minor FROM orders"));
      while (true) {
        CENTRIC_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) return Status::Ok();
        visit(OrderFact{st.Int(0), FromUnixSeconds(st.Int(1)), st.Int(2)});
      }
    }();
    (void)conn_.db().Exec("COMMIT");
    return status;
  }

  Result<int64_t> SaveAnalysis(const AnalysisReport& report,
                               const std::vector<CustomerPrediction>& rows) override {
    const std::string report_json = boost::json::serialize(EncodeReport(report));
    int64_t run_id = 0;
    Status s = conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto run, conn_.Cached("INSERT INTO analysis_runs(created_at, report) VALUES (?, ?)"));
      run->Bind(1, store::internal::NowSeconds()).Bind(2, report_json);
      CENTRIC_RETURN_IF_ERROR(run->Run());
      run_id = conn_.db().LastInsertRowid();
      CENTRIC_RETURN_IF_ERROR(conn_.db().Exec("DELETE FROM customer_predictions"));
      CENTRIC_ASSIGN_OR_RETURN(
          Statement insert,
          conn_.db().Prepare(
              "INSERT INTO customer_predictions(customer_id, run_id, frequency, recency, "
              "age, monetary, p_alive, expected_purchases, expected_spend, clv, "
              "churn_risk, rfm_r, rfm_f, rfm_m, rfm_segment, tier, service_level) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
      for (const auto& r : rows) {
        insert.Bind(1, r.customer_id).Bind(2, run_id).Bind(3, int64_t{r.frequency});
        insert.Bind(4, int64_t{r.recency}).Bind(5, int64_t{r.age});
        insert.BindDouble(6, r.monetary).BindDouble(7, r.p_alive);
        insert.BindDouble(8, r.expected_purchases).BindDouble(9, r.expected_spend);
        insert.BindDouble(10, r.clv).Bind(11, r.churn_risk).Bind(12, int64_t{r.rfm_r});
        insert.Bind(13, int64_t{r.rfm_f}).Bind(14, int64_t{r.rfm_m}).Bind(15, r.rfm_segment);
        insert.Bind(16, r.tier).Bind(17, r.service_level);
        Status row = insert.Run();
        if (row.code() == StatusCode::kFailedPrecondition) {
          return Status(StatusCode::kNotFound, fmt::format("no customer {}", r.customer_id),
                        "customer_id");
        }
        CENTRIC_RETURN_IF_ERROR(row);
      }
      return conn_.Record(AnalysisSaved(run_id, rows.size()));
    });
    if (!s.ok()) return Error(s);
    return run_id;
  }

  Result<std::vector<std::pair<std::string, int64_t>>> OrderCurrencies() override {
    CENTRIC_ASSIGN_OR_RETURN(auto st, conn_.Cached("SELECT currency, count(*) FROM orders "
                                                   "GROUP BY currency ORDER BY 2 DESC, 1"));
    std::vector<std::pair<std::string, int64_t>> out;
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) return out;
      out.emplace_back(st->String(0), st->Int(1));
    }
  }

  Result<CustomerPrediction> GetPrediction(CustomerId customer_id) override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st,
        conn_.Cached("SELECT customer_id, run_id, frequency, recency, age, monetary, p_alive, "
                     "expected_purchases, expected_spend, clv, churn_risk, rfm_r, rfm_f, rfm_m, "
                     "rfm_segment, tier, service_level FROM customer_predictions "
                     "WHERE customer_id = ?"));
    st->Bind(1, customer_id);
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Error(NotFound(fmt::format("no prediction for customer {}", customer_id)));
    return ReadPrediction(*st);
  }

  Result<std::vector<CustomerPrediction>> GetPredictions(
      const std::vector<CustomerId>& customer_ids) override {
    std::vector<CustomerPrediction> out;
    if (customer_ids.empty()) return out;
    // The ids as one JSON array parameter: one prepared statement for any page size.
    std::string ids = "[";
    for (size_t i = 0; i < customer_ids.size(); ++i) {
      ids += (i ? "," : "") + std::to_string(customer_ids[i]);
    }
    ids += "]";
    CENTRIC_ASSIGN_OR_RETURN(
        auto st,
        conn_.Cached("SELECT customer_id, run_id, frequency, recency, age, monetary, p_alive, "
                     "expected_purchases, expected_spend, clv, churn_risk, rfm_r, rfm_f, rfm_m, "
                     "rfm_segment, tier, service_level FROM customer_predictions "
                     "WHERE customer_id IN (SELECT value FROM json_each(?))"));
    st->Bind(1, ids);
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) return out;
      out.push_back(ReadPrediction(*st));
    }
  }

  Result<AnalysisRun> LatestAnalysis() override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st,
        conn_.Cached("SELECT id, created_at, report FROM analysis_runs ORDER BY id DESC LIMIT 1"));
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Error(NotFound("no analysis has run yet: run `centric analyze`"));
    return ReadRun(st->Int(0), FromUnixSeconds(st->Int(1)), st->String(2));
  }

 private:
  SqliteConnection& conn_;
};

}  // namespace

std::unique_ptr<RetentionStore> MakeSqliteRetentionStore(SqliteConnection& connection) {
  return std::make_unique<SqliteRetentionStore>(connection);
}

}  // namespace centric::retention
