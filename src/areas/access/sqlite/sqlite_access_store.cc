// SPDX-License-Identifier: Apache-2.0
// The access area in the SQLite backend: users, sessions, saved views and API tokens.
#include <fmt/format.h>

#include "areas/access/access_changes.h"
#include "areas/access/access_store_backends.h"
#include "platform/store/codec.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::access {
namespace {

using store::internal::NormalizeEmail;
using store::internal::NowSeconds;
using store::sqlite::SqliteConnection;
using store::sqlite::Statement;

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

Result<ApiToken> ReadToken(const Statement& st) {
  CENTRIC_ASSIGN_OR_RETURN(Role role, ParseRole(st.Text(2)));
  return ApiToken{st.Int(0), st.String(1), role, FromUnixSeconds(st.Int(3)), st.Int(4) != 0};
}

class SqliteAccessStore final : public AccessStore {
 public:
  explicit SqliteAccessStore(SqliteConnection& connection) : conn_(connection) {}

  Result<User> CreateUser(const User& user, std::string_view password_hash) override {
    const std::string email = NormalizeEmail(user.email);
    if (email.empty()) return Error(InvalidArgument("is required", "email"));
    User created;
    Status s = conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto st, conn_.Cached("INSERT INTO users(email, name, role, password_hash, disabled, "
                                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
      const int64_t now = NowSeconds();
      st->Bind(1, email).Bind(2, user.name).Bind(3, RoleName(user.role)).Bind(4, password_hash);
      st->Bind(5, int64_t{user.disabled}).Bind(6, now).Bind(7, now);
      Status run = st->Run();
      if (run.code() == StatusCode::kAlreadyExists) {
        return Status(StatusCode::kAlreadyExists, fmt::format("a user with email {} exists", email),
                      "email");
      }
      CENTRIC_RETURN_IF_ERROR(run);
      CENTRIC_ASSIGN_OR_RETURN(created, GetUser(conn_.db().LastInsertRowid()));
      return conn_.Record(UserCreated(created));
    });
    if (!s.ok()) return Error(s);
    return created;
  }

  Result<User> GetUser(int64_t id) override {
    CENTRIC_ASSIGN_OR_RETURN(auto st,
                             conn_.Cached("SELECT id, email, name, role, disabled, created_at, "
                                          "updated_at FROM users WHERE id = ?"));
    st->Bind(1, id);
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Error(NotFound(fmt::format("no user {}", id)));
    return ReadUser(*st);
  }

