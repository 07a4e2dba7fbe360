// SPDX-License-Identifier: Apache-2.0
// The cross-sell engine's input (order lines) and model in the PostgreSQL backend.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "areas/crosssell/crosssell_store_backends.h"
#include "platform/store/codec.h"
#include "platform/store/postgres/postgres_connection.h"

namespace centric::crosssell {
namespace {

using store::postgres::Params;
using store::postgres::PgConn;
using store::postgres::PgResult;
using store::postgres::PostgresConnection;
namespace internal = store::internal;

std::string Real(double value) { return fmt::format("{:.17g}", value); }
double RealOf(const PgResult& r, int row, int column) {
  return std::strtod(r.String(row, column).c_str(), nullptr);
}

// Inserts `rows` rows of `columns` columns, 500 to a statement: one round trip per row would
// make saving a model of tens of thousands of neighbours take seconds.
template <typename FillRow>
Status InsertRows(PgConn& conn, std::string_view table, std::string_view column_list, int columns,
                  size_t rows, FillRow fill) {
  constexpr size_t kRowsPerStatement = 500;
  for (size_t first = 0; first < rows; first += kRowsPerStatement) {
    const size_t count = std::min(kRowsPerStatement, rows - first);
    std::string sql = fmt::format("INSERT INTO {}({}) VALUES ", table, column_list);
    Params params;
    int next = 1;
    for (size_t i = 0; i < count; ++i) {
      sql += i == 0 ? "(" : ",(";
      for (int c = 0; c < columns; ++c) sql += fmt::format("{}${}", c == 0 ? "" : ",", next++);
      sql += ')';
      fill(first + i, params);
    }
    if (auto inserted = conn.Run(sql, params); !inserted) return inserted.error();
  }
  return Status::Ok();
}

class PostgresCrossSellStore final : public CrossSellStore {
 public:
  explicit PostgresCrossSellStore(PostgresConnection& connection) : connection_(connection) {}

  Status ScanPurchases(const std::function<void(const PurchaseLine&)>& visit) override {
    PurchaseLine line;
    return connection_.StreamRows(
        "SELECT l.customer_id, l.order_id, extract(epoch from o.ordered_at)::bigint, o.status, "
        "l.product_id, l.quantity, l.amount_minor FROM order_lines l JOIN orders o "
        "ON o.customer_id = l.customer_id AND o.id = l.order_id ORDER BY l.order_id",
        [&](const PgResult& r, int i) -> Status {
          line.customer_id = r.Int(i, 0);
          line.order_id = r.Int(i, 1);
          line.ordered_at = FromUnixSeconds(r.Int(i, 2));
          CENTRIC_ASSIGN_OR_RETURN(line.status, ParseOrderStatus(r.Text(i, 3)));
          line.product_id = r.Int(i, 4);
          line.quantity = r.Int(i, 5);
          line.amount_minor = r.Int(i, 6);
          visit(line);
          return Status::Ok();
        });
  }

  Result<std::vector<PurchaseLine>> CustomerPurchases(CustomerId customer_id) override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto r, connection_.conn().Run(
                    "SELECT o.id, extract(epoch from o.ordered_at)::bigint, o.status, "
                    "l.product_id, l.quantity, l.amount_minor, p.sku, p.name, p.category "
                    "FROM orders o JOIN order_lines l ON l.customer_id = o.customer_id "
                    "AND l.order_id = o.id JOIN products p ON p.id = l.product_id "
                    "WHERE o.customer_id = $1 ORDER BY o.ordered_at, o.id, l.line_no",
                    Params().Add(customer_id)));
    std::vector<PurchaseLine> lines(r.rows());
    for (int i = 0; i < r.rows(); ++i) {
      PurchaseLine& line = lines[i];
      line.customer_id = customer_id;
      line.order_id = r.Int(i, 0);
      line.ordered_at = FromUnixSeconds(r.Int(i, 1));
      CENTRIC_ASSIGN_OR_RETURN(line.status, ParseOrderStatus(r.Text(i, 2)));
      line.product_id = r.Int(i, 3);
      line.quantity = r.Int(i, 4);
      line.amount_minor = r.Int(i, 5);
      line.sku = r.String(i, 6);
      line.name = r.String(i, 7);
      line.category = r.String(i, 8);
    }
    return lines;
  }

