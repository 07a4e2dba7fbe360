// SPDX-License-Identifier: Apache-2.0
// Webhook subscriptions and deliveries in the PostgreSQL backend. Deliveries are queued and
// settled a batch per statement (unnest of arrays), so a round trip serves hundreds of rows.
#include <fmt/format.h>

#include "areas/webhooks/webhook_changes.h"
#include "areas/webhooks/webhook_rules.h"
#include "areas/webhooks/webhook_store_backends.h"
#include "platform/events/event_log.h"
#include "platform/store/codec.h"
#include "platform/store/postgres/postgres_connection.h"

namespace centric::webhooks {
namespace {

using store::internal::NowSeconds;
using store::postgres::Params;
using store::postgres::PgResult;
using store::postgres::PostgresConnection;

constexpr const char* kSubscriptionColumns =
    "id, url, event_types::text, description, active, start_position, "
    "extract(epoch from created_at)::bigint, extract(epoch from updated_at)::bigint, secret";

Result<Subscription> ReadSubscription(const PgResult& r, int row) {
  Subscription s;
  s.id = r.Int(row, 0);
  s.url = r.String(row, 1);
  CENTRIC_ASSIGN_OR_RETURN(s.event_types, store::internal::StringListFromJson(r.Text(row, 2)));
  s.description = r.String(row, 3);
  s.active = r.Bool(row, 4);
  s.start_position = r.Int(row, 5);
  s.created_at = FromUnixSeconds(r.Int(row, 6));
  s.updated_at = FromUnixSeconds(r.Int(row, 7));
  s.secret = r.String(row, 8);
  return s;
}

int64_t ToMillis(Millis t) { return t.time_since_epoch().count(); }
Millis FromMillis(int64_t ms) { return Millis(std::chrono::milliseconds(ms)); }

// A PostgreSQL array literal of numbers, NULL for an unset one.
template <typename T>
std::string ArrayOf(const std::vector<T>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    if constexpr (std::is_same_v<T, std::optional<int64_t>>) {
      out += values[i] ? std::to_string(*values[i]) : "NULL";
    } else {
      out += std::to_string(values[i]);
    }
  }
  return out + "}";
}

// A PostgreSQL array literal of texts, each quoted.
std::string TextArrayOf(const std::vector<std::string>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

class PostgresWebhookStore final : public WebhookStore {
 public:
  explicit PostgresWebhookStore(PostgresConnection& connection) : connection_(connection) {}

  Result<Subscription> CreateSubscription(const SubscriptionDraft& draft) override {
    CENTRIC_RETURN_IF_ERROR(CheckDraft(draft));
    std::string secret = draft.secret;
    if (secret.empty()) {
      CENTRIC_ASSIGN_OR_RETURN(secret, GenerateSecret());
    }
    Subscription created;
    Status s = connection_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(int64_t last, platform::MakeEventLog(connection_)->LastPosition());
      CENTRIC_ASSIGN_OR_RETURN(
          auto r, Run(fmt::format("INSERT INTO webhook_subscriptions(url, event_types, "
                                  "description, secret, active, start_position, created_at, "
                                  "updated_at) VALUES ($1, $2::jsonb, $3, $4, true, $5, "
                                  "to_timestamp($6::bigint), to_timestamp($6::bigint)) "
                                  "RETURNING {}",
                                  kSubscriptionColumns),
                      Params()
                          .Add(draft.url)
                          .Add(store::internal::StringListToJson(draft.event_types))
                          .Add(draft.description)
                          .Add(secret)
                          .Add(last)
                          .Add(NowSeconds())));
      CENTRIC_ASSIGN_OR_RETURN(created, ReadSubscription(r, 0));
      return connection_.Record(SubscriptionCreated(created));
    });
    if (!s.ok()) return Error(s);
    return created;
  }

