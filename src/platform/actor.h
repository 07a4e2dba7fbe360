// SPDX-License-Identifier: Apache-2.0
// Actor: who a write is done for, and from where. Every audit row and every event names one.
// A connection carries the actor of the work it is doing (a request, a command); see
// store/connection.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/role.h"

namespace centric::platform {

enum class ActorKind {
  kUser,    // a person signed in to the web app
  kToken,   // an API token
  kCli,     // the command line, as the operating-system user who ran it
  kSystem,  // Centric itself (a background job)
};

// "user", "token", "cli", "system".
std::string_view ActorKindName(ActorKind kind);
// InvalidArgument for anything ActorKindName does not return.
Result<ActorKind> ParseActorKind(std::string_view name);

struct Actor {
  ActorKind kind = ActorKind::kSystem;
  std::optional<int64_t> id;  // the user or token id
  std::string name;           // the user's email, the token's name, the OS user
  std::optional<Role> role;
  std::string source;  // the client's address for HTTP, "cli", "system"
};

// The command line's actor: the operating-system user running it, as an admin (whoever can
// open the store file can do anything to it).
Actor CliActor();
// Centric's own background work.
Actor SystemActor();

}  // namespace centric::platform
