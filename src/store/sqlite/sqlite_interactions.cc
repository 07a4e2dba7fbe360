// SPDX-License-Identifier: Apache-2.0
// Interactions and the merged timeline of the SQLite backend.
#include <fmt/format.h>

#include <climits>

#include "platform/store/codec.h"
#include "store/sqlite/sqlite_store.h"

namespace centric::store::sqlite {

using internal::NowSeconds;

namespace {

Interaction ReadInteraction(const Statement& st) {
  Interaction i;
  i.id = st.Int(0);
  i.customer_id = st.Int(1);
  i.kind = st.String(2);
  i.channel = st.String(3);
  i.occurred_at = FromUnixSeconds(st.Int(4));
  i.summary = st.String(5);
  i.details = st.String(6);
  i.author = st.String(7);
  i.created_at = FromUnixSeconds(st.Int(8));
  return i;
}

constexpr const char* kInteractionColumns =
    "id, customer_id, kind, channel, occurred_at, summary, details, author, created_at";

}  // namespace

// ---- interactions

Result<Interaction> SqliteStore::CreateInteraction(const Interaction& interaction) {
  CENTRIC_RETURN_IF_ERROR(ValidateInteraction(interaction));
  InteractionId id = 0;
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, Cached("INSERT INTO interactions(customer_id, kind, channel, occurred_at, "
                        "summary, details, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    st->Bind(1, interaction.customer_id).Bind(2, interaction.kind).Bind(3, interaction.channel);
    st->Bind(4, ToUnixSeconds(interaction.occurred_at)).Bind(5, interaction.summary);
    st->Bind(6, interaction.details.empty() ? std::string_view("{}") : interaction.details);
    st->Bind(7, interaction.author).Bind(8, NowSeconds());
    Status insert = st->Run();
    if (insert.code() == StatusCode::kFailedPrecondition) {
      return Status(StatusCode::kNotFound,
                    fmt::format("no customer {}", interaction.customer_id), "customer_id");
    }
    CENTRIC_RETURN_IF_ERROR(insert);
    id = conn_.db().LastInsertRowid();
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return GetInteraction(id);
}

Result<Interaction> SqliteStore::GetInteraction(InteractionId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto st, Cached("SELECT id, customer_id, kind, channel, occurred_at, summary, details, "
                      "author, created_at FROM interactions WHERE id = ?"));
  st->Bind(1, id);
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound(fmt::format("no interaction {}", id)));
  return ReadInteraction(*st);
}

Result<Interaction> SqliteStore::UpdateInteraction(const Interaction& interaction) {
  CENTRIC_RETURN_IF_ERROR(ValidateInteraction(interaction));
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, Cached("UPDATE interactions SET customer_id = ?, kind = ?, channel = ?, "
                        "occurred_at = ?, summary = ?, details = ?, author = ? WHERE id = ?"));
    st->Bind(1, interaction.customer_id).Bind(2, interaction.kind).Bind(3, interaction.channel);
    st->Bind(4, ToUnixSeconds(interaction.occurred_at)).Bind(5, interaction.summary);
    st->Bind(6, interaction.details.empty() ? std::string_view("{}") : interaction.details);
    st->Bind(7, interaction.author).Bind(8, interaction.id);
    Status update = st->Run();
    if (update.code() == StatusCode::kFailedPrecondition) {
      return Status(StatusCode::kNotFound,
                    fmt::format("no customer {}", interaction.customer_id), "customer_id");
    }
    CENTRIC_RETURN_IF_ERROR(update);
    if (sqlite3_changes(conn_.db().raw()) == 0) {
      return NotFound(fmt::format("no interaction {}", interaction.id));
    }
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return GetInteraction(interaction.id);
}

Status SqliteStore::DeleteInteraction(InteractionId id) {
  return InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("DELETE FROM interactions WHERE id = ?"));
    st->Bind(1, id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0) return NotFound(fmt::format("no interaction {}", id));
    return Status::Ok();
  });
}