  Result<Subscription> GetSubscription(int64_t id) override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto r,
        Run(fmt::format("SELECT {} FROM webhook_subscriptions WHERE id = $1", kSubscriptionColumns),
            Params().Add(id)));
    if (r.rows() == 0) return Error(NotFound(fmt::format("no webhook {}", id)));
    return ReadSubscription(r, 0);
  }

  Result<std::vector<Subscription>> ListSubscriptions() override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto r,
        Run(fmt::format("SELECT {} FROM webhook_subscriptions ORDER BY id", kSubscriptionColumns)));
    std::vector<Subscription> out;
    for (int i = 0; i < r.rows(); ++i) {
      CENTRIC_ASSIGN_OR_RETURN(Subscription s, ReadSubscription(r, i));
      out.push_back(std::move(s));
    }
    return out;
  }

  Result<Subscription> UpdateSubscription(int64_t id, const SubscriptionChange& change) override {
    CENTRIC_RETURN_IF_ERROR(CheckChange(change));
    Subscription after;
    Status s = connection_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(auto current,
                               Run(fmt::format("SELECT {} FROM webhook_subscriptions WHERE id = $1 "
                                               "FOR UPDATE",
                                               kSubscriptionColumns),
                                   Params().Add(id)));
      if (current.rows() == 0) return NotFound(fmt::format("no webhook {}", id));
      CENTRIC_ASSIGN_OR_RETURN(Subscription before, ReadSubscription(current, 0));
      after = before;
      if (change.url) after.url = *change.url;
      if (change.event_types) after.event_types = *change.event_types;
      if (change.description) after.description = *change.description;
      if (change.active) after.active = *change.active;
      after.updated_at = FromUnixSeconds(NowSeconds());
      CENTRIC_ASSIGN_OR_RETURN(
          auto r, Run("UPDATE webhook_subscriptions SET url = $1, event_types = $2::jsonb, "
                      "description = $3, active = $4, updated_at = to_timestamp($5::bigint) "
                      "WHERE id = $6",
                      Params()
                          .Add(after.url)
                          .Add(store::internal::StringListToJson(after.event_types))
                          .Add(after.description)
                          .Add(after.active)
                          .Add(ToUnixSeconds(after.updated_at))
                          .Add(id)));
      (void)r;
      return connection_.Record(SubscriptionUpdated(before, after));
    });
    if (!s.ok()) return Error(s);
    return after;
  }

  Status DeleteSubscription(int64_t id) override {
    return connection_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(Subscription before, GetSubscription(id));
      auto r = Run("DELETE FROM webhook_subscriptions WHERE id = $1", Params().Add(id));
      if (!r) return r.error();
      return connection_.Record(SubscriptionDeleted(before));
    });
  }

  Status QueueDeliveries(const std::vector<NewDelivery>& deliveries, Millis now) override {
    if (deliveries.empty()) return Status::Ok();
    std::vector<int64_t> subscriptions, positions;
    std::vector<std::string> types;
    std::vector<std::optional<int64_t>> lanes;
    for (const auto& d : deliveries) {
      subscriptions.push_back(d.subscription_id);
      positions.push_back(d.event_position);
      types.push_back(d.event_type);
      lanes.push_back(d.customer_id);
    }
    auto r =
        Run("INSERT INTO webhook_deliveries(subscription_id, event_position, event_type, "
            "lane, status, next_attempt_at, created_at) "
            "SELECT s, p, t, l, 'pending', to_timestamp($5::bigint / 1000.0), "
            "to_timestamp($5::bigint / 1000) "
            "FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[]) AS x(s, p, t, l) "
            "ORDER BY p, s "
            "ON CONFLICT (subscription_id, event_position) DO NOTHING",
            Params()
                .Add(ArrayOf(subscriptions))
                .Add(ArrayOf(positions))
                .Add(TextArrayOf(types))
                .Add(ArrayOf(lanes))
                .Add(ToMillis(now)));
    return r ? Status::Ok() : r.error();
  }

  Result<std::vector<DueDelivery>> DueDeliveries(Millis now, int limit) override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto r, Run("SELECT d.id, d.subscription_id, s.url, s.secret, d.attempts, "
                    "extract(epoch from d.created_at)::bigint, e.position, e.type, e.customer_id, "
                    "e.actor_kind, e.actor_name, extract(epoch from e.at)::bigint, e.payload::text "
                    "FROM webhook_deliveries d "
                    "JOIN webhook_subscriptions s ON s.id = d.subscription_id "
                    "JOIN events e ON e.position = d.event_position "
                    "WHERE d.status = 'pending' AND d.next_attempt_at <= to_timestamp($1::bigint / "
                    "1000.0) AND s.active "
                    "AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p "
                    "  WHERE p.status = 'pending' AND p.subscription_id = d.subscription_id "
                    "  AND p.lane = d.lane AND p.id < d.id) "
                    "ORDER BY d.id LIMIT $2",
                    Params().Add(ToMillis(now)).Add(int64_t{limit})));
    std::vector<DueDelivery> out;
    for (int i = 0; i < r.rows(); ++i) {
      DueDelivery d;
      d.id = r.Int(i, 0);
      d.subscription_id = r.Int(i, 1);
      d.url = r.String(i, 2);
      d.secret = r.String(i, 3);
      d.attempts = static_cast<int>(r.Int(i, 4));
      d.created_at = FromUnixSeconds(r.Int(i, 5));
      d.position = r.Int(i, 6);
      d.type = r.String(i, 7);
      if (!r.IsNull(i, 8)) d.customer_id = r.Int(i, 8);
      d.actor_kind = r.String(i, 9);
      d.actor_name = r.String(i, 10);
      d.at = FromUnixSeconds(r.Int(i, 11));
      d.payload_json = r.String(i, 12);
      out.push_back(std::move(d));
    }
    return out;
  }

  Status RecordAttempts(const std::vector<Attempt>& attempts) override {
    if (attempts.empty()) return Status::Ok();
    std::vector<int64_t> ids, next, latencies;
    std::vector<std::optional<int64_t>> codes, finished;
    std::vector<std::string> statuses, errors;
    for (const auto& a : attempts) {
      ids.push_back(a.delivery_id);
      statuses.emplace_back(DeliveryStatusName(a.status));
      next.push_back(ToMillis(a.next_attempt_at));
      codes.push_back(a.status_code ? std::optional<int64_t>(*a.status_code) : std::nullopt);
      errors.push_back(a.error);
      latencies.push_back(a.latency_ms);
      finished.push_back(a.status != DeliveryStatus::kPending
                             ? std::optional<int64_t>(ToUnixSeconds(a.at))
                             : std::nullopt);
    }
    auto r =
        Run("UPDATE webhook_deliveries d SET status = x.status, attempts = d.attempts + 1, "
            "next_attempt_at = to_timestamp(x.next / 1000.0), last_status_code = x.code, "
            "last_error = x.error, latency_ms = x.latency, "
            "finished_at = to_timestamp(x.finished) "
            "FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::int[], $5::text[], "
            "$6::bigint[], $7::bigint[]) AS x(id, status, next, code, error, latency, "
            "finished) WHERE d.id = x.id",
            Params()
                .Add(ArrayOf(ids))
                .Add(TextArrayOf(statuses))
                .Add(ArrayOf(next))
                .Add(ArrayOf(codes))
                .Add(TextArrayOf(errors))
                .Add(ArrayOf(latencies))
                .Add(ArrayOf(finished)));
    return r ? Status::Ok() : r.error();
  }

  Result<int64_t> RecordPing(int64_t subscription_id, const Attempt& attempt) override {
    int64_t id = 0;
    Status s = connection_.Transaction([&]() -> Status {
      Params params;
      params.Add(subscription_id)
          .Add(DeliveryStatusName(attempt.status))
          .Add(ToMillis(attempt.next_attempt_at));
      params.Add(attempt.status_code ? std::optional<int64_t>(*attempt.status_code) : std::nullopt);
      params.Add(attempt.error).Add(attempt.latency_ms).Add(ToUnixSeconds(attempt.at));
      auto r =
          Run("INSERT INTO webhook_deliveries(subscription_id, event_type, status, "
              "attempts, next_attempt_at, last_status_code, last_error, latency_ms, "
              "created_at, finished_at) VALUES ($1, 'ping', $2, 1, "
              "to_timestamp($3::bigint / 1000.0), $4, $5, $6, to_timestamp($7::bigint), "
              "to_timestamp($7::bigint)) RETURNING id",
              params);
      if (!r) {
        if (r.error().code() == StatusCode::kFailedPrecondition) {
          return NotFound(fmt::format("no webhook {}", subscription_id));
        }
        return r.error();
      }
      id = r->Int(0, 0);
      return connection_.Record(PingSent(subscription_id, id, attempt));
    });
    if (!s.ok()) return Error(s);
    return id;
  }

  Result<store::Page<Delivery>> ListDeliveries(const DeliveryFilter& filter) override {
    if (auto known = GetSubscription(filter.subscription_id); !known) return Error(known.error());
    int64_t before = 0;
    if (!filter.page.cursor.empty()) {
      CENTRIC_ASSIGN_OR_RETURN(before, store::internal::DecodeIdCursor(filter.page.cursor));
    }
    const int limit = store::internal::ClampLimit(filter.page.limit);
    CENTRIC_ASSIGN_OR_RETURN(
        auto r,
        Run("SELECT id, subscription_id, event_position, event_type, lane, status, attempts, "
            "(extract(epoch from next_attempt_at) * 1000)::bigint, last_status_code, "
            "last_error, latency_ms, extract(epoch from created_at)::bigint, "
            "extract(epoch from finished_at)::bigint "
            "FROM webhook_deliveries WHERE subscription_id = $1 "
            "AND ($2 = 0 OR id < $2) AND ($3 = '' OR status = $3) "
            "ORDER BY id DESC LIMIT $4",
            Params()
                .Add(filter.subscription_id)
                .Add(before)
                .Add(filter.status ? DeliveryStatusName(*filter.status) : std::string_view())
                .Add(int64_t{limit + 1})));
    store::Page<Delivery> page;
    for (int i = 0; i < r.rows(); ++i) {
      Delivery d;
      d.id = r.Int(i, 0);
      d.subscription_id = r.Int(i, 1);
      if (!r.IsNull(i, 2)) d.event_position = r.Int(i, 2);
      d.event_type = r.String(i, 3);
      if (!r.IsNull(i, 4)) d.customer_id = r.Int(i, 4);
      CENTRIC_ASSIGN_OR_RETURN(d.status, ParseDeliveryStatus(r.Text(i, 5)));
      d.attempts = static_cast<int>(r.Int(i, 6));
      d.next_attempt_at = FromMillis(r.Int(i, 7));
      if (!r.IsNull(i, 8)) d.last_status_code = static_cast<int>(r.Int(i, 8));
      d.last_error = r.String(i, 9);
      if (!r.IsNull(i, 10)) d.latency_ms = r.Int(i, 10);
      d.created_at = FromUnixSeconds(r.Int(i, 11));
      if (!r.IsNull(i, 12)) d.finished_at = FromUnixSeconds(r.Int(i, 12));
      page.items.push_back(std::move(d));
    }
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.pop_back();
      page.next_cursor = store::internal::EncodeIdCursor(page.items.back().id);
    }
    return page;
  }

  Result<int64_t> PendingCount() override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto r, Run("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'"));
    return r.Int(0, 0);
  }

  Result<int64_t> PruneDeliveries(Timestamp before) override {
    CENTRIC_ASSIGN_OR_RETURN(auto r, Run("DELETE FROM webhook_deliveries WHERE status <> 'pending' "
                                         "AND finished_at < to_timestamp($1::bigint)",
                                         Params().Add(ToUnixSeconds(before))));
    return r.affected();
  }

 private:
  Result<PgResult> Run(const std::string& sql, const Params& params = {}) {
    return connection_.conn().Run(sql, params);
  }

  PostgresConnection& connection_;
};

}  // namespace

std::unique_ptr<WebhookStore> MakePostgresWebhookStore(PostgresConnection& connection) {
  return std::make_unique<PostgresWebhookStore>(connection);
}

}  // namespace centric::webhooks
