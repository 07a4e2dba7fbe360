// SPDX-License-Identifier: Apache-2.0
// Connection: one open connection to a store's database, which the stores made on it share.
// It owns what the backends have in common below the areas: migrations
// (applied on open), transactions, and the actor whose writes it records in the audit log and
// the event outbox. Each backend subclasses it (sqlite/, postgres/); an area's backend
// implementation takes its backend's connection.
//
// Thread-safety: not thread-safe; one connection per thread. Distinct connections to one
// database may be used concurrently.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "core/result.h"
#include "platform/actor.h"
#include "platform/store/change.h"

namespace centric::store {

class Connection {
 public:
  virtual ~Connection() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view backend() const = 0;
  // The schema version after migrations.
  virtual Result<int> SchemaVersion() = 0;

  // Runs `body` in one write transaction: commits when it returns Ok, rolls back otherwise.
  // Called inside another transaction on this connection, it joins it, so a write made of
  // several writes (one of them recording its Change) commits or rolls back as a whole.
  // FailedPrecondition while a bulk write holds the connection.
  Status Transaction(const std::function<Status()>& body);

  // Appends the audit row of `change`, and its event when it has an event type, to the
  // transaction in progress, in the name of actor().
  // REQUIRES: a write transaction is open on this connection.
  virtual Status Record(const platform::Change& change) = 0;
  // Appends one event without an audit row: a bulk write audits itself once and appends an
  // event per customer it created or changed. REQUIRES: a write transaction is open.
  virtual Status AppendEvent(std::string_view type, std::optional<CustomerId> customer_id,
                             const boost::json::object& payload) = 0;

  // Who the writes on this connection are done for: set by the API for each request and by the
  // command line once. Defaults to the system actor.
  void set_actor(platform::Actor actor) { actor_ = std::move(actor); }
  const platform::Actor& actor() const { return actor_; }

  // A bulk writer holds the connection's transaction for a whole import, so Transaction refuses
  // to start another meanwhile.
  bool bulk_open() const { return bulk_open_; }
  void set_bulk_open(bool open) { bulk_open_ = open; }

 protected:
  // The backend's statements that start, commit and roll back a write transaction.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;

 private:
  platform::Actor actor_ = platform::SystemActor();
  bool bulk_open_ = false;
  int depth_ = 0;  // transactions open: more than one when nested
};

// Opens the database named by `url`: "postgresql://..." or "postgres://..." for PostgreSQL,
// anything else a SQLite file path (":memory:" for a private in-memory database), and applies
// pending migrations. Unavailable when the database cannot be reached.
Result<std::unique_ptr<Connection>> OpenConnection(std::string_view url);

}  // namespace centric::store
