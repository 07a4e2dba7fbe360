// SPDX-License-Identifier: Apache-2.0
// Column mapping: which column of the input feeds which field of the entity. Built from the
// --map option ("field=Column,...") and the input's column names; fields not named in --map
// take the column whose name equals the field name ignoring case, and customer columns named
// "consent_<channel>" or "attr.<name>" feed those open-ended fields. Not thread-safe (JSON
// Lines input adds columns as new keys appear).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "ingest/schema.h"

namespace centric::ingest {

struct MapEntry {
  std::string field;   // a field name, lower case, or a prefix plus a name ("attr.Segment")
  std::string column;  // as written by the user
  bool operator==(const MapEntry&) const = default;
};
using MapSpec = std::vector<MapEntry>;

// Parses "field=Column,field=\"Column, with comma\"". Column names keep inner spaces; spaces
// around names and '=' are dropped; a column in double quotes may contain commas and doubled
// quotes. InvalidArgument (field "map") for a malformed entry, an unknown field (the message
// lists the fields of `entity`) or a field given twice.
Result<MapSpec> ParseMapSpec(Entity entity, std::string_view text);

// An open-ended field fed by one column: consent_<channel> or attr.<name>.
struct DynamicField {
  int prefix = 0;    // index in DynamicPrefixes(entity)
  std::string name;  // the channel or attribute name
  int column = -1;
};

class Mapping {
 public:
  // Resolves `spec` against the input's `columns`. InvalidArgument (field "map") when a
  // mapped column is not in `columns` or a required field has no column; both messages list
  // the columns.
  static Result<Mapping> Resolve(Entity entity, const MapSpec& spec,
                                 std::vector<std::string> columns);

  Entity entity() const { return entity_; }
  const std::vector<std::string>& columns() const { return columns_; }
  // The column feeding field `slot`, or -1 when none does.
  int column_of(int slot) const { return slot_column_[slot]; }
  const std::vector<DynamicField>& dynamic() const { return dynamic_; }
  // What errors about `slot` call it: its column's name, else the field name.
  std::string_view ColumnName(int slot) const;
  // Columns that feed nothing, in input order.
  std::vector<std::string> IgnoredColumns() const;

  // For inputs whose columns vary by record (JSON Lines): the index of column `name`, adding
  // it, and binding it to a still unmapped field of the same name or to an open-ended field,
  // when it was not seen before.
  int ColumnIndex(std::string_view name);
  // The field slots column `column` feeds, and the index in dynamic() or -1.
  const std::vector<int>& slots_of(int column) const { return column_slots_[column]; }
  int dynamic_of(int column) const { return column_dynamic_[column]; }

 private:
  void AddColumnTargets(int column, bool auto_bind);

  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  Entity entity_ = Entity::kCustomers;
  std::vector<std::string> columns_;
  std::vector<int> slot_column_;
  std::vector<DynamicField> dynamic_;
  std::vector<std::vector<int>> column_slots_;
  std::vector<int> column_dynamic_;
  std::vector<bool> explicit_column_;
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> index_;
};

}  // namespace centric::ingest
