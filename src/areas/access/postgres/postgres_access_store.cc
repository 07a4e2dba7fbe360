// SPDX-License-Identifier: Apache-2.0
// The access area in the PostgreSQL backend: users, sessions, saved views and API tokens.
#include <fmt/format.h>

#include "areas/access/access_changes.h"
#include "areas/access/access_store_backends.h"
#include "platform/store/codec.h"
#include "platform/store/postgres/postgres_connection.h"

namespace centric::access {
namespace {

using store::internal::NormalizeEmail;
using store::internal::NowSeconds;
using store::postgres::Params;
using store::postgres::PgResult;
using store::postgres::PostgresConnection;

constexpr const char* kUserColumns =
    "id, email, name, role, disabled, extract(epoch from created_at)::bigint, "
    "extract(epoch from updated_at)::bigint";
constexpr const char* kTokenColumns =
    "id, name, role, extract(epoch from created_at)::bigint, revoked";

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

Result<ApiToken> ReadToken(const PgResult& r, int row) {
  CENTRIC_ASSIGN_OR_RETURN(Role role, ParseRole(r.Text(row, 2)));
  return ApiToken{r.Int(row, 0), r.String(row, 1), role, FromUnixSeconds(r.Int(row, 3)),
                  r.Bool(row, 4)};
}

class PostgresAccessStore final : public AccessStore {
 public:
  explicit PostgresAccessStore(PostgresConnection& connection) : connection_(connection) {}

  Result<User> CreateUser(const User& user, std::string_view password_hash) override {
    const std::string email = NormalizeEmail(user.email);
    if (email.empty()) return Error(InvalidArgument("is required", "email"));
    User created;
    Status s = connection_.Transaction([&]() -> Status {
      auto r = Run(fmt::format("INSERT INTO users(email, name, role, password_hash, disabled, "
                               "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, "
                               "to_timestamp($6::bigint), to_timestamp($6::bigint)) "
                               "RETURNING {}",
                               kUserColumns),
                   Params()
                       .Add(email)
                       .Add(user.name)
                       .Add(RoleName(user.role))
                       .Add(password_hash)
                       .Add(user.disabled)
                       .Add(NowSeconds()));
      if (!r) {
        if (r.error().code() == StatusCode::kAlreadyExists) {
          return Status(StatusCode::kAlreadyExists,
                        fmt::format("a user with email {} exists", email), "email");
        }
        return r.error();
      }
      CENTRIC_ASSIGN_OR_RETURN(created, ReadUser(*r, 0));
      return connection_.Record(UserCreated(created));
    });
    if (!s.ok()) return Error(s);
    return created;
  }

  Result<User> GetUser(int64_t id) override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto r,
        Run(fmt::format("SELECT {} FROM users WHERE id = $1", kUserColumns), Params().Add(id)));
    if (r.rows() == 0) return Error(NotFound(fmt::format("no user {}", id)));
    return ReadUser(r, 0);
  }

