// SPDX-License-Identifier: Apache-2.0
// XlsxSheet: one typed table as an .xlsx workbook, through Debian's libxlsxwriter, for every
// list and report an area exports beside its CSV. Numbers are numbers, times are Excel dates,
// money carries its currency in its number format, the header row is bold, filterable and
// stays visible. Rows stream to a private temporary file (libxlsxwriter's constant-memory
// mode), so a 100,000-row export holds one row in memory.
//
// Thread-safety: one sheet per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace centric::platform {

enum class CellType {
  kText,
  kInteger,
  kNumber,    // two decimals
  kMoney,     // minor units in, shown in major units with the column's currency
  kPercent,   // a share from 0 to 1, shown as 12.3 %
  kDateTime,  // UTC
};

struct XlsxColumn {
  std::string header;
  CellType type = CellType::kText;
  double width = 14;     // in characters
  std::string currency;  // kMoney: ISO 4217 code shown after the amount
  int minor_digits = 2;  // kMoney: digits of the minor unit
};

// An empty cell, text, an integer (also money in minor units), a number, or a time.
using XlsxCell = std::variant<std::monostate, std::string, int64_t, double, Timestamp>;

class XlsxSheet {
 public:
  // Internal when libxlsxwriter cannot make the workbook (no temporary space).
  static Result<std::unique_ptr<XlsxSheet>> Create(const std::string& sheet_name,
                                                   std::vector<XlsxColumn> columns);
  ~XlsxSheet();

  // One row, a cell per column. InvalidArgument when a cell does not fit its column's type.
  Status AddRow(const std::vector<XlsxCell>& cells);
  int64_t rows() const { return rows_; }
  // Closes the workbook and returns the bytes of the .xlsx file. The sheet is done afterwards.
  Result<std::string> Finish();

 private:
  XlsxSheet() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<XlsxColumn> columns_;
  int64_t rows_ = 0;
};

// The content type of an .xlsx file, for HTTP responses.
inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace centric::platform