Result<Page<Interaction>> SqliteStore::ListInteractions(const InteractionFilter& filter) {
  CENTRIC_ASSIGN_OR_RETURN(int64_t after, internal::DecodeIdCursor(filter.page.cursor));
  int limit = internal::ClampLimit(filter.page.limit);
  std::string sql = fmt::format("SELECT {} FROM interactions WHERE id > ?1", kInteractionColumns);
  if (filter.customer_id) sql += " AND customer_id = ?2";
  if (!filter.kind.empty()) sql += " AND kind = ?3";
  sql += " ORDER BY id LIMIT ?4";
  CENTRIC_ASSIGN_OR_RETURN(auto st, Cached(sql.c_str()));
  st->Bind(1, after);
  if (filter.customer_id) st->Bind(2, *filter.customer_id);
  if (!filter.kind.empty()) st->Bind(3, filter.kind);
  st->Bind(4, int64_t{limit} + 1);
  Page<Interaction> page;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    page.items.push_back(ReadInteraction(*st));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = internal::EncodeIdCursor(page.items.back().id);
  }
  return page;
}

// ---- timeline

Result<Page<TimelineEvent>> SqliteStore::Timeline(CustomerId customer_id,
                                                   const PageRequest& request) {
  internal::TimelinePosition before{INT64_MAX, 1, INT64_MAX};
  if (!request.cursor.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(before, internal::DecodeTimelineCursor(request.cursor));
  }
  int limit = internal::ClampLimit(request.limit);
  {
    CENTRIC_ASSIGN_OR_RETURN(auto exists, Cached("SELECT 1 FROM customers WHERE id = ?"));
    exists->Bind(1, customer_id);
    CENTRIC_ASSIGN_OR_RETURN(bool row, exists->Step());
    if (!row) return Error(NotFound(fmt::format("no customer {}", customer_id)));
  }
  // Each branch walks its (customer_id, time) index backwards and stops at the limit, so a
  // page costs O(limit) whatever the customer's history.
  CENTRIC_ASSIGN_OR_RETURN(
      auto st,
      Cached("SELECT at, rank, id, kind, channel, summary, amount, currency FROM ("
             " SELECT * FROM (SELECT ordered_at AS at, 0 AS rank, id, status AS kind, "
             "  '' AS channel, external_id AS summary, total_minor AS amount, currency "
             "  FROM orders WHERE customer_id = ?1 AND (ordered_at, 0, id) < (?2, ?3, ?4) "
             "  ORDER BY ordered_at DESC, id DESC LIMIT ?5)"
             " UNION ALL "
             " SELECT * FROM (SELECT occurred_at, 1, id, kind, channel, summary, 0, '' "
             "  FROM interactions WHERE customer_id = ?1 AND (occurred_at, 1, id) < (?2, ?3, ?4) "
             "  ORDER BY occurred_at DESC, id DESC LIMIT ?5)"
             ") ORDER BY at DESC, rank DESC, id DESC LIMIT ?5"));
  st->Bind(1, customer_id).Bind(2, before.at).Bind(3, int64_t{before.rank}).Bind(4, before.id);
  st->Bind(5, int64_t{limit} + 1);
  Page<TimelineEvent> page;
  std::vector<internal::TimelinePosition> positions;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    TimelineEvent e;
    e.at = FromUnixSeconds(st->Int(0));
    e.type = st->Int(1) == 0 ? TimelineEvent::Type::kOrder : TimelineEvent::Type::kInteraction;
    e.id = st->Int(2);
    e.kind = st->String(3);
    e.channel = st->String(4);
    e.summary = st->String(5);
    e.amount_minor = st->Int(6);
    e.currency = st->String(7);
    positions.push_back({st->Int(0), static_cast<int>(st->Int(1)), e.id});
    page.items.push_back(std::move(e));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = internal::EncodeTimelineCursor(positions[limit - 1]);
  }
  return page;
}

}  // namespace centric::store::sqlite
