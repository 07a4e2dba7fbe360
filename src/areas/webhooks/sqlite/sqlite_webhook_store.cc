// SPDX-License-Identifier: Apache-2.0
// Webhook subscriptions and deliveries in the SQLite backend.
#include <fmt/format.h>

#include "areas/webhooks/webhook_changes.h"
#include "areas/webhooks/webhook_rules.h"
#include "areas/webhooks/webhook_store_backends.h"
#include "platform/events/event_log.h"
#include "platform/store/codec.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::webhooks {
namespace {

using store::internal::NowSeconds;
using store::sqlite::SqliteConnection;
using store::sqlite::Statement;

constexpr const char* kSubscriptionColumns =
    "id, url, event_types, description, active, start_position, created_at, updated_at, secret";

Result<Subscription> ReadSubscription(const Statement& st) {
  Subscription s;
  s.id = st.Int(0);
  s.url = st.String(1);
  CENTRIC_ASSIGN_OR_RETURN(s.event_types, store::internal::StringListFromJson(st.Text(2)));
  s.description = st.String(3);
  s.active = st.Int(4) != 0;
  s.start_position = st.Int(5);
  s.created_at = FromUnixSeconds(st.Int(6));
  s.updated_at = FromUnixSeconds(st.Int(7));
  s.secret = st.String(8);
  return s;
}

int64_t ToMillis(Millis t) { return t.time_since_epoch().count(); }
Millis FromMillis(int64_t ms) { return Millis(std::chrono::milliseconds(ms)); }

void BindOptional(Statement& st, int index, const std::optional<int64_t>& value) {
  if (value) {
    st.Bind(index, *value);
  } else {
    st.BindNull(index);
  }
}

class SqliteWebhookStore final : public WebhookStore {
 public:
  explicit SqliteWebhookStore(SqliteConnection& connection) : conn_(connection) {}

