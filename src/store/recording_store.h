// SPDX-License-Identifier: Apache-2.0
// RecordingStore: every write of a backend's Store, with its audit row and (for writes that
// change a customer's story) its domain event appended in the same transaction, on both
// backends alike. Reads pass straight through. A bulk write appends one audit row and one
// event for the whole import, and one event per customer it created or changed, not one per
// row. OpenStore always hands out a RecordingStore.
//
// Thread-safety: as the store it wraps (one per thread).
#pragma once

#include <memory>

#include "store/store.h"

namespace centric::store {

// Wraps `inner`, which must not be used otherwise afterwards.
std::unique_ptr<Store> MakeRecordingStore(std::unique_ptr<Store> inner);

}  // namespace centric::store
