// SPDX-License-Identifier: Apache-2.0
#include "platform/store/connection.h"

namespace centric::store {

Status Connection::Transaction(const std::function<Status()>& body) {
  if (bulk_open_) return FailedPrecondition("a bulk write is in progress on this connection");
  if (depth_ > 0) {
    // Joins the transaction in progress; the outermost one commits or rolls back.
    ++depth_;
    Status status = body();
    --depth_;
    return status;
  }
  CENTRIC_RETURN_IF_ERROR(Begin());
  depth_ = 1;
  Status status = body();
  depth_ = 0;
  if (status.ok()) status = Commit();
  if (!status.ok()) Rollback();
  return status;
}

}  // namespace centric::store
