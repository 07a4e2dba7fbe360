// SPDX-License-Identifier: Apache-2.0
#include "platform/actor.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace centric::platform {

std::string_view ActorKindName(ActorKind kind) {
  switch (kind) {
    case ActorKind::kUser: return "user";
    case ActorKind::kToken: return "token";
    case ActorKind::kCli: return "cli";
    case ActorKind::kSystem: return "system";
  }
  return "system";
}

Result<ActorKind> ParseActorKind(std::string_view name) {
  for (ActorKind kind : {ActorKind::kUser, ActorKind::kToken, ActorKind::kCli, ActorKind::kSystem}) {
    if (ActorKindName(kind) == name) return kind;
  }
  return Error(InvalidArgument("must be user, token, cli or system", "actor_kind"));
}

Actor CliActor() {
  Actor actor;
  actor.kind = ActorKind::kCli;
  actor.role = Role::kAdmin;
  actor.source = "cli";
  // The password database names the user even under sudo -u or in a container without $USER.
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) {
    actor.name = pw->pw_name;
  } else if (const char* user = std::getenv("USER")) {
    actor.name = user;
  } else {
    actor.name = "uid " + std::to_string(geteuid());
  }
  return actor;
}

Actor SystemActor() {
  Actor actor;
  actor.kind = ActorKind::kSystem;
  actor.name = "centric";
  actor.source = "system";
  return actor;
}

}  // namespace centric::platform
