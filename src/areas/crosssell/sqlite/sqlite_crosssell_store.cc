// SPDX-License-Identifier: Apache-2.0
// The cross-sell engine's input (order lines) and model in the SQLite backend.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "areas/crosssell/crosssell_store_backends.h"
#include "platform/store/codec.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::crosssell {
namespace {

using store::sqlite::SqliteConnection;
using store::sqlite::Statement;
namespace internal = store::internal;

Result<OrderStatus> StatusOf(const Statement& st, int column) {
  return ParseOrderStatus(st.Text(column));
}

class SqliteCrossSellStore final : public CrossSellStore {
 public:
  explicit SqliteCrossSellStore(SqliteConnection& connection) : conn_(connection) {}

  Status ScanPurchases(const std::function<void(const PurchaseLine&)>& visit) override {
    CENTRIC_RETURN_IF_ERROR(conn_.db().Exec("BEGIN"));
    Status status = [&]() -> Status {
      // order_lines is clustered by order_id, so the lines of an order come together.
      CENTRIC_ASSIGN_OR_RETURN(
          Statement st,
          conn_.db().Prepare("SELECT l.customer_id, l.order_id, o.ordered_at, o.status, "
                             "l.product_id, l.quantity, l.amount_minor "
                             "FROM order_lines l JOIN orders o ON o.id = l.order_id"));
      PurchaseLine line;
      while (true) {
        CENTRIC_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) return Status::Ok();
        line.customer_id = st.Int(0);
        line.order_id = st.Int(1);
        line.ordered_at = FromUnixSeconds(st.Int(2));
        CENTRIC_ASSIGN_OR_RETURN(line.status, StatusOf(st, 3));
        line.product_id = st.Int(4);
        line.quantity = st.Int(5);
        line.amount_minor = st.Int(6);
        visit(line);
      }
    }();
    (void)conn_.db().Exec("COMMIT");
    return status;
  }

