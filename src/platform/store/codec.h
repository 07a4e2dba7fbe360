// SPDX-License-Identifier: Apache-2.0
// What both backends share below the Store interface: the JSON text of a customer's lists and
// maps, opaque pagination cursors, and splitting a search into terms.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace centric::store::internal {

std::string StringListToJson(const std::vector<std::string>& values);
std::string StringMapToJson(const std::map<std::string, std::string>& values);
std::string BoolMapToJson(const std::map<std::string, bool>& values);
// These accept only what the *ToJson functions write; anything else is Internal (a corrupt row).
Result<std::vector<std::string>> StringListFromJson(std::string_view text);
Result<std::map<std::string, std::string>> StringMapFromJson(std::string_view text);
Result<std::map<std::string, bool>> BoolMapFromJson(std::string_view text);

// Cursor of an id-ordered list: the last id returned. Empty cursor = 0.
std::string EncodeIdCursor(int64_t last_id);
// InvalidArgument (field "cursor") for text that no EncodeIdCursor produced.
Result<int64_t> DecodeIdCursor(std::string_view cursor);

// Cursor of a list ordered by (key, id): the last row's key and id. A numeric key is written
// with 17 significant digits, so it reads back exactly.
std::string EncodeSortCursor(int64_t last_id, std::string_view key);
struct SortPosition {
  int64_t id = 0;
  std::string key;
};
// InvalidArgument (field "cursor") for text that no EncodeSortCursor produced.
Result<SortPosition> DecodeSortCursor(std::string_view cursor);

// Position in a timeline, ordered by (at, rank, id) descending; rank 1 = interaction, 0 = order.
struct TimelinePosition {
  int64_t at = 0;
  int rank = 0;
  int64_t id = 0;
};
std::string EncodeTimelineCursor(const TimelinePosition& position);
Result<TimelinePosition> DecodeTimelineCursor(std::string_view cursor);

// Clamps a requested page size to [1, kMaxPageSize].
int ClampLimit(int limit);

// Splits a search into lower-cased terms at spaces and ASCII punctuation (UTF-8 letters are
// kept whole), dropping empty ones: "Mai@Example.vn" -> {"mai", "example", "vn"}.
std::vector<std::string> SearchTerms(std::string_view search);

// An email as stored and looked up: trimmed of blanks, ASCII letters lower-cased.
std::string NormalizeEmail(std::string_view email);

// Unix seconds for a store's integer columns.
inline int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace centric::store::internal
