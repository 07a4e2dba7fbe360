// SPDX-License-Identifier: Apache-2.0
// centric: one executable for every job. Exit codes: 0 ok, 1 failure, 2 usage error.
#include <CLI/CLI.hpp>

#include "areas/access/cli/access_commands.h"
#include "areas/crosssell/cli/crosssell_commands.h"
#include "areas/customers/cli/customer_commands.h"
#include "areas/retention/cli/retention_commands.h"
#include "areas/webhooks/cli/webhook_commands.h"
#include "cli/command.h"

int main(int argc, char** argv) {
  using namespace centric::cli;
  CLI::App app{"Centric: the customer-centric platform (store, import, analytics, API server)",
               "centric"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "centric 0.1.0");
  CliContext ctx;
  RegisterInit(app, ctx);
  centric::customers::RegisterCustomerCommands(app, ctx);
  RegisterImport(app, ctx);
  RegisterExport(app, ctx);
  RegisterDemo(app, ctx);
  RegisterServe(app, ctx);
  centric::crosssell::RegisterCrossSellCommands(app, ctx);
  centric::access::RegisterAccessCommands(app, ctx);
  centric::retention::RegisterRetentionCommands(app, ctx);
  centric::webhooks::RegisterWebhookCommands(app, ctx);
  RegisterAudit(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  return ctx.exit_code;
}