  Result<std::vector<PurchaseLine>> CustomerPurchases(CustomerId customer_id) override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, conn_.Cached("SELECT o.id, o.ordered_at, o.status, l.product_id, l.quantity, "
                              "l.amount_minor, p.sku, p.name, p.category "
                              "FROM orders o JOIN order_lines l ON l.order_id = o.id "
                              "JOIN products p ON p.id = l.product_id "
                              "WHERE o.customer_id = ? ORDER BY o.ordered_at, o.id, l.line_no"));
    st->Bind(1, customer_id);
    std::vector<PurchaseLine> lines;
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      PurchaseLine& line = lines.emplace_back();
      line.customer_id = customer_id;
      line.order_id = st->Int(0);
      line.ordered_at = FromUnixSeconds(st->Int(1));
      CENTRIC_ASSIGN_OR_RETURN(line.status, StatusOf(*st, 2));
      line.product_id = st->Int(3);
      line.quantity = st->Int(4);
      line.amount_minor = st->Int(5);
      line.sku = st->String(6);
      line.name = st->String(7);
      line.category = st->String(8);
    }
    return lines;
  }

  Result<int64_t> SaveCrossSell(const CrossSellModel& model) override {
    int64_t run_id = 0;
    Status s = conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto run, conn_.Cached("INSERT INTO crosssell_runs(created_at, report) VALUES (?, ?)"));
      run->Bind(1, internal::NowSeconds()).Bind(2, model.report_json);
      CENTRIC_RETURN_IF_ERROR(run->Run());
      run_id = conn_.db().LastInsertRowid();
      for (const char* table : {"crosssell_items", "crosssell_neighbours", "crosssell_rules"}) {
        CENTRIC_RETURN_IF_ERROR(conn_.db().Exec(fmt::format("DELETE FROM {}", table)));
      }
      CENTRIC_ASSIGN_OR_RETURN(
          Statement item,
          conn_.db().Prepare("INSERT INTO crosssell_items(level, item, name, customers, "
                             "unit_price_minor) VALUES (?, ?, ?, ?, ?)"));
      for (const auto& i : model.items) {
        item.Bind(1, i.level).Bind(2, i.item).Bind(3, i.name).Bind(4, i.customers);
        item.BindDouble(5, i.unit_price_minor);
        CENTRIC_RETURN_IF_ERROR(item.Run());
      }
      CENTRIC_ASSIGN_OR_RETURN(
          Statement neighbour,
          conn_.db().Prepare(
              "INSERT INTO crosssell_neighbours(level, item, rank, neighbour, similarity, "
              "lift, confidence, co_customers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
      for (const auto& n : model.neighbours) {
        neighbour.Bind(1, n.level).Bind(2, n.item).Bind(3, int64_t{n.rank}).Bind(4, n.neighbour);
        neighbour.BindDouble(5, n.similarity).BindDouble(6, n.lift).BindDouble(7, n.confidence);
        neighbour.Bind(8, n.co_customers);
        CENTRIC_RETURN_IF_ERROR(neighbour.Run());
      }
      CENTRIC_ASSIGN_OR_RETURN(
          Statement rule,
          conn_.db().Prepare(
              "INSERT INTO crosssell_rules(level, antecedent, consequent, count, "
              "antecedent_count, consequent_count, support, confidence, lift, leverage, "
              "conviction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
      for (const auto& r : model.rules) {
        rule.Bind(1, r.level).Bind(2, internal::StringListToJson(r.antecedent));
        rule.Bind(3, internal::StringListToJson(r.consequent)).Bind(4, r.count);
        rule.Bind(5, r.antecedent_count).Bind(6, r.consequent_count);
        rule.BindDouble(7, r.support).BindDouble(8, r.confidence).BindDouble(9, r.lift);
        rule.BindDouble(10, r.leverage);
        if (std::isinf(r.conviction)) {
          rule.BindNull(11);
        } else {
          rule.BindDouble(11, r.conviction);
        }
        CENTRIC_RETURN_IF_ERROR(rule.Run());
      }
      return conn_.Record(CrossSellSaved(run_id, model));
    });
    if (!s.ok()) return Error(s);
    return run_id;
  }

  Result<CrossSellRun> LatestCrossSell() override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st,
        conn_.Cached("SELECT id, created_at, report FROM crosssell_runs ORDER BY id DESC LIMIT 1"));
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Error(NotFound("no cross-sell analysis has run yet: run `centric analyze`"));
    return CrossSellRun{st->Int(0), FromUnixSeconds(st->Int(1)), st->String(2)};
  }

  Result<CrossSellSlice> CrossSellNeighbours(std::string_view level,
                                             const std::vector<std::string>& items,
                                             int popular) override {
    CENTRIC_RETURN_IF_ERROR(conn_.db().Exec("BEGIN"));
    auto slice = [&]() -> Result<CrossSellSlice> {
      CrossSellSlice out;
      CENTRIC_ASSIGN_OR_RETURN(CrossSellRun run, LatestCrossSell());
      out.run_id = run.id;
      CENTRIC_ASSIGN_OR_RETURN(
          auto count, conn_.Cached("SELECT count(*) FROM crosssell_items WHERE level = ?"));
      count->Bind(1, level);
      CENTRIC_ASSIGN_OR_RETURN(bool counted, count->Step());
      out.offered = counted ? count->Int(0) : 0;

      // Neighbours and popular items come with their stats in the same query; only the items
      // asked for need a look-up of their own.
      std::set<std::string> known;
      auto keep = [&](std::string item, const Statement& st, int first_stat) {
        if (!known.insert(item).second) return;
        out.items.push_back(CrossSellItem{std::string(level), std::move(item),
                                          st.String(first_stat), st.Int(first_stat + 1),
                                          st.Double(first_stat + 2)});
      };
      CENTRIC_ASSIGN_OR_RETURN(
          auto neighbours,
          conn_.Cached(
              "SELECT n.rank, n.neighbour, n.similarity, n.lift, n.confidence, n.co_customers, "
              "i.name, i.customers, i.unit_price_minor FROM crosssell_neighbours n "
              "JOIN crosssell_items i ON i.level = n.level AND i.item = n.neighbour "
              "WHERE n.level = ? AND n.item = ? ORDER BY n.rank"));
      for (const auto& item : items) {
        neighbours->Bind(1, level).Bind(2, item);
        while (true) {
          CENTRIC_ASSIGN_OR_RETURN(bool row, neighbours->Step());
          if (!row) break;
          CrossSellNeighbour& n = out.neighbours.emplace_back();
          n.level = std::string(level);
          n.item = item;
          n.rank = static_cast<int>(neighbours->Int(0));
          n.neighbour = neighbours->String(1);
          n.similarity = neighbours->Double(2);
          n.lift = neighbours->Double(3);
          n.confidence = neighbours->Double(4);
          n.co_customers = neighbours->Int(5);
          keep(n.neighbour, *neighbours, 6);
        }
        neighbours->Reset();
      }
      CENTRIC_ASSIGN_OR_RETURN(
          auto top,
          conn_.Cached("SELECT item, name, customers, unit_price_minor FROM crosssell_items "
                       "WHERE level = ? ORDER BY customers DESC, item LIMIT ?"));
      top->Bind(1, level).Bind(2, int64_t{std::max(popular, 0)});
      while (true) {
        CENTRIC_ASSIGN_OR_RETURN(bool row, top->Step());
        if (!row) break;
        out.popular.push_back(top->String(0));
        keep(out.popular.back(), *top, 1);
      }
      CENTRIC_ASSIGN_OR_RETURN(
          auto item_row,
          conn_.Cached("SELECT name, customers, unit_price_minor FROM crosssell_items "
                       "WHERE level = ? AND item = ?"));
      for (const auto& item : items) {
        if (known.count(item)) continue;
        item_row->Bind(1, level).Bind(2, item);
        CENTRIC_ASSIGN_OR_RETURN(bool row, item_row->Step());
        if (row) keep(item, *item_row, 0);
        item_row->Reset();
      }
      std::sort(out.items.begin(), out.items.end(),
                [](const CrossSellItem& a, const CrossSellItem& b) { return a.item < b.item; });
      return out;
    }();
    (void)conn_.db().Exec("COMMIT");
    return slice;
  }

  Result<std::vector<CrossSellRule>> ListCrossSellRules(const RuleQuery& query) override {
    if (auto run = LatestCrossSell(); !run) return Error(run.error());
    // An antecedent filter matches the item as a whole JSON string inside the array.
    CENTRIC_ASSIGN_OR_RETURN(
        auto st,
        conn_.Cached("SELECT level, antecedent, consequent, count, antecedent_count, "
                     "consequent_count, support, confidence, lift, leverage, conviction "
                     "FROM crosssell_rules WHERE level = ? AND confidence >= ? AND lift >= ? "
                     "AND (? = '' OR EXISTS (SELECT 1 FROM json_each(antecedent) "
                     "WHERE json_each.value = ?)) "
                     "ORDER BY lift DESC, confidence DESC, count DESC, id LIMIT ?"));
    st->Bind(1, query.level).BindDouble(2, query.min_confidence).BindDouble(3, query.min_lift);
    st->Bind(4, query.antecedent).Bind(5, query.antecedent);
    st->Bind(6, int64_t{internal::ClampLimit(query.limit)});
    std::vector<CrossSellRule> rules;
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      CrossSellRule& r = rules.emplace_back();
      r.level = st->String(0);
      CENTRIC_ASSIGN_OR_RETURN(r.antecedent, internal::StringListFromJson(st->Text(1)));
      CENTRIC_ASSIGN_OR_RETURN(r.consequent, internal::StringListFromJson(st->Text(2)));
      r.count = st->Int(3);
      r.antecedent_count = st->Int(4);
      r.consequent_count = st->Int(5);
      r.support = st->Double(6);
      r.confidence = st->Double(7);
      r.lift = st->Double(8);
      r.leverage = st->Double(9);
      r.conviction = st->IsNull(10) ? std::numeric_limits<double>::infinity() : st->Double(10);
    }
    return rules;
  }

 private:
  SqliteConnection& conn_;
};

}  // namespace

std::unique_ptr<CrossSellStore> MakeSqliteCrossSellStore(SqliteConnection& connection) {
  return std::make_unique<SqliteCrossSellStore>(connection);
}

}  // namespace centric::crosssell
