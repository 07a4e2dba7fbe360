// SPDX-License-Identifier: Apache-2.0
// AuditLog: the reading side of the audit log. Every write appends one row in its own
// transaction (Connection::Record): who (user or token with its role, the command line, or
// Centric itself), from where, what (action, entity, id) and the changed fields before and
// after. The log is append-only: nothing edits or deletes its rows, and the database refuses it.
//
// Thread-safety: as its connection (one per thread).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/customer.h"
#include "core/result.h"
#include "core/time.h"
#include "platform/actor.h"
#include "platform/store/connection.h"
#include "platform/store/page.h"

namespace centric::platform {

struct AuditEntry {
  int64_t id = 0;
  Timestamp at{};
  Actor actor;  // actor.source is where the write came from
  std::string action;
  std::string entity;
  std::string entity_id;
  std::optional<CustomerId> customer_id;
  std::string changes_json;  // {"field": {"before": .., "after": ..}}
};

struct AuditFilter {
  std::string actor;  // the actor's name (email, token name, OS user), exact
  std::string entity;
  std::string entity_id;
  std::optional<CustomerId> customer_id;
  std::optional<Timestamp> from;  // inclusive
  std::optional<Timestamp> to;    // exclusive
  store::PageRequest page;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;

  // Rows matching `filter`, newest first. InvalidArgument (field "cursor") for a bad cursor.
  virtual Result<store::Page<AuditEntry>> List(const AuditFilter& filter) = 0;
  // Every row matching `filter` (its page is ignored), newest first, page by page: rows
  // appended while it runs are left out.
  // Stops at and returns the first error `visit` returns.
  virtual Status Scan(const AuditFilter& filter,
                      const std::function<Status(const AuditEntry&)>& visit) = 0;
};

// The audit log of `connection`'s database. `connection` must outlive it.
std::unique_ptr<AuditLog> MakeAuditLog(store::Connection& connection);

}  // namespace centric::platform