  Result<std::pair<User, std::string>> FindUserByEmail(std::string_view email) override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto r,
        Run(fmt::format("SELECT {}, password_hash FROM users WHERE email = $1", kUserColumns),
            Params().Add(NormalizeEmail(email))));
    if (r.rows() == 0) return Error(NotFound("no user with this email"));
    CENTRIC_ASSIGN_OR_RETURN(User user, ReadUser(r, 0));
    return std::pair<User, std::string>(std::move(user), r.String(0, 7));
  }

  Result<std::vector<User>> ListUsers() override {
    CENTRIC_ASSIGN_OR_RETURN(auto r,
                             Run(fmt::format("SELECT {} FROM users ORDER BY id", kUserColumns)));
    std::vector<User> users;
    for (int i = 0; i < r.rows(); ++i) {
      CENTRIC_ASSIGN_OR_RETURN(User u, ReadUser(r, i));
      users.push_back(std::move(u));
    }
    return users;
  }

  Result<User> UpdateUser(int64_t id, const UserChange& change) override {
    User after;
    Status s = connection_.Transaction([&]() -> Status {
      // FOR UPDATE: the before image is the one this write replaces.
      CENTRIC_ASSIGN_OR_RETURN(
          auto current,
          Run(fmt::format("SELECT {} FROM users WHERE id = $1 FOR UPDATE", kUserColumns),
              Params().Add(id)));
      if (current.rows() == 0) return NotFound(fmt::format("no user {}", id));
      CENTRIC_ASSIGN_OR_RETURN(User before, ReadUser(current, 0));
      after = before;
      if (change.name) after.name = *change.name;
      if (change.role) after.role = *change.role;
      if (change.disabled) after.disabled = *change.disabled;
      Params params;
      params.Add(after.name).Add(RoleName(after.role)).Add(after.disabled);
      if (change.password_hash) {
        params.Add(*change.password_hash);
      } else {
        params.AddNull();
      }
      params.Add(NowSeconds()).Add(id);
      CENTRIC_ASSIGN_OR_RETURN(
          auto r, Run(fmt::format("UPDATE users SET name = $1, role = $2, disabled = $3, "
                                  "password_hash = coalesce($4, password_hash), "
                                  "updated_at = to_timestamp($5::bigint) WHERE id = $6 "
                                  "RETURNING {}",
                                  kUserColumns),
                      params));
      CENTRIC_ASSIGN_OR_RETURN(after, ReadUser(r, 0));
      int64_t ended = 0;
      if (change.password_hash || (after.disabled && !before.disabled)) {
        CENTRIC_ASSIGN_OR_RETURN(ended, EndSessions(id));
      }
      return connection_.Record(
          UserUpdated(before, after, change.password_hash.has_value(), ended));
    });
    if (!s.ok()) return Error(s);
    return after;
  }

  Status CreateSession(const WebSession& session) override {
    return connection_.Transaction([&]() -> Status {
      auto r =
          Run("INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, "
              "expires_at) VALUES ($1, $2, $3, to_timestamp($4::bigint), "
              "to_timestamp($5::bigint))",
              Params()
                  .Add(session.token_hash)
                  .Add(session.user_id)
                  .Add(session.csrf_token)
                  .Add(ToUnixSeconds(session.created_at))
                  .Add(ToUnixSeconds(session.expires_at)));
      if (!r) {
        if (r.error().code() == StatusCode::kFailedPrecondition) {
          return NotFound(fmt::format("no user {}", session.user_id));
        }
        return r.error();
      }
      return connection_.Record(SignedIn(session.user_id));
    });
  }

  Result<WebSession> FindSession(std::string_view token_hash, Timestamp now) override {
    CENTRIC_ASSIGN_OR_RETURN(auto r,
                             Run("SELECT token_hash, user_id, csrf_token, "
                                 "extract(epoch from created_at)::bigint, "
                                 "extract(epoch from expires_at)::bigint FROM sessions "
                                 "WHERE token_hash = $1 AND expires_at > to_timestamp($2::bigint)",
                                 Params().Add(token_hash).Add(ToUnixSeconds(now))));
    if (r.rows() == 0) return Error(NotFound("no such session"));
    return WebSession{r.String(0, 0), r.Int(0, 1), r.String(0, 2), FromUnixSeconds(r.Int(0, 3)),
                      FromUnixSeconds(r.Int(0, 4))};
  }

  Status DeleteSession(std::string_view token_hash) override {
    return connection_.Transaction([&]() -> Status {
      auto r = Run("DELETE FROM sessions WHERE token_hash = $1", Params().Add(token_hash));
      if (!r) return r.error();
      const auto& who = connection_.actor();
      return connection_.Record(SignedOut(who.id ? std::to_string(*who.id) : std::string()));
    });
  }

  Status DeleteUserSessions(int64_t user_id) override {
    return connection_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(int64_t ended, EndSessions(user_id));
      return connection_.Record(SignedOutEverywhere(user_id, ended));
    });
  }

  Result<SavedView> CreateView(const SavedView& view) override {
    if (view.name.empty()) return Error(InvalidArgument("is required", "name"));
    SavedView out = view;
    Status s = connection_.Transaction([&]() -> Status {
      const int64_t now = NowSeconds();
      auto r =
          Run("INSERT INTO saved_views(user_id, name, query, created_at) "
              "VALUES ($1, $2, $3::jsonb, to_timestamp($4::bigint)) RETURNING id",
              Params().Add(view.user_id).Add(view.name).Add(view.query_json).Add(now));
      if (!r) {
        if (r.error().code() == StatusCode::kAlreadyExists) {
          return Status(StatusCode::kAlreadyExists,
                        fmt::format("you already have a view named {}", view.name), "name");
        }
        if (r.error().code() == StatusCode::kFailedPrecondition) {
          return NotFound(fmt::format("no user {}", view.user_id));
        }
        return r.error();
      }
      out.id = r->Int(0, 0);
      out.created_at = FromUnixSeconds(now);
      return connection_.Record(ViewCreated(out));
    });
    if (!s.ok()) return Error(s);
    return out;
  }

  Result<std::vector<SavedView>> ListViews(int64_t user_id) override {
    CENTRIC_ASSIGN_OR_RETURN(auto r, Run("SELECT id, user_id, name, query::text, "
                                         "extract(epoch from created_at)::bigint FROM "
                                         "saved_views WHERE user_id = $1 ORDER BY name",
                                         Params().Add(user_id)));
    std::vector<SavedView> views;
    for (int i = 0; i < r.rows(); ++i) {
      views.push_back(SavedView{r.Int(i, 0), r.Int(i, 1), r.String(i, 2), r.String(i, 3),
                                FromUnixSeconds(r.Int(i, 4))});
    }
    return views;
  }

  Status DeleteView(int64_t user_id, int64_t id) override {
    return connection_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(auto r, Run("DELETE FROM saved_views WHERE id = $1 AND "
                                           "user_id = $2",
                                           Params().Add(id).Add(user_id)));
      if (r.affected() == 0) return NotFound(fmt::format("no view {}", id));
      return connection_.Record(ViewDeleted(id));
    });
  }

  Result<ApiToken> CreateToken(std::string_view name, Role role,
                               std::string_view token_hash) override {
    ApiToken created;
    Status s = connection_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto r, Run(fmt::format("INSERT INTO api_tokens(name, role, token_hash, created_at) "
                                  "VALUES ($1, $2, $3, to_timestamp($4::bigint)) RETURNING {}",
                                  kTokenColumns),
                      Params().Add(name).Add(RoleName(role)).Add(token_hash).Add(NowSeconds())));
      CENTRIC_ASSIGN_OR_RETURN(created, ReadToken(r, 0));
      return connection_.Record(TokenCreated(created));
    });
    if (!s.ok()) return Error(s);
    return created;
  }

  Result<ApiToken> FindToken(std::string_view token_hash) override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto r, Run(fmt::format("SELECT {} FROM api_tokens WHERE token_hash = $1 AND NOT revoked",
                                kTokenColumns),
                    Params().Add(token_hash)));
    if (r.rows() == 0) return Error(NotFound("no such token"));
    return ReadToken(r, 0);
  }

  Result<std::vector<ApiToken>> ListTokens() override {
    CENTRIC_ASSIGN_OR_RETURN(
        auto r, Run(fmt::format("SELECT {} FROM api_tokens ORDER BY id", kTokenColumns)));
    std::vector<ApiToken> out;
    for (int i = 0; i < r.rows(); ++i) {
      CENTRIC_ASSIGN_OR_RETURN(ApiToken t, ReadToken(r, i));
      out.push_back(std::move(t));
    }
    return out;
  }

  Status RevokeToken(int64_t id) override {
    return connection_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(
          auto r, Run("UPDATE api_tokens SET revoked = true WHERE id = $1", Params().Add(id)));
      if (r.affected() == 0) return NotFound(fmt::format("no token {}", id));
      return connection_.Record(TokenRevoked(id));
    });
  }

 private:
  Result<PgResult> Run(const std::string& sql, const Params& params = {}) {
    return connection_.conn().Run(sql, params);
  }

  // Deletes the user's sessions; returns how many there were.
  Result<int64_t> EndSessions(int64_t user_id) {
    CENTRIC_ASSIGN_OR_RETURN(auto r,
                             Run("DELETE FROM sessions WHERE user_id = $1", Params().Add(user_id)));
    return r.affected();
  }

  PostgresConnection& connection_;
};

}  // namespace

std::unique_ptr<AccessStore> MakePostgresAccessStore(PostgresConnection& connection) {
  return std::make_unique<PostgresAccessStore>(connection);
}

}  // namespace centric::access
