// SPDX-License-Identifier: Apache-2.0
// The webhook store's backends, for MakeWebhookStore.
#pragma once

#include <memory>

#include "areas/webhooks/webhook_store.h"

namespace centric::store::sqlite {
class SqliteConnection;
}
namespace centric::store::postgres {
class PostgresConnection;
}

namespace centric::webhooks {

std::unique_ptr<WebhookStore> MakeSqliteWebhookStore(store::sqlite::SqliteConnection& connection);
std::unique_ptr<WebhookStore> MakePostgresWebhookStore(
    store::postgres::PostgresConnection& connection);

}  // namespace centric::webhooks
