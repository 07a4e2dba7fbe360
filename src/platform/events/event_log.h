// SPDX-License-Identifier: Apache-2.0
// EventLog: the reading side of the transactional outbox. Stores append events in the same
// transaction as the write they describe (Connection::Record); consumers read them here by
// position, in commit order, and keep their own cursor. After a crash no committed event is
// lost, and no event of a rolled-back transaction is ever seen.
//
// Thread-safety: as its connection (one per thread).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/customer.h"
#include "core/result.h"
#include "core/time.h"
#include "platform/actor.h"
#include "platform/store/connection.h"

namespace centric::platform {

struct Event {
  int64_t position = 0;  // monotonic, never reused
  std::string type;      // events/event_types.h
  std::optional<CustomerId> customer_id;
  ActorKind actor_kind = ActorKind::kSystem;
  std::optional<int64_t> actor_id;
  std::string actor_name;
  Timestamp at{};
  std::string payload_json;  // a JSON object
};

class EventLog {
 public:
  virtual ~EventLog() = default;

  // Up to `limit` (clamped to [1, 10000]) committed events after `position`, oldest first.
  // `types`, when not empty, keeps only those types.
  virtual Result<std::vector<Event>> Read(int64_t position, int limit,
                                          const std::vector<std::string>& types = {}) = 0;
  // The position of the newest committed event; 0 when there is none.
  virtual Result<int64_t> LastPosition() = 0;

  // A consumer's saved position: 0 for a consumer never seen.
  virtual Result<int64_t> LoadCursor(std::string_view consumer) = 0;
  // Saves a consumer's position in its own transaction. InvalidArgument (field "position")
  // when it would move the cursor back.
  virtual Status SaveCursor(std::string_view consumer, int64_t position) = 0;
};

// The event log of `connection`'s database. `connection` must outlive it.
std::unique_ptr<EventLog> MakeEventLog(store::Connection& connection);

}  // namespace centric::platform
