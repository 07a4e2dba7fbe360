// SPDX-License-Identifier: Apache-2.0
// Web app users, their sessions and saved views in the PostgreSQL backend.
#include <fmt/format.h>

#include "platform/store/codec.h"
#include "store/postgres/postgres_store.h"

namespace centric::store::postgres {
namespace {

constexpr const char* kUserColumns =
    "id, email, name, role, disabled, extract(epoch from created_at)::bigint, "
    "extract(epoch from updated_at)::bigint";

Result<User> ReadUser(const PgResult& r, int row) {
  User u;
  u.id = r.Int(row, 0);
  u.email = r.String(row, 1);
  u.name = r.String(row, 2);
  CENTRIC_ASSIGN_OR_RETURN(u.role, ParseRole(r.Text(row, 3)));
  u.disabled = r.Bool(row, 4);
  u.created_at = FromUnixSeconds(r.Int(row, 5));
  u.updated_at = FromUnixSeconds(r.Int(row, 6));
  return u;
}

}  // namespace

Result<User> PostgresStore::CreateUser(const User& user, std::string_view password_hash) {
  const std::string email = internal::NormalizeEmail(user.email);
  if (email.empty()) return Error(InvalidArgument("is required", "email"));
  const int64_t now = internal::NowSeconds();
  auto r = connection_.conn().Run(fmt::format("INSERT INTO users(email, name, role, password_hash, disabled, "
                                  "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, "
                                  "to_timestamp($6::bigint), to_timestamp($6::bigint)) "
                                  "RETURNING {}",
                                  kUserColumns),
                      Params().Add(email).Add(user.name).Add(RoleName(user.role))
                          .Add(password_hash).Add(user.disabled).Add(now));
  if (!r) {
    if (r.error().code() == StatusCode::kAlreadyExists) {
      return Error(Status(StatusCode::kAlreadyExists,
                          fmt::format("a user with email {} exists", email), "email"));
    }
    return Error(r.error());
  }
  return ReadUser(*r, 0);
}

Result<User> PostgresStore::GetUser(int64_t id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run(fmt::format("SELECT {} FROM users WHERE id = $1", kUserColumns),
                         Params().Add(id)));
  if (r.rows() == 0) return Error(NotFound(fmt::format("no user {}", id)));
  return ReadUser(r, 0);
}

Result<std::pair<User, std::string>> PostgresStore::FindUserByEmail(std::string_view email) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run(fmt::format("SELECT {}, password_hash FROM users WHERE email = $1",
                                     kUserColumns),
                         Params().Add(internal::NormalizeEmail(email))));
  if (r.rows() == 0) return Error(NotFound("no user with this email"));
  CENTRIC_ASSIGN_OR_RETURN(User user, ReadUser(r, 0));
  return std::pair<User, std::string>(std::move(user), r.String(0, 7));
}

Result<std::vector<User>> PostgresStore::ListUsers() {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run(fmt::format("SELECT {} FROM users ORDER BY id", kUserColumns)));
  std::vector<User> users;
  for (int i = 0; i < r.rows(); ++i) {
    CENTRIC_ASSIGN_OR_RETURN(User u, ReadUser(r, i));
    users.push_back(std::move(u));
  }
  return users;
}

Result<User> PostgresStore::UpdateUser(const User& user) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run(fmt::format("UPDATE users SET name = $1, role = $2, disabled = $3, "
                                     "updated_at = to_timestamp($4::bigint) WHERE id = $5 "
                                     "RETURNING {}",
                                     kUserColumns),
                         Params().Add(user.name).Add(RoleName(user.role)).Add(user.disabled)
                             .Add(internal::NowSeconds()).Add(user.id)));
  if (r.rows() == 0) return Error(NotFound(fmt::format("no user {}", user.id)));
  return ReadUser(r, 0);
}

Status PostgresStore::SetUserPassword(int64_t id, std::string_view password_hash) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run("UPDATE users SET password_hash = $1, "
                         "updated_at = to_timestamp($2::bigint) WHERE id = $3",
                         Params().Add(password_hash).Add(internal::NowSeconds()).Add(id)));
  if (r.affected() == 0) return NotFound(fmt::format("no user {}", id));
  return Status::Ok();
}

