// SPDX-License-Identifier: Apache-2.0
// AccessStore: the users, sessions, saved views and API tokens Centric keeps, with one
// implementation per backend (sqlite/, postgres/) over the platform's shared connection and
// one contract suite over both (tests/areas/access). Every write is one transaction holding
// its audit row (access_changes.h); no secret (password hash, token hash, session secret)
// ever reaches the audit log.
//
// Thread-safety: as its connection, one per thread.
#pragma once

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "areas/access/access_types.h"
#include "core/result.h"
#include "platform/store/connection.h"

namespace centric::access {

class AccessStore {
 public:
  virtual ~AccessStore() = default;

  // Users. CreateUser: AlreadyExists (field email) for a taken email, InvalidArgument for an
  // empty email. GetUser/UpdateUser: NotFound for an unknown id. FindUserByEmail returns the
  // user and their password hash (NotFound when unknown; the email is compared lower-cased).
  virtual Result<User> CreateUser(const User& user, std::string_view password_hash) = 0;
  virtual Result<User> GetUser(int64_t id) = 0;
  virtual Result<std::pair<User, std::string>> FindUserByEmail(std::string_view email) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;
  // Applies `change` as one write with one audit row. A new password, or disabling the user,
  // ends all their sessions in the same transaction.
  virtual Result<User> UpdateUser(int64_t id, const UserChange& change) = 0;

  // Sessions. CreateSession: NotFound for an unknown user. FindSession: NotFound when unknown
  // or expired at `now`. DeleteUserSessions signs the user out everywhere.
  virtual Status CreateSession(const WebSession& session) = 0;
  virtual Result<WebSession> FindSession(std::string_view token_hash, Timestamp now) = 0;
  virtual Status DeleteSession(std::string_view token_hash) = 0;
  virtual Status DeleteUserSessions(int64_t user_id) = 0;

  // Saved views of one user, by name. CreateView: AlreadyExists (field name) for a name the
  // user already has, InvalidArgument for an empty name. DeleteView: NotFound unless the view
  // is the user's.
  virtual Result<SavedView> CreateView(const SavedView& view) = 0;
  virtual Result<std::vector<SavedView>> ListViews(int64_t user_id) = 0;
  virtual Status DeleteView(int64_t user_id, int64_t id) = 0;

  // API tokens by hash. FindToken: NotFound unless an unrevoked token has this hash.
  // RevokeToken: NotFound for an unknown id.
  virtual Result<ApiToken> CreateToken(std::string_view name, Role role,
                                       std::string_view token_hash) = 0;
  virtual Result<ApiToken> FindToken(std::string_view token_hash) = 0;
  virtual Result<std::vector<ApiToken>> ListTokens() = 0;
  virtual Status RevokeToken(int64_t id) = 0;
};

// The access store of `connection`'s backend, sharing the connection (which must outlive it).
std::unique_ptr<AccessStore> MakeAccessStore(store::Connection& connection);

}  // namespace centric::access
