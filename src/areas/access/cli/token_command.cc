// SPDX-License-Identifier: Apache-2.0
// centric token create|list|revoke: API tokens from the command line.
#include <fmt/format.h>

#include <memory>
#include <string>

#include "areas/access/cli/access_commands.h"
#include "areas/access/credentials.h"
#include "cli/command.h"

namespace centric::access {
namespace {

using cli::AddDbOption;
using cli::CliContext;
using cli::OpenStoresOrReport;
using cli::ReportError;

struct TokenOptions {
  std::string role;
  std::string name;
  int64_t id = 0;
};

void Create(CliContext& ctx, const TokenOptions& opts) {
  auto role = ParseRole(opts.role);
  if (!role) {
    ctx.exit_code = ReportError(role.error());
    return;
  }
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return;
  auto issued = IssueToken(stores->access(), opts.name, *role);
  if (!issued) {
    ctx.exit_code = ReportError(issued.error());
    return;
  }
  // The token alone on stdout, so `TOKEN=$(centric token create ...)` works; the rest on stderr.
  fmt::print("{}\n", issued->secret);
  fmt::print(stderr, "centric: created token {} ({}); it is shown only this once\n",
             issued->token.id, RoleName(issued->token.role));
}

void List(CliContext& ctx) {
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return;
  auto tokens = stores->access().ListTokens();
  if (!tokens) {
    ctx.exit_code = ReportError(tokens.error());
    return;
  }
  fmt::print("{:>6}  {:<8}  {:<20}  {:<8}  {}\n", "ID", "ROLE", "CREATED", "STATE", "NAME");
  for (const auto& t : *tokens) {
    fmt::print("{:>6}  {:<8}  {:<20}  {:<8}  {}\n", t.id, RoleName(t.role),
               FormatIso8601(t.created_at), t.revoked ? "revoked" : "active", t.name);
  }
}

void Revoke(CliContext& ctx, int64_t id) {
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return;
  if (Status s = stores->access().RevokeToken(id); !s.ok()) {
    ctx.exit_code = ReportError(s);
    return;
  }
  fmt::print(stderr, "centric: revoked token {}\n", id);
}

}  // namespace

void RegisterTokenCommand(CLI::App& app, CliContext& ctx) {
  auto* token = app.add_subcommand("token", "Create, list and revoke API tokens");
  token->require_subcommand(1);
  auto opts = std::make_shared<TokenOptions>();

  auto* create = token->add_subcommand("create", "Create a token and print it on stdout");
  AddDbOption(*create, ctx);
  create->add_option("--role", opts->role, "admin, agent or analyst")
      ->required()
      ->check(CLI::IsMember({"admin", "agent", "analyst"}));
  create->add_option("--name", opts->name, "Who or what the token is for");
  create->callback([opts, &ctx] { Create(ctx, *opts); });

  auto* list = token->add_subcommand("list", "List tokens (never their secrets)");
  AddDbOption(*list, ctx);
  list->callback([&ctx] { List(ctx); });

  auto* revoke = token->add_subcommand("revoke", "Revoke a token by id");
  AddDbOption(*revoke, ctx);
  revoke->add_option("id", opts->id, "Token id, as `centric token list` shows")
      ->required()
      ->check(CLI::PositiveNumber);
  revoke->callback([opts, &ctx] { Revoke(ctx, opts->id); });
}

}  // namespace centric::access
