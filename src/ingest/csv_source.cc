// SPDX-License-Identifier: Apache-2.0
// RowSource over CSV: the header row names the columns; every later record must have as many
// fields as the header, since a missing or extra delimiter shifts values into wrong fields.
#include <fmt/format.h>

#include "ingest/row_source.h"
#include "text/csv_reader.h"

namespace centric::ingest {
namespace {

class CsvSource final : public RowSource {
 public:
  CsvSource(std::unique_ptr<text::InputBuffer> input, std::string file_name, char delimiter)
      : reader_(std::move(input), text::CsvReader::Options{.delimiter = delimiter}),
        file_(std::move(file_name)) {}

  Status ReadHeader() {
    CENTRIC_ASSIGN_OR_RETURN(bool any, reader_.Next(record_));
    if (!any) return InvalidArgument(fmt::format("{}: empty file (no header row)", file_));
    if (record_.problem != text::RecordProblem::kNone) {
      return InvalidArgument(fmt::format("{}:{}: header: {}", file_, record_.line,
                                         text::RecordProblemText(record_.problem)));
    }
    columns_.assign(record_.fields.begin(), record_.fields.end());
    return Status::Ok();
  }

  const std::vector<std::string>& columns() const override { return columns_; }

  Result<bool> Next(Mapping& mapping, Row& row) override {
    CENTRIC_ASSIGN_OR_RETURN(bool any, reader_.Next(record_));
    if (!any) return false;
    row.line = record_.line;
    row.error.reset();
    row.dynamic.clear();
    if (record_.problem != text::RecordProblem::kNone) {
      std::string column;
      // Name the column unless the record's fields are misaligned with the header.
      if (record_.problem_field >= 0 &&
          static_cast<size_t>(record_.problem_field) < columns_.size() &&
          (record_.fields.empty() || record_.fields.size() == columns_.size())) {
        column = columns_[record_.problem_field];
      }
      row.error = RowError{record_.line, std::move(column),
                           std::string(text::RecordProblemText(record_.problem))};
      return true;
    }
    if (record_.fields.size() != columns_.size()) {
      row.error = RowError{
          record_.line, "",
          fmt::format("expected {} columns, found {}", columns_.size(), record_.fields.size())};
      return true;
    }
    const size_t field_count = Fields(mapping.entity()).size();
    row.values.resize(field_count);
    for (size_t slot = 0; slot < field_count; ++slot) {
      int column = mapping.column_of(static_cast<int>(slot));
      row.values[slot] = column >= 0 ? record_.fields[column] : std::string_view();
    }
    const auto& dynamic = mapping.dynamic();
    for (size_t i = 0; i < dynamic.size(); ++i) {
      row.dynamic.emplace_back(static_cast<int>(i), record_.fields[dynamic[i].column]);
    }
    return true;
  }

  std::vector<std::string> RejectColumns() const override {
    std::vector<std::string> out = {"line", "reason"};
    out.insert(out.end(), columns_.begin(), columns_.end());
    return out;
  }
  std::vector<std::string_view> RejectFields() const override { return record_.fields; }
  int64_t bytes_read() const override { return reader_.bytes_read(); }

 private:
  text::CsvReader reader_;
  std::string file_;
  text::CsvRecord record_;
  std::vector<std::string> columns_;
};

}  // namespace

Result<std::unique_ptr<RowSource>> OpenCsvSource(std::unique_ptr<text::InputBuffer> input,
                                                 std::string file_name, char delimiter) {
  auto source = std::make_unique<CsvSource>(std::move(input), std::move(file_name), delimiter);
  CENTRIC_RETURN_IF_ERROR(source->ReadHeader());
  return std::unique_ptr<RowSource>(std::move(source));
}

}  // namespace centric::ingest