  Result<int64_t> SaveCrossSell(const CrossSellModel& model) override {
    int64_t run_id = 0;
    Status s = connection_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto run,
          connection_.conn().Run("INSERT INTO crosssell_runs(created_at, report) "
                                 "VALUES (to_timestamp($1::bigint), $2::json) RETURNING id",
                                 Params().Add(internal::NowSeconds()).Add(model.report_json)));
      run_id = run.Int(0, 0);
      CENTRIC_RETURN_IF_ERROR(connection_.conn().Exec(
          "TRUNCATE crosssell_items, crosssell_neighbours, crosssell_rules"));
      CENTRIC_RETURN_IF_ERROR(InsertRows(connection_.conn(), "crosssell_items",
                                         "level, item, name, customers, unit_price_minor", 5,
                                         model.items.size(), [&](size_t i, Params& p) {
                                           const CrossSellItem& item = model.items[i];
                                           p.Add(item.level)
                                               .Add(item.item)
                                               .Add(item.name)
                                               .Add(item.customers)
                                               .Add(Real(item.unit_price_minor));
                                         }));
      CENTRIC_RETURN_IF_ERROR(
          InsertRows(connection_.conn(), "crosssell_neighbours",
                     "level, item, rank, neighbour, similarity, lift, confidence, co_customers", 8,
                     model.neighbours.size(), [&](size_t i, Params& p) {
                       const CrossSellNeighbour& n = model.neighbours[i];
                       p.Add(n.level)
                           .Add(n.item)
                           .Add(int64_t{n.rank})
                           .Add(n.neighbour)
                           .Add(Real(n.similarity))
                           .Add(Real(n.lift))
                           .Add(Real(n.confidence))
                           .Add(n.co_customers);
                     }));
      CENTRIC_RETURN_IF_ERROR(InsertRows(
          connection_.conn(), "crosssell_rules",
          "level, antecedent, consequent, count, antecedent_count, consequent_count, support, "
          "confidence, lift, leverage, conviction",
          11, model.rules.size(), [&](size_t i, Params& p) {
            const CrossSellRule& r = model.rules[i];
            p.Add(r.level)
                .Add(internal::StringListToJson(r.antecedent))
                .Add(internal::StringListToJson(r.consequent))
                .Add(r.count)
                .Add(r.antecedent_count)
                .Add(r.consequent_count)
                .Add(Real(r.support))
                .Add(Real(r.confidence))
                .Add(Real(r.lift))
                .Add(Real(r.leverage));
            if (std::isinf(r.conviction)) {
              p.Add(std::optional<int64_t>());
            } else {
              p.Add(Real(r.conviction));
            }
          }));
      return connection_.Record(CrossSellSaved(run_id, model));
    });
    if (!s.ok()) return Error(s);
    return run_id;
  }

  Result<CrossSellRun> LatestCrossSell() override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto r,
        connection_.conn().Run("SELECT id, extract(epoch from created_at)::bigint, report::text "
                               "FROM crosssell_runs ORDER BY id DESC LIMIT 1"));
    if (r.rows() == 0) {
      return Error(NotFound("no cross-sell analysis has run yet: run `centric analyze`"));
    }
    return CrossSellRun{r.Int(0, 0), FromUnixSeconds(r.Int(0, 1)), r.String(0, 2)};
  }

  Result<CrossSellSlice> CrossSellNeighbours(std::string_view level,
                                             const std::vector<std::string>& items,
                                             int popular) override {
    // One snapshot, and one round trip per part: the items arrive as one JSON array parameter.
    CrossSellSlice out;
    Status s = connection_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(CrossSellRun run, LatestCrossSell());
      out.run_id = run.id;
      CENTRIC_ASSIGN_OR_RETURN(
          auto neighbours,
          connection_.conn().Run(
              "SELECT n.item, n.rank, n.neighbour, n.similarity, n.lift, n.confidence, "
              "n.co_customers FROM crosssell_neighbours n "
              "JOIN jsonb_array_elements_text($2::jsonb) AS want(item) ON want.item = n.item "
              "WHERE n.level = $1 ORDER BY n.item, n.rank",
              Params().Add(level).Add(internal::StringListToJson(items))));
      std::vector<std::string> wanted = items;
      for (int i = 0; i < neighbours.rows(); ++i) {
        CrossSellNeighbour& n = out.neighbours.emplace_back();
        n.level = std::string(level);
        n.item = neighbours.String(i, 0);
        n.rank = static_cast<int>(neighbours.Int(i, 1));
        n.neighbour = neighbours.String(i, 2);
        n.similarity = RealOf(neighbours, i, 3);
        n.lift = RealOf(neighbours, i, 4);
        n.confidence = RealOf(neighbours, i, 5);
        n.co_customers = neighbours.Int(i, 6);
        wanted.push_back(n.neighbour);
      }
      CENTRIC_ASSIGN_OR_RETURN(
          auto top, connection_.conn().Run("SELECT item FROM crosssell_items WHERE level = $1 "
                                           "ORDER BY customers DESC, item LIMIT $2",
                                           Params().Add(level).Add(int64_t{std::max(popular, 0)})));
      for (int i = 0; i < top.rows(); ++i) {
        out.popular.push_back(top.String(i, 0));
        wanted.push_back(out.popular.back());
      }
      std::sort(wanted.begin(), wanted.end());
      wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
      CENTRIC_ASSIGN_OR_RETURN(
          auto count,
          connection_.conn().Run("SELECT count(*) FROM crosssell_items WHERE level = $1",
                                 Params().Add(level)));
      out.offered = count.Int(0, 0);
      CENTRIC_ASSIGN_OR_RETURN(
          auto rows,
          connection_.conn().Run("SELECT item, name, customers, unit_price_minor "
                                 "FROM crosssell_items WHERE level = $1 AND item IN "
                                 "(SELECT jsonb_array_elements_text($2::jsonb)) ORDER BY item",
                                 Params().Add(level).Add(internal::StringListToJson(wanted))));
      for (int i = 0; i < rows.rows(); ++i) {
        out.items.push_back(CrossSellItem{std::string(level), rows.String(i, 0), rows.String(i, 1),
                                          rows.Int(i, 2), RealOf(rows, i, 3)});
      }
      return Status::Ok();
    });
    if (!s.ok()) return Error(s);
    return out;
  }

  Result<std::vector<CrossSellRule>> ListCrossSellRules(const RuleQuery& query) override {
    if (auto run = LatestCrossSell(); !run) return Error(run.error());
    CENTRIC_ASSIGN_OR_RETURN(
        auto r,
        connection_.conn().Run("SELECT level, antecedent::text, consequent::text, count, "
                               "antecedent_count, consequent_count, support, confidence, lift, "
                               "leverage, conviction FROM crosssell_rules WHERE level = $1 "
                               "AND confidence >= $2 AND lift >= $3 "
                               "AND ($4 = '' OR antecedent ? $4) "
                               "ORDER BY lift DESC, confidence DESC, count DESC, id LIMIT $5",
                               Params()
                                   .Add(query.level)
                                   .Add(Real(query.min_confidence))
                                   .Add(Real(query.min_lift))
                                   .Add(query.antecedent)
                                   .Add(int64_t{internal::ClampLimit(query.limit)})));
    std::vector<CrossSellRule> rules(r.rows());
    for (int i = 0; i < r.rows(); ++i) {
      CrossSellRule& rule = rules[i];
      rule.level = r.String(i, 0);
      CENTRIC_ASSIGN_OR_RETURN(rule.antecedent, internal::StringListFromJson(r.Text(i, 1)));
      CENTRIC_ASSIGN_OR_RETURN(rule.consequent, internal::StringListFromJson(r.Text(i, 2)));
      rule.count = r.Int(i, 3);
      rule.antecedent_count = r.Int(i, 4);
      rule.consequent_count = r.Int(i, 5);
      rule.support = RealOf(r, i, 6);
      rule.confidence = RealOf(r, i, 7);
      rule.lift = RealOf(r, i, 8);
      rule.leverage = RealOf(r, i, 9);
      rule.conviction =
          r.IsNull(i, 10) ? std::numeric_limits<double>::infinity() : RealOf(r, i, 10);
    }
    return rules;
  }

 private:
  PostgresConnection& connection_;
};

}  // namespace

std::unique_ptr<CrossSellStore> MakePostgresCrossSellStore(PostgresConnection& connection) {
  return std::make_unique<PostgresCrossSellStore>(connection);
}

}  // namespace centric::crosssell
