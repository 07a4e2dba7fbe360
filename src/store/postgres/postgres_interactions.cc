// SPDX-License-Identifier: Apache-2.0
// Interactions and the merged timeline of the PostgreSQL backend.
#include <fmt/format.h>

#include <climits>

#include "platform/store/codec.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store.h"

namespace centric::store::postgres {

using internal::NowSeconds;


// ---- interactions

namespace {
Params InteractionParams(const Interaction& i) {
  Params p;
  p.Add(i.customer_id).Add(i.kind).Add(i.channel).Add(ToUnixSeconds(i.occurred_at));
  p.Add(i.summary).Add(i.details.empty() ? std::string_view("{}") : std::string_view(i.details));
  p.Add(i.author);
  return p;
}

Status MapInteractionWriteError(const Status& s, const Interaction& i) {
  if (s.code() == StatusCode::kFailedPrecondition) {
    return Status(StatusCode::kNotFound, fmt::format("no customer {}", i.customer_id),
                  "customer_id");
  }
  if (s.code() == StatusCode::kInvalidArgument) return InvalidArgument(s.message(), "details");
  return s;
}
}  // namespace

Result<Interaction> PostgresStore::CreateInteraction(const Interaction& interaction) {
  CENTRIC_RETURN_IF_ERROR(ValidateInteraction(interaction));
  Params params = InteractionParams(interaction);
  params.Add(NowSeconds());
  auto r = connection_.conn().Run(
      "INSERT INTO interactions(customer_id, kind, channel, occurred_at, summary, details, "
      "author, created_at) VALUES ($1, $2, $3, to_timestamp($4::bigint), $5, $6::jsonb, $7, "
      "to_timestamp($8::bigint)) RETURNING id",
      params);
  if (!r) return Error(MapInteractionWriteError(r.error(), interaction));
  return GetInteraction(r->Int(0, 0));
}

Result<Interaction> PostgresStore::GetInteraction(InteractionId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run(fmt::format("SELECT {} FROM interactions WHERE id = $1", kInteractionColumns),
                         Params().Add(id)));
  if (r.rows() == 0) return Error(NotFound(fmt::format("no interaction {}", id)));
  return ReadInteraction(r, 0);
}

Result<Interaction> PostgresStore::UpdateInteraction(const Interaction& interaction) {
  CENTRIC_RETURN_IF_ERROR(ValidateInteraction(interaction));
  Params params = InteractionParams(interaction);
  params.Add(interaction.id);
  auto r = connection_.conn().Run(
      "UPDATE interactions SET customer_id = $1, kind = $2, channel = $3, "
      "occurred_at = to_timestamp($4::bigint), summary = $5, details = $6::jsonb, author = $7 "
      "WHERE id = $8",
      params);
  if (!r) return Error(MapInteractionWriteError(r.error(), interaction));
  if (r->affected() == 0) return Error(NotFound(fmt::format("no interaction {}", interaction.id)));
  return GetInteraction(interaction.id);
}

Status PostgresStore::DeleteInteraction(InteractionId id) {
  CENTRIC_ASSIGN_OR_RETURN(auto r,
                           connection_.conn().Run("DELETE FROM interactions WHERE id = $1", Params().Add(id)));
  if (r.affected() == 0) return NotFound(fmt::format("no interaction {}", id));
  return Status::Ok();
}

Result<Page<Interaction>> PostgresStore::ListInteractions(const InteractionFilter& filter) {
  CENTRIC_ASSIGN_OR_RETURN(int64_t after, internal::DecodeIdCursor(filter.page.cursor));
  int limit = internal::ClampLimit(filter.page.limit);
  Params params;
  params.Add(after).Add(int64_t{limit} + 1);
  std::string sql = fmt::format("SELECT {} FROM interactions WHERE id > $1", kInteractionColumns);
  int n = 2;
  if (filter.customer_id) {
    sql += fmt::format(" AND customer_id = ${}", ++n);
    params.Add(*filter.customer_id);
  }
  if (!filter.kind.empty()) {
    sql += fmt::format(" AND kind = ${}", ++n);
    params.Add(filter.kind);
  }
  sql += " ORDER BY id LIMIT $2";
  CENTRIC_ASSIGN_OR_RETURN(auto r, connection_.conn().Run(sql, params));
  Page<Interaction> page;
  for (int i = 0; i < r.rows(); ++i) page.items.push_back(ReadInteraction(r, i));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = internal::EncodeIdCursor(page.items.back().id);
  }
  return page;
}

// ---- timeline

Result<Page<TimelineEvent>> PostgresStore::Timeline(CustomerId customer_id,
                                                     const PageRequest& request) {
  internal::TimelinePosition before{INT64_MAX / 2, 1, INT64_MAX};
  if (!request.cursor.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(before, internal::DecodeTimelineCursor(request.cursor));
  }
  int limit = internal::ClampLimit(request.limit);
  CENTRIC_ASSIGN_OR_RETURN(auto exists, connection_.conn().Run("SELECT 1 FROM customers WHERE id = $1",
                                                   Params().Add(customer_id)));
  if (exists.rows() == 0) return Error(NotFound(fmt::format("no customer {}", customer_id)));
  // Both branches read their (customer_id, time) index newest first and stop at the limit.
  CENTRIC_ASSIGN_OR_RETURN(
      auto r,
      connection_.conn().Run(
          "SELECT at, rank, id, kind, channel, summary, amount, currency FROM ("
          " (SELECT extract(epoch from ordered_at)::bigint AS at, 0 AS rank, id, status AS kind, "
          "   '' AS channel, external_id AS summary, total_minor AS amount, currency "
          "  FROM orders WHERE customer_id = $1 "
          "   AND (extract(epoch from ordered_at)::bigint, 0, id) < ($2::bigint, $3::int, $4::bigint) "
          "  ORDER BY ordered_at DESC, id DESC LIMIT $5)"
          " UNION ALL "
          " (SELECT extract(epoch from occurred_at)::bigint, 1, id, kind, channel, summary, 0, '' "
          "  FROM interactions WHERE customer_id = $1 "
          "   AND (extract(epoch from occurred_at)::bigint, 1, id) < ($2::bigint, $3::int, $4::bigint) "
          "  ORDER BY occurred_at DESC, id DESC LIMIT $5)"
          ") t ORDER BY at DESC, rank DESC, id DESC LIMIT $5",
          Params().Add(customer_id).Add(before.at).Add(int64_t{before.rank}).Add(before.id)
              .Add(int64_t{limit} + 1)));
  Page<TimelineEvent> page;
  std::vector<internal::TimelinePosition> positions;
  for (int i = 0; i < r.rows(); ++i) {
    TimelineEvent e;
    e.at = FromUnixSeconds(r.Int(i, 0));
    e.type = r.Int(i, 1) == 0 ? TimelineEvent::Type::kOrder : TimelineEvent::Type::kInteraction;
    e.id = r.Int(i, 2);
    e.kind = r.String(i, 3);
    e.channel = r.String(i, 4);
    e.summary = r.String(i, 5);
    e.amount_minor = r.Int(i, 6);
    e.currency = r.String(i, 7);
    positions.push_back({r.Int(i, 0), static_cast<int>(r.Int(i, 1)), e.id});
    page.items.push_back(std::move(e));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = internal::EncodeTimelineCursor(positions[limit - 1]);
  }
  return page;
}

}  // namespace centric::store::postgres
