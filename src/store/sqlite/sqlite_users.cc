// SPDX-License-Identifier: Apache-2.0
// Web app users, their sessions and saved views in the SQLite backend.
#include <fmt/format.h>

#include "platform/store/codec.h"
#include "store/sqlite/sqlite_store.h"

namespace centric::store::sqlite {
namespace {

Result<User> ReadUser(const Statement& st) {
  User u;
  u.id = st.Int(0);
  u.email = st.String(1);
  u.name = st.String(2);
  CENTRIC_ASSIGN_OR_RETURN(u.role, ParseRole(st.Text(3)));
  u.disabled = st.Int(4) != 0;
  u.created_at = FromUnixSeconds(st.Int(5));
  u.updated_at = FromUnixSeconds(st.Int(6));
  return u;
}

Status EmailTaken(std::string_view email) {
  return Status(StatusCode::kAlreadyExists, fmt::format("a user with email {} exists", email),
                "email");
}

}  // namespace

Result<User> SqliteStore::CreateUser(const User& user, std::string_view password_hash) {
  const std::string email = internal::NormalizeEmail(user.email);
  if (email.empty()) return Error(InvalidArgument("is required", "email"));
  int64_t id = 0;
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, Cached("INSERT INTO users(email, name, role, password_hash, disabled, "
                        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    const int64_t now = internal::NowSeconds();
    st->Bind(1, email).Bind(2, user.name).Bind(3, RoleName(user.role)).Bind(4, password_hash);
    st->Bind(5, int64_t{user.disabled}).Bind(6, now).Bind(7, now);
    Status run = st->Run();
    if (run.code() == StatusCode::kAlreadyExists) return EmailTaken(email);
    CENTRIC_RETURN_IF_ERROR(run);
    id = conn_.db().LastInsertRowid();
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return GetUser(id);
}

Result<User> SqliteStore::GetUser(int64_t id) {
  CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("SELECT id, email, name, role, disabled, created_at, "
                                           "updated_at FROM users WHERE id = ?"));
  st->Bind(1, id);
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound(fmt::format("no user {}", id)));
  return ReadUser(*st);
}

Result<std::pair<User, std::string>> SqliteStore::FindUserByEmail(std::string_view email) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto st, Cached("SELECT id, email, name, role, disabled, created_at, updated_at, "
                      "password_hash FROM users WHERE email = ?"));
  st->Bind(1, internal::NormalizeEmail(email));
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound("no user with this email"));
  CENTRIC_ASSIGN_OR_RETURN(User user, ReadUser(*st));
  return std::pair<User, std::string>(std::move(user), st->String(7));
}

Result<std::vector<User>> SqliteStore::ListUsers() {
  CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("SELECT id, email, name, role, disabled, created_at, "
                                           "updated_at FROM users ORDER BY id"));
  std::vector<User> users;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return users;
    CENTRIC_ASSIGN_OR_RETURN(User u, ReadUser(*st));
    users.push_back(std::move(u));
  }
}

Result<User> SqliteStore::UpdateUser(const User& user) {
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("UPDATE users SET name = ?, role = ?, disabled = ?, "
                                             "updated_at = ? WHERE id = ?"));
    st->Bind(1, user.name).Bind(2, RoleName(user.role)).Bind(3, int64_t{user.disabled});
    st->Bind(4, internal::NowSeconds()).Bind(5, user.id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0) return NotFound(fmt::format("no user {}", user.id));
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return GetUser(user.id);
}

Status SqliteStore::SetUserPassword(int64_t id, std::string_view password_hash) {
  return InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, Cached("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"));
    st->Bind(1, password_hash).Bind(2, internal::NowSeconds()).Bind(3, id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0) return NotFound(fmt::format("no user {}", id));
    return Status::Ok();
  });
}

Status SqliteStore::CreateSession(const WebSession& session) {
  return InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, Cached("INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, "
                        "expires_at) VALUES (?, ?, ?, ?, ?)"));
    st->Bind(1, session.token_hash).Bind(2, session.user_id).Bind(3, session.csrf_token);
    st->Bind(4, ToUnixSeconds(session.created_at)).Bind(5, ToUnixSeconds(session.expires_at));
    Status run = st->Run();
    if (run.code() == StatusCode::kFailedPrecondition) {
      return NotFound(fmt::format("no user {}", session.user_id));
    }
    return run;
  });
}

Result<WebSession> SqliteStore::FindSession(std::string_view token_hash, Timestamp now) {
  CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("SELECT token_hash, user_id, csrf_token, created_at, "
                                           "expires_at FROM sessions WHERE token_hash = ? "
                                           "AND expires_at > ?"));
  st->Bind(1, token_hash).Bind(2, ToUnixSeconds(now));
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound("no such session"));
  return WebSession{st->String(0), st->Int(1), st->String(2), FromUnixSeconds(st->Int(3)),
                    FromUnixSeconds(st->Int(4))};
}

Status SqliteStore::DeleteSession(std::string_view token_hash) {
  return InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("DELETE FROM sessions WHERE token_hash = ?"));
    st->Bind(1, token_hash);
    return st->Run();
  });
}

Status SqliteStore::DeleteUserSessions(int64_t user_id) {
  return InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("DELETE FROM sessions WHERE user_id = ?"));
    st->Bind(1, user_id);
    return st->Run();
  });
}

Result<SavedView> SqliteStore::CreateView(const SavedView& view) {
  if (view.name.empty()) return Error(InvalidArgument("is required", "name"));
  SavedView out = view;
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, Cached("INSERT INTO saved_views(user_id, name, query, created_at) "
                        "VALUES (?, ?, ?, ?)"));
    const int64_t now = internal::NowSeconds();
    st->Bind(1, view.user_id).Bind(2, view.name).Bind(3, view.query_json).Bind(4, now);
    Status run = st->Run();
    if (run.code() == StatusCode::kAlreadyExists) {
      return Status(StatusCode::kAlreadyExists,
                    fmt::format("you already have a view named {}", view.name), "name");
    }
    if (run.code() == StatusCode::kFailedPrecondition) {
      return NotFound(fmt::format("no user {}", view.user_id));
    }
    CENTRIC_RETURN_IF_ERROR(run);
    out.id = conn_.db().LastInsertRowid();
    out.created_at = FromUnixSeconds(now);
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return out;
}

Result<std::vector<SavedView>> SqliteStore::ListViews(int64_t user_id) {
  CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("SELECT id, user_id, name, query, created_at "
                                           "FROM saved_views WHERE user_id = ? ORDER BY name"));
  st->Bind(1, user_id);
  std::vector<SavedView> views;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return views;
    views.push_back(SavedView{st->Int(0), st->Int(1), st->String(2), st->String(3),
                              FromUnixSeconds(st->Int(4))});
  }
}

Status SqliteStore::DeleteView(int64_t user_id, int64_t id) {
  return InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st,
                             Cached("DELETE FROM saved_views WHERE id = ? AND user_id = ?"));
    st->Bind(1, id).Bind(2, user_id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0) return NotFound(fmt::format("no view {}", id));
    return Status::Ok();
  });
}

}  // namespace centric::store::sqlite
