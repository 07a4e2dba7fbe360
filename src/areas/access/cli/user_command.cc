// SPDX-License-Identifier: Apache-2.0
// centric user add|list|disable|enable|password: web app accounts from the command line, the
// way in for the first admin. Passwords are read from standard input (one line), never from
// the command line, where other users of the machine could read them in the process list.
#include <fmt/format.h>

#include <iostream>
#include <functional>
#include <memory>
#include <string>

#include "areas/access/cli/access_commands.h"
#include "areas/access/credentials.h"
#include "areas/access/passwords.h"
#include "cli/command.h"

namespace centric::access {
namespace {

using cli::AddDbOption;
using cli::CliContext;
using cli::OpenStoresOrReport;
using cli::ReportError;

struct UserOptions {
  std::string email;
  std::string name;
  std::string role = "agent";
  bool generate = false;
};

// One line of standard input, without its line end.
std::string ReadPasswordLine() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// A random password of 20 base64url characters (120 bits).
Result<std::string> GeneratePassword() {
  CENTRIC_ASSIGN_OR_RETURN(std::string token, GenerateToken());
  return token.substr(4, 20);
}

void Add(CliContext& ctx, const UserOptions& opts) {
  auto role = ParseRole(opts.role);
  if (!role) {
    ctx.exit_code = ReportError(role.error());
    return;
  }
  std::string password;
  if (opts.generate) {
    auto generated = GeneratePassword();
    if (!generated) {
      ctx.exit_code = ReportError(generated.error());
      return;
    }
    password = *generated;
  } else {
    password = ReadPasswordLine();
  }
  auto hash = HashPassword(password);
  if (!hash) {
    ctx.exit_code = ReportError(hash.error());
    return;
  }
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return;
  User user;
  user.email = opts.email;
  user.name = opts.name;
  user.role = *role;
  auto created = stores->access().CreateUser(user, *hash);
  if (!created) {
    ctx.exit_code = ReportError(created.error());
    return;
  }
  if (opts.generate) fmt::print("{}\n", password);  // alone on stdout, for scripts
  fmt::print(stderr, "centric: added user {} <{}> ({})\n", created->id, created->email,
             RoleName(created->role));
}

void List(CliContext& ctx) {
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return;
  auto users = stores->access().ListUsers();
  if (!users) {
    ctx.exit_code = ReportError(users.error());
    return;
  }
  fmt::print("{:>6}  {:<8}  {:<9}  {:<32}  {}\n", "ID", "ROLE", "STATE", "EMAIL", "NAME");
  for (const auto& u : *users) {
    fmt::print("{:>6}  {:<8}  {:<9}  {:<32}  {}\n", u.id, RoleName(u.role),
               u.disabled ? "disabled" : "active", u.email, u.name);
  }
}

// Finds the user by email and applies the change `make_change` gives, as one write; prints
// `done` on success.
void Modify(CliContext& ctx, const std::string& email,
            const std::function<Result<UserChange>()>& make_change, const char* done) {
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return;
  auto found = stores->access().FindUserByEmail(email);
  if (!found) {
    ctx.exit_code = ReportError(found.error().code() == StatusCode::kNotFound
                                    ? NotFound(fmt::format("no user with email {}", email))
                                    : found.error());
    return;
  }
  auto change = make_change();
  if (!change) {
    ctx.exit_code = ReportError(change.error());
    return;
  }
  if (auto updated = stores->access().UpdateUser(found->first.id, *change); !updated) {
    ctx.exit_code = ReportError(updated.error());
    return;
  }
  fmt::print(stderr, "centric: {} {}\n", done, found->first.email);
}

// Disabling signs the user out everywhere in the same write (AccessStore::UpdateUser).
Result<UserChange> SetDisabled(bool disabled) {
  UserChange change;
  change.disabled = disabled;
  return change;
}

}  // namespace

void RegisterUserCommand(CLI::App& app, CliContext& ctx) {
  auto* user = app.add_subcommand("user", "Manage web app users: add, list, disable, enable");
  user->require_subcommand(1);
  auto opts = std::make_shared<UserOptions>();

  auto* add = user->add_subcommand(
      "add", "Add a user; the password is read from standard input (one line, 8+ characters)");
  AddDbOption(*add, ctx);
  add->add_option("--email", opts->email, "Sign-in email")->required();
  add->add_option("--name", opts->name, "Display name");
  add->add_option("--role", opts->role, "admin, agent or analyst")
      ->capture_default_str()
      ->check(CLI::IsMember({"admin", "agent", "analyst"}));
  add->add_flag("--generate-password", opts->generate,
                "Make a random password and print it on stdout instead of reading one");
  add->footer("Example: echo 'a long passphrase' | centric user add --email ana@example.com "
              "--role admin");
  add->callback([opts, &ctx] { Add(ctx, *opts); });

  auto* list = user->add_subcommand("list", "List users (never their passwords)");
  AddDbOption(*list, ctx);
  list->callback([&ctx] { List(ctx); });

  auto* disable = user->add_subcommand("disable", "Disable a user and end their sessions");
  AddDbOption(*disable, ctx);
  disable->add_option("EMAIL", opts->email, "The user's email")->required();
  disable->callback([opts, &ctx] {
    Modify(ctx, opts->email, [] { return SetDisabled(true); }, "disabled");
  });

  auto* enable = user->add_subcommand("enable", "Enable a disabled user");
  AddDbOption(*enable, ctx);
  enable->add_option("EMAIL", opts->email, "The user's email")->required();
  enable->callback([opts, &ctx] {
    Modify(ctx, opts->email, [] { return SetDisabled(false); }, "enabled");
  });

  auto* password = user->add_subcommand(
      "password", "Set a user's password from standard input and end their sessions");
  AddDbOption(*password, ctx);
  password->add_option("EMAIL", opts->email, "The user's email")->required();
  password->callback([opts, &ctx] {
    Modify(ctx, opts->email, []() -> Result<UserChange> {
      UserChange change;
      CENTRIC_ASSIGN_OR_RETURN(change.password_hash, HashPassword(ReadPasswordLine()));
      return change;
    }, "set the password of");
  });
}

}  // namespace centric::access