  Result<std::pair<User, std::string>> FindUserByEmail(std::string_view email) override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, conn_.Cached("SELECT id, email, name, role, disabled, created_at, updated_at, "
                              "password_hash FROM users WHERE email = ?"));
    st->Bind(1, NormalizeEmail(email));
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Error(NotFound("no user with this email"));
    CENTRIC_ASSIGN_OR_RETURN(User user, ReadUser(*st));
    return std::pair<User, std::string>(std::move(user), st->String(7));
  }

  Result<std::vector<User>> ListUsers() override {
    CENTRIC_ASSIGN_OR_RETURN(auto st,
                             conn_.Cached("SELECT id, email, name, role, disabled, created_at, "
                                          "updated_at FROM users ORDER BY id"));
    std::vector<User> users;
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) return users;
      CENTRIC_ASSIGN_OR_RETURN(User u, ReadUser(*st));
      users.push_back(std::move(u));
    }
  }

  Result<User> UpdateUser(int64_t id, const UserChange& change) override {
    User after;
    Status s = conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(User before, GetUser(id));
      after = before;
      if (change.name) after.name = *change.name;
      if (change.role) after.role = *change.role;
      if (change.disabled) after.disabled = *change.disabled;
      const int64_t now = NowSeconds();
      CENTRIC_ASSIGN_OR_RETURN(auto st,
                               conn_.Cached("UPDATE users SET name = ?, role = ?, disabled = ?, "
                                            "password_hash = coalesce(?, password_hash), "
                                            "updated_at = ? WHERE id = ?"));
      st->Bind(1, after.name).Bind(2, RoleName(after.role)).Bind(3, int64_t{after.disabled});
      if (change.password_hash) {
        st->Bind(4, *change.password_hash);
      } else {
        st->BindNull(4);
      }
      st->Bind(5, now).Bind(6, id);
      CENTRIC_RETURN_IF_ERROR(st->Run());
      after.updated_at = FromUnixSeconds(now);
      int64_t ended = 0;
      if (change.password_hash || (after.disabled && !before.disabled)) {
        CENTRIC_ASSIGN_OR_RETURN(ended, EndSessions(id));
      }
      return conn_.Record(UserUpdated(before, after, change.password_hash.has_value(), ended));
    });
    if (!s.ok()) return Error(s);
    return after;
  }

  Status CreateSession(const WebSession& session) override {
    return conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(auto st,
                               conn_.Cached("INSERT INTO sessions(token_hash, user_id, csrf_token, "
                                            "created_at, expires_at) VALUES (?, ?, ?, ?, ?)"));
      st->Bind(1, session.token_hash).Bind(2, session.user_id).Bind(3, session.csrf_token);
      st->Bind(4, ToUnixSeconds(session.created_at)).Bind(5, ToUnixSeconds(session.expires_at));
      Status run = st->Run();
      if (run.code() == StatusCode::kFailedPrecondition) {
        return NotFound(fmt::format("no user {}", session.user_id));
      }
      CENTRIC_RETURN_IF_ERROR(run);
      return conn_.Record(SignedIn(session.user_id));
    });
  }

  Result<WebSession> FindSession(std::string_view token_hash, Timestamp now) override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, conn_.Cached("SELECT token_hash, user_id, csrf_token, created_at, expires_at "
                              "FROM sessions WHERE token_hash = ? AND expires_at > ?"));
    st->Bind(1, token_hash).Bind(2, ToUnixSeconds(now));
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Error(NotFound("no such session"));
    return WebSession{st->String(0), st->Int(1), st->String(2), FromUnixSeconds(st->Int(3)),
                      FromUnixSeconds(st->Int(4))};
  }

  Status DeleteSession(std::string_view token_hash) override {
    return conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(auto st, conn_.Cached("DELETE FROM sessions WHERE token_hash = ?"));
      st->Bind(1, token_hash);
      CENTRIC_RETURN_IF_ERROR(st->Run());
      const auto& who = conn_.actor();
      return conn_.Record(SignedOut(who.id ? std::to_string(*who.id) : std::string()));
    });
  }

  Status DeleteUserSessions(int64_t user_id) override {
    return conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(int64_t ended, EndSessions(user_id));
      return conn_.Record(SignedOutEverywhere(user_id, ended));
    });
  }

  Result<SavedView> CreateView(const SavedView& view) override {
    if (view.name.empty()) return Error(InvalidArgument("is required", "name"));
    SavedView out = view;
    Status s = conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto st, conn_.Cached("INSERT INTO saved_views(user_id, name, query, created_at) "
                                "VALUES (?, ?, ?, ?)"));
      const int64_t now = NowSeconds();
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
      return conn_.Record(ViewCreated(out));
    });
    if (!s.ok()) return Error(s);
    return out;
  }

  Result<std::vector<SavedView>> ListViews(int64_t user_id) override {
    CENTRIC_ASSIGN_OR_RETURN(auto st,
                             conn_.Cached("SELECT id, user_id, name, query, created_at "
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

  Status DeleteView(int64_t user_id, int64_t id) override {
    return conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto st, conn_.Cached("DELETE FROM saved_views WHERE id = ? AND user_id = ?"));
      st->Bind(1, id).Bind(2, user_id);
      CENTRIC_RETURN_IF_ERROR(st->Run());
      if (Changes() == 0) return NotFound(fmt::format("no view {}", id));
      return conn_.Record(ViewDeleted(id));
    });
  }

  Result<ApiToken> CreateToken(std::string_view name, Role role,
                               std::string_view token_hash) override {
    ApiToken created{0, std::string(name), role, FromUnixSeconds(NowSeconds()), false};
    Status s = conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto st, conn_.Cached("INSERT INTO api_tokens(name, role, token_hash, created_at) "
                                "VALUES (?, ?, ?, ?)"));
      st->Bind(1, name).Bind(2, RoleName(role)).Bind(3, token_hash);
      st->Bind(4, ToUnixSeconds(created.created_at));
      CENTRIC_RETURN_IF_ERROR(st->Run());
      created.id = conn_.db().LastInsertRowid();
      return conn_.Record(TokenCreated(created));
    });
    if (!s.ok()) return Error(s);
    return created;
  }

  Result<ApiToken> FindToken(std::string_view token_hash) override {
    CENTRIC_ASSIGN_OR_RETURN(auto st,
                             conn_.Cached("SELECT id, name, role, created_at, revoked FROM "
                                          "api_tokens WHERE token_hash = ? AND revoked = 0"));
    st->Bind(1, token_hash);
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Error(NotFound("no such token"));
    return ReadToken(*st);
  }

  Result<std::vector<ApiToken>> ListTokens() override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st,
        conn_.Cached("SELECT id, name, role, created_at, revoked FROM api_tokens ORDER BY id"));
    std::vector<ApiToken> out;
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) return out;
      CENTRIC_ASSIGN_OR_RETURN(ApiToken t, ReadToken(*st));
      out.push_back(std::move(t));
    }
  }

  Status RevokeToken(int64_t id) override {
    return conn_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(auto st,
                               conn_.Cached("UPDATE api_tokens SET revoked = 1 WHERE id = ?"));
      st->Bind(1, id);
      CENTRIC_RETURN_IF_ERROR(st->Run());
      if (Changes() == 0) return NotFound(fmt::format("no token {}", id));
      return conn_.Record(TokenRevoked(id));
    });
  }

 private:
  int64_t Changes() { return sqlite3_changes(conn_.db().raw()); }

  // Deletes the user's sessions; returns how many there were.
  Result<int64_t> EndSessions(int64_t user_id) {
    CENTRIC_ASSIGN_OR_RETURN(auto st, conn_.Cached("DELETE FROM sessions WHERE user_id = ?"));
    st->Bind(1, user_id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    return Changes();
  }

  SqliteConnection& conn_;
};

}  // namespace

std::unique_ptr<AccessStore> MakeSqliteAccessStore(SqliteConnection& connection) {
  return std::make_unique<SqliteAccessStore>(connection);
}

}  // namespace centric::access