Status PostgresStore::CreateSession(const WebSession& session) {
  auto r = connection_.conn().Run("INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, "
                      "expires_at) VALUES ($1, $2, $3, to_timestamp($4::bigint), "
                      "to_timestamp($5::bigint))",
                      Params().Add(session.token_hash).Add(session.user_id)
                          .Add(session.csrf_token).Add(ToUnixSeconds(session.created_at))
                          .Add(ToUnixSeconds(session.expires_at)));
  if (!r) {
    if (r.error().code() == StatusCode::kFailedPrecondition) {
      return NotFound(fmt::format("no user {}", session.user_id));
    }
    return r.error();
  }
  return Status::Ok();
}

Result<WebSession> PostgresStore::FindSession(std::string_view token_hash, Timestamp now) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run("SELECT token_hash, user_id, csrf_token, "
                         "extract(epoch from created_at)::bigint, "
                         "extract(epoch from expires_at)::bigint FROM sessions "
                         "WHERE token_hash = $1 AND expires_at > to_timestamp($2::bigint)",
                         Params().Add(token_hash).Add(ToUnixSeconds(now))));
  if (r.rows() == 0) return Error(NotFound("no such session"));
  return WebSession{r.String(0, 0), r.Int(0, 1), r.String(0, 2), FromUnixSeconds(r.Int(0, 3)),
                    FromUnixSeconds(r.Int(0, 4))};
}

Status PostgresStore::DeleteSession(std::string_view token_hash) {
  auto r = connection_.conn().Run("DELETE FROM sessions WHERE token_hash = $1", Params().Add(token_hash));
  return r ? Status::Ok() : r.error();
}

Status PostgresStore::DeleteUserSessions(int64_t user_id) {
  auto r = connection_.conn().Run("DELETE FROM sessions WHERE user_id = $1", Params().Add(user_id));
  return r ? Status::Ok() : r.error();
}

Result<SavedView> PostgresStore::CreateView(const SavedView& view) {
  if (view.name.empty()) return Error(InvalidArgument("is required", "name"));
  const int64_t now = internal::NowSeconds();
  auto r = connection_.conn().Run("INSERT INTO saved_views(user_id, name, query, created_at) "
                      "VALUES ($1, $2, $3::jsonb, to_timestamp($4::bigint)) RETURNING id",
                      Params().Add(view.user_id).Add(view.name).Add(view.query_json).Add(now));
  if (!r) {
    if (r.error().code() == StatusCode::kAlreadyExists) {
      return Error(Status(StatusCode::kAlreadyExists,
                          fmt::format("you already have a view named {}", view.name), "name"));
    }
    if (r.error().code() == StatusCode::kFailedPrecondition) {
      return Error(NotFound(fmt::format("no user {}", view.user_id)));
    }
    return Error(r.error());
  }
  SavedView out = view;
  out.id = r->Int(0, 0);
  out.created_at = FromUnixSeconds(now);
  return out;
}

Result<std::vector<SavedView>> PostgresStore::ListViews(int64_t user_id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run("SELECT id, user_id, name, query::text, "
                         "extract(epoch from created_at)::bigint FROM saved_views "
                         "WHERE user_id = $1 ORDER BY name",
                         Params().Add(user_id)));
  std::vector<SavedView> views;
  for (int i = 0; i < r.rows(); ++i) {
    views.push_back(SavedView{r.Int(i, 0), r.Int(i, 1), r.String(i, 2), r.String(i, 3),
                              FromUnixSeconds(r.Int(i, 4))});
  }
  return views;
}

Status PostgresStore::DeleteView(int64_t user_id, int64_t id) {
  CENTRIC_ASSIGN_OR_RETURN(auto r,
                           connection_.conn().Run("DELETE FROM saved_views WHERE id = $1 AND user_id = $2",
                                      Params().Add(id).Add(user_id)));
  if (r.affected() == 0) return NotFound(fmt::format("no view {}", id));
  return Status::Ok();
}

}  // namespace centric::store::postgres
