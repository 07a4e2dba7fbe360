// SPDX-License-Identifier: Apache-2.0
#include "ingest/mapping.h"

#include <fmt/format.h>

#include "text/ascii.h"
#include "text/field_list.h"

namespace centric::ingest {
namespace {

Status MapError(std::string message) { return InvalidArgument(std::move(message), "map"); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string ColumnList(const std::vector<std::string>& columns) {
  return fmt::format("{}", fmt::join(columns, ", "));
}

// Canonical form of a --map field name, or empty when `entity` has no such field.
std::string CanonicalField(Entity entity, std::string_view name) {
  if (int slot = FindField(entity, name); slot >= 0) return std::string(Fields(entity)[slot].name);
  if (int p = FindDynamicPrefix(entity, name); p >= 0) {
    std::string_view prefix = DynamicPrefixes(entity)[p];
    return std::string(prefix) + std::string(name.substr(prefix.size()));
  }
  return {};
}

}  // namespace

Result<MapSpec> ParseMapSpec(Entity entity, std::string_view text) {
  MapSpec spec;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eq = text.find('=', pos);
    size_t comma = text.find(',', pos);
    if (eq == std::string_view::npos || (comma != std::string_view::npos && comma < eq)) {
      std::string_view entry = Trim(
          text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
      return Error(MapError(fmt::format("expected field=COLUMN, got '{}'", entry)));
    }
    std::string_view field_name = Trim(text.substr(pos, eq - pos));
    std::string field = CanonicalField(entity, field_name);
    if (field.empty()) {
      return Error(MapError(fmt::format("unknown field '{}' for {} (fields: {})", field_name,
                                        EntityName(entity), FieldList(entity))));
    }
    pos = eq + 1;
    std::string column;
    switch (text::ReadListValue(text, pos, column)) {
      case text::RecordProblem::kUnterminatedQuote:
        return Error(MapError(fmt::format("unterminated quote in the column for '{}'", field)));
      case text::RecordProblem::kTextAfterQuote:
        return Error(
            MapError(fmt::format("unexpected text after the quoted column for '{}'", field)));
      default:
        break;
    }
    if (column.empty()) return Error(MapError(fmt::format("no column given for '{}'", field)));
    for (const auto& e : spec) {
      if (e.field == field) return Error(MapError(fmt::format("field '{}' mapped twice", field)));
    }
    spec.push_back({std::move(field), std::move(column)});
    if (pos < text.size()) ++pos;  // the ','
  }
  return spec;
}

Result<Mapping> Mapping::Resolve(Entity entity, const MapSpec& spec,
                                 std::vector<std::string> columns) {
  Mapping m;
  m.entity_ = entity;
  m.columns_ = std::move(columns);
  const size_t n = m.columns_.size();
  m.slot_column_.assign(Fields(entity).size(), -1);
  m.column_slots_.assign(n, {});
  m.column_dynamic_.assign(n, -1);
  m.explicit_column_.assign(n, false);
  for (size_t c = 0; c < n; ++c) m.index_.emplace(m.columns_[c], static_cast<int>(c));

  for (const auto& entry : spec) {
    // An exact name wins; otherwise a unique case-insensitive match.
    int column = -1;
    int folded_matches = 0;
    for (size_t c = 0; c < n; ++c) {
      if (m.columns_[c] == entry.column) {
        column = static_cast<int>(c);
        break;
      }
      if (text::EqualsIgnoreCase(m.columns_[c], entry.column)) {
        ++folded_matches;
        if (folded_matches == 1) column = static_cast<int>(c);
      }
    }
    if (column < 0 || (folded_matches > 1 && m.columns_[column] != entry.column)) {
      return Error(MapError(fmt::format("--map {}={}: no column '{}' (columns: {})", entry.field,
                                        entry.column, entry.column, ColumnList(m.columns_))));
    }
    m.explicit_column_[column] = true;
    if (int slot = FindField(entity, entry.field); slot >= 0) {
      m.slot_column_[slot] = column;
      m.column_slots_[column].push_back(slot);
    } else {
      int prefix = FindDynamicPrefix(entity, entry.field);
      std::string name = entry.field.substr(DynamicPrefixes(entity)[prefix].size());
      m.column_dynamic_[column] = static_cast<int>(m.dynamic_.size());
      m.dynamic_.push_back({prefix, std::move(name), column});
    }
  }
  for (size_t c = 0; c < n; ++c) {
    if (!m.explicit_column_[c]) m.AddColumnTargets(static_cast<int>(c), true);
  }
  auto fields = Fields(entity);
  for (size_t slot = 0; slot < fields.size(); ++slot) {
    if (fields[slot].required && m.slot_column_[slot] < 0) {
      return Error(MapError(fmt::format(
          "no column for required field '{}'; name one with --map {}=COLUMN (columns: {})",
          fields[slot].name, fields[slot].name, ColumnList(m.columns_))));
    }
  }
  return m;
}

void Mapping::AddColumnTargets(int column, bool auto_bind) {
  const std::string& name = columns_[column];
  if (auto_bind) {
    int slot = FindField(entity_, name);
    if (slot >= 0 && slot_column_[slot] < 0) {
      slot_column_[slot] = column;
      column_slots_[column].push_back(slot);
      return;
    }
  }
  if (int prefix = FindDynamicPrefix(entity_, name); prefix >= 0) {
    column_dynamic_[column] = static_cast<int>(dynamic_.size());
    dynamic_.push_back({prefix, name.substr(DynamicPrefixes(entity_)[prefix].size()), column});
  }
}

int Mapping::ColumnIndex(std::string_view name) {
  if (auto it = index_.find(name); it != index_.end()) return it->second;
  int column = static_cast<int>(columns_.size());
  columns_.emplace_back(name);
  column_slots_.emplace_back();
  column_dynamic_.push_back(-1);
  explicit_column_.push_back(false);
  index_.emplace(std::string(name), column);
  AddColumnTargets(column, true);
  return column;
}

std::string_view Mapping::ColumnName(int slot) const {
  int column = slot_column_[slot];
  if (column >= 0) return columns_[column];
  return Fields(entity_)[slot].name;
}

std::vector<std::string> Mapping::IgnoredColumns() const {
  std::vector<std::string> out;
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (column_slots_[c].empty() && column_dynamic_[c] < 0) out.push_back(columns_[c]);
  }
  return out;
}

}  // namespace centric::ingest