  Result<Subscription> CreateSubscription(const SubscriptionDraft& draft) override {
    CENTRIC_RETURN_IF_ERROR(CheckDraft(draft));
    std::string secret = draft.secret;
    if (secret.empty()) {
      CENTRIC_ASSIGN_OR_RETURN(secret, GenerateSecret());
    }
    Subscription created;
    Status s = conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(int64_t last, platform::MakeEventLog(conn_)->LastPosition());
      CENTRIC_ASSIGN_OR_RETURN(
          auto st, conn_.Cached("INSERT INTO webhook_subscriptions(url, event_types, "
                                "description, secret, active, start_position, created_at, "
                                "updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)"));
      const int64_t now = NowSeconds();
      st->Bind(1, draft.url).Bind(2, store::internal::StringListToJson(draft.event_types));
      st->Bind(3, draft.description).Bind(4, secret).Bind(5, last).Bind(6, now).Bind(7, now);
      CENTRIC_RETURN_IF_ERROR(st->Run());
      CENTRIC_ASSIGN_OR_RETURN(created, GetSubscription(conn_.db().LastInsertRowid()));
      return conn_.Record(SubscriptionCreated(created));
    });
    if (!s.ok()) return Error(s);
    return created;
  }

  Result<Subscription> GetSubscription(int64_t id) override {
    CENTRIC_ASSIGN_OR_RETURN(auto st,
                             conn_.Cached("SELECT id, url, event_types, description, active, "
                                          "start_position, created_at, updated_at, secret "
                                          "FROM webhook_subscriptions WHERE id = ?"));
    st->Bind(1, id);
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Error(NotFound(fmt::format("no webhook {}", id)));
    return ReadSubscription(*st);
  }

  Result<std::vector<Subscription>> ListSubscriptions() override {
    CENTRIC_ASSIGN_OR_RETURN(auto st,
                             conn_.Cached("SELECT id, url, event_types, description, active, "
                                          "start_position, created_at, updated_at, secret "
                                          "FROM webhook_subscriptions ORDER BY id"));
    std::vector<Subscription> out;
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) return out;
      CENTRIC_ASSIGN_OR_RETURN(Subscription s, ReadSubscription(*st));
      out.push_back(std::move(s));
    }
  }

  Result<Subscription> UpdateSubscription(int64_t id, const SubscriptionChange& change) override {
    CENTRIC_RETURN_IF_ERROR(CheckChange(change));
    Subscription after;
    Status s = conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(Subscription before, GetSubscription(id));
      after = before;
      if (change.url) after.url = *change.url;
      if (change.event_types) after.event_types = *change.event_types;
      if (change.description) after.description = *change.description;
      if (change.active) after.active = *change.active;
      after.updated_at = FromUnixSeconds(NowSeconds());
      CENTRIC_ASSIGN_OR_RETURN(
          auto st, conn_.Cached("UPDATE webhook_subscriptions SET url = ?, event_types = ?, "
                                "description = ?, active = ?, updated_at = ? WHERE id = ?"));
      st->Bind(1, after.url).Bind(2, store::internal::StringListToJson(after.event_types));
      st->Bind(3, after.description).Bind(4, int64_t{after.active});
      st->Bind(5, ToUnixSeconds(after.updated_at)).Bind(6, id);
      CENTRIC_RETURN_IF_ERROR(st->Run());
      return conn_.Record(SubscriptionUpdated(before, after));
    });
    if (!s.ok()) return Error(s);
    return after;
  }

  Status DeleteSubscription(int64_t id) override {
    return conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(Subscription before, GetSubscription(id));
      CENTRIC_ASSIGN_OR_RETURN(auto st,
                               conn_.Cached("DELETE FROM webhook_subscriptions WHERE id = ?"));
      st->Bind(1, id);
      CENTRIC_RETURN_IF_ERROR(st->Run());
      return conn_.Record(SubscriptionDeleted(before));
    });
  }

  Status QueueDeliveries(const std::vector<NewDelivery>& deliveries, Millis now) override {
    if (deliveries.empty()) return Status::Ok();
    return conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto st, conn_.Cached("INSERT INTO webhook_deliveries(subscription_id, "
                                "event_position, event_type, lane, status, next_attempt_at, "
                                "created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?) "
                                "ON CONFLICT(subscription_id, event_position) DO NOTHING"));
      const int64_t seconds = ToMillis(now) / 1000;
      for (const auto& d : deliveries) {
        st->Bind(1, d.subscription_id).Bind(2, d.event_position).Bind(3, d.event_type);
        BindOptional(*st, 4, d.customer_id);
        st->Bind(5, ToMillis(now)).Bind(6, seconds);
        CENTRIC_RETURN_IF_ERROR(st->Run());
      }
      return Status::Ok();
    });
  }

  Result<std::vector<DueDelivery>> DueDeliveries(Millis now, int limit) override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st,
        conn_.Cached(
            "SELECT d.id, d.subscription_id, s.url, s.secret, d.attempts, d.created_at, "
            "e.position, e.type, e.customer_id, e.actor_kind, e.actor_name, e.at, e.payload "
            "FROM webhook_deliveries d "
            "JOIN webhook_subscriptions s ON s.id = d.subscription_id "
            "JOIN events e ON e.position = d.event_position "
            "WHERE d.status = 'pending' AND d.next_attempt_at <= ?1 AND s.active = 1 "
            "AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p "
            "  WHERE p.status = 'pending' AND p.subscription_id = d.subscription_id "
            "  AND p.lane = d.lane AND p.id < d.id) "
            "ORDER BY d.id LIMIT ?2"));
    st->Bind(1, ToMillis(now)).Bind(2, int64_t{limit});
    std::vector<DueDelivery> out;
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) return out;
      DueDelivery d;
      d.id = st->Int(0);
      d.subscription_id = st->Int(1);
      d.url = st->String(2);
      d.secret = st->String(3);
      d.attempts = static_cast<int>(st->Int(4));
      d.created_at = FromUnixSeconds(st->Int(5));
      d.position = st->Int(6);
      d.type = st->String(7);
      if (!st->IsNull(8)) d.customer_id = st->Int(8);
      d.actor_kind = st->String(9);
      d.actor_name = st->String(10);
      d.at = FromUnixSeconds(st->Int(11));
      d.payload_json = st->String(12);
      out.push_back(std::move(d));
    }
  }

  Status RecordAttempts(const std::vector<Attempt>& attempts) override {
    if (attempts.empty()) return Status::Ok();
    return conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto st, conn_.Cached("UPDATE webhook_deliveries SET status = ?, attempts = attempts "
                                "+ 1, next_attempt_at = ?, last_status_code = ?, last_error = "
                                "?, latency_ms = ?, finished_at = ? WHERE id = ?"));
      for (const auto& a : attempts) {
        const bool settled = a.status != DeliveryStatus::kPending;
        st->Bind(1, DeliveryStatusName(a.status)).Bind(2, ToMillis(a.next_attempt_at));
        BindOptional(*st, 3, a.status_code ? std::optional<int64_t>(*a.status_code) : std::nullopt);
        st->Bind(4, a.error).Bind(5, a.latency_ms);
        BindOptional(*st, 6, settled ? std::optional<int64_t>(ToUnixSeconds(a.at)) : std::nullopt);
        st->Bind(7, a.delivery_id);
        CENTRIC_RETURN_IF_ERROR(st->Run());
      }
      return Status::Ok();
    });
  }

  Result<int64_t> RecordPing(int64_t subscription_id, const Attempt& attempt) override {
    int64_t id = 0;
    Status s = conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto st, conn_.Cached("INSERT INTO webhook_deliveries(subscription_id, event_type, "
                                "status, attempts, next_attempt_at, last_status_code, "
                                "last_error, latency_ms, created_at, finished_at) "
                                "VALUES (?, 'ping', ?, 1, ?, ?, ?, ?, ?, ?)"));
      st->Bind(1, subscription_id).Bind(2, DeliveryStatusName(attempt.status));
      st->Bind(3, ToMillis(attempt.next_attempt_at));
      BindOptional(
          *st, 4,
          attempt.status_code ? std::optional<int64_t>(*attempt.status_code) : std::nullopt);
      st->Bind(5, attempt.error).Bind(6, attempt.latency_ms);
      st->Bind(7, ToUnixSeconds(attempt.at)).Bind(8, ToUnixSeconds(attempt.at));
      Status run = st->Run();
      if (run.code() == StatusCode::kFailedPrecondition) {
        return NotFound(fmt::format("no webhook {}", subscription_id));
      }
      CENTRIC_RETURN_IF_ERROR(run);
      id = conn_.db().LastInsertRowid();
      return conn_.Record(PingSent(subscription_id, id, attempt));
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
        auto st,
        conn_.Cached("SELECT d.id, d.subscription_id, d.event_position, d.event_type, d.lane, "
                     "d.status, d.attempts, d.next_attempt_at, d.last_status_code, "
                     "d.last_error, d.latency_ms, d.created_at, d.finished_at "
                     "FROM webhook_deliveries d WHERE d.subscription_id = ?1 "
                     "AND (?2 = 0 OR d.id < ?2) AND (?3 = '' OR d.status = ?3) "
                     "ORDER BY d.id DESC LIMIT ?4"));
    st->Bind(1, filter.subscription_id).Bind(2, before);
    st->Bind(3, filter.status ? DeliveryStatusName(*filter.status) : std::string_view(""));
    st->Bind(4, int64_t{limit + 1});
    store::Page<Delivery> page;
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      Delivery d;
      d.id = st->Int(0);
      d.subscription_id = st->Int(1);
      if (!st->IsNull(2)) d.event_position = st->Int(2);
      d.event_type = st->String(3);
      if (!st->IsNull(4)) d.customer_id = st->Int(4);
      CENTRIC_ASSIGN_OR_RETURN(d.status, ParseDeliveryStatus(st->Text(5)));
      d.attempts = static_cast<int>(st->Int(6));
      d.next_attempt_at = FromMillis(st->Int(7));
      if (!st->IsNull(8)) d.last_status_code = static_cast<int>(st->Int(8));
      d.last_error = st->String(9);
      if (!st->IsNull(10)) d.latency_ms = st->Int(10);
      d.created_at = FromUnixSeconds(st->Int(11));
      if (!st->IsNull(12)) d.finished_at = FromUnixSeconds(st->Int(12));
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
        auto st, conn_.Cached("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'"));
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    return row ? st->Int(0) : 0;
  }

  Result<int64_t> PruneDeliveries(Timestamp before) override {
    int64_t removed = 0;
    Status s = conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto st, conn_.Cached("DELETE FROM webhook_deliveries WHERE status <> 'pending' "
                                "AND finished_at < ?"));
      st->Bind(1, ToUnixSeconds(before));
      CENTRIC_RETURN_IF_ERROR(st->Run());
      removed = sqlite3_changes(conn_.db().raw());
      return Status::Ok();
    });
    if (!s.ok()) return Error(s);
    return removed;
  }

 private:
  SqliteConnection& conn_;
};

}  // namespace

std::unique_ptr<WebhookStore> MakeSqliteWebhookStore(SqliteConnection& connection) {
  return std::make_unique<SqliteWebhookStore>(connection);
}

}  // namespace centric::webhooks
