// SPDX-License-Identifier: Apache-2.0
// Who may use Centric: people who sign in to the web app, their browser sessions and saved
// customer-list views, and the API tokens of scripts and integrations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/role.h"
#include "core/time.h"

namespace centric::access {

// A person who signs in to the web app. Emails are stored lower-cased and are unique.
struct User {
  int64_t id = 0;
  std::string email;
  std::string name;
  Role role = Role::kAnalyst;
  bool disabled = false;
  Timestamp created_at{};
  Timestamp updated_at{};
};

// What an admin changes of a user in one go; unset fields stay as they are.
struct UserChange {
  std::optional<std::string> name;
  std::optional<Role> role;
  std::optional<bool> disabled;
  std::optional<std::string> password_hash;  // a new password, already hashed
};

// A signed-in browser: the store keeps the hash of the session secret (the cookie), never the
// secret itself, and the session's CSRF token.
struct WebSession {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  Timestamp created_at{};
  Timestamp expires_at{};
};

// A customer-list view a user saved: a name and the list's query parameters as a JSON object.
struct SavedView {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string name;
  std::string query_json;
  Timestamp created_at{};
};

// A bearer token for the API, stored by hash only.
struct ApiToken {
  int64_t id = 0;
  std::string name;
  Role role = Role::kAnalyst;
  Timestamp created_at{};
  bool revoked = false;
};

}  // namespace centric::access
