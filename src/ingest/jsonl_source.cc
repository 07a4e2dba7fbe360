// SPDX-License-Identifier: Apache-2.0
// RowSource over JSON Lines: each line is one flat object whose keys play the part of CSV
// columns. Scalars become their text (numbers as written by the JSON serializer, booleans as
// "true"/"false", null as empty); an array of scalars becomes its elements joined by ';', the
// list separator of CSV files, so both formats feed the same conversions.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "ingest/jsonl_reader.h"
#include "ingest/row_source.h"
#include "text/csv_reader.h"

namespace centric::ingest {
namespace {

namespace json = boost::json;

std::string_view KindName(const json::value& v) {
  switch (v.kind()) {
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
    case json::kind::string:
      return "a string";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::null:
      return "null";
    default:
      return "a number";
  }
}

// Appends the text of scalar `v` to `out`; false when `v` is not a scalar.
bool AppendScalar(const json::value& v, std::string& out) {
  switch (v.kind()) {
    case json::kind::string:
      out.append(v.get_string().data(), v.get_string().size());
      return true;
    case json::kind::int64:
      out += std::to_string(v.get_int64());
      return true;
    case json::kind::uint64:
      out += std::to_string(v.get_uint64());
      return true;
    // Shortest text that reads back as the same double: 2.25, not 2.25E0.
    case json::kind::double_:
      out += fmt::format("{}", v.get_double());
      return true;
    case json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      return true;
    case json::kind::null:
      return true;
    default:
      return false;
  }
}

class JsonlSource final : public RowSource {
 public:
  JsonlSource(std::unique_ptr<text::InputBuffer> input, std::string file_name)
      : reader_(std::move(input)), file_(std::move(file_name)) {}

  Status ReadFirst() {
    CENTRIC_ASSIGN_OR_RETURN(bool any, reader_.Next(line_));
    if (!any) return InvalidArgument(fmt::format("{}: empty file (no JSON object)", file_));
    std::string reason = Parse();
    if (!reason.empty()) {
      return InvalidArgument(
          fmt::format("{}:{}: {}; the first line names the columns", file_, line_.line, reason));
    }
    for (const auto& kv : value_.get_object()) columns_.emplace_back(kv.key());
    first_pending_ = true;
    return Status::Ok();
  }

  const std::vector<std::string>& columns() const override { return columns_; }

  Result<bool> Next(Mapping& mapping, Row& row) override {
    std::string reason;
    if (first_pending_) {
      first_pending_ = false;
    } else {
      CENTRIC_ASSIGN_OR_RETURN(bool any, reader_.Next(line_));
      if (!any) return false;
      reason = Parse();
    }
    row.line = line_.line;
    row.error.reset();
    row.dynamic.clear();
    row.values.assign(Fields(mapping.entity()).size(), std::string_view());
    if (!reason.empty()) {
      row.error = RowError{line_.line, "", std::move(reason)};
      return true;
    }
    const json::object& object = value_.get_object();
    if (scratch_.size() < object.size()) scratch_.resize(object.size());
    size_t i = 0;
    for (const auto& kv : object) {
      int column = mapping.ColumnIndex(kv.key());
      const auto& slots = mapping.slots_of(column);
      int dynamic = mapping.dynamic_of(column);
      if (slots.empty() && dynamic < 0) continue;
      std::string_view text;
      const json::value& v = kv.value();
      if (v.is_string()) {
        text = std::string_view(v.get_string().data(), v.get_string().size());
      } else {
        std::string& out = scratch_[i++];
        out.clear();
        bool ok = AppendScalar(v, out);
        if (!ok && v.is_array()) {
          ok = true;
          bool first = true;
          for (const auto& e : v.get_array()) {
            if (!first) out += ';';
            first = false;
            if (!AppendScalar(e, out)) {
              ok = false;
              break;
            }
          }
        }
        if (!ok) {
          row.error = RowError{line_.line, std::string(kv.key()),
                               fmt::format("expected a string, number, boolean, null or array "
                                           "of those, found {}",
                                           KindName(v))};
          return true;
        }
        text = out;
      }
      if (text.size() > text::kMaxFieldBytes) {
        row.error =
            RowError{line_.line, std::string(kv.key()),
                     std::string(text::RecordProblemText(text::RecordProblem::kFieldTooLong))};
        return true;
      }
      for (int slot : slots) row.values[slot] = text;
      if (dynamic >= 0) row.dynamic.emplace_back(dynamic, text);
    }
    return true;
  }

  std::vector<std::string> RejectColumns() const override { return {"line", "reason", "record"}; }
  std::vector<std::string_view> RejectFields() const override { return {line_.text}; }
  int64_t bytes_read() const override { return reader_.bytes_read(); }

 private:
  // Parses the current line into value_; returns why it is not a JSON object, or empty.
  std::string Parse() {
    if (line_.problem != text::RecordProblem::kNone) {
      return std::string(text::RecordProblemText(line_.problem));
    }
    boost::system::error_code ec;
    value_ = json::parse(line_.text, ec);
    if (ec) return fmt::format("invalid JSON: {}", ec.message());
    if (!value_.is_object())
      return fmt::format("expected a JSON object, found {}", KindName(value_));
    return {};
  }

  JsonlReader reader_;
  std::string file_;
  JsonLine line_;
  json::value value_;
  bool first_pending_ = false;
  std::vector<std::string> columns_;
  std::vector<std::string> scratch_;
};

}  // namespace

Result<std::unique_ptr<RowSource>> OpenJsonlSource(std::unique_ptr<text::InputBuffer> input,
                                                   std::string file_name) {
  auto source = std::make_unique<JsonlSource>(std::move(input), std::move(file_name));
  CENTRIC_RETURN_IF_ERROR(source->ReadFirst());
  return std::unique_ptr<RowSource>(std::move(source));
}

}  // namespace centric::ingest
