// SPDX-License-Identifier: Apache-2.0
#include "areas/webhooks/webhook_store.h"
#include "areas/webhooks/webhook_store_backends.h"
#include "platform/store/postgres/postgres_connection.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::webhooks {

std::unique_ptr<WebhookStore> MakeWebhookStore(store::Connection& connection) {
  if (connection.backend() == "postgresql") {
    return MakePostgresWebhookStore(static_cast<store::postgres::PostgresConnection&>(connection));
  }
  return MakeSqliteWebhookStore(static_cast<store::sqlite::SqliteConnection&>(connection));
}

}  // namespace centric::webhooks
