// SPDX-License-Identifier: Apache-2.0
#include "platform/xlsx/xlsx_sheet.h"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace centric::platform {

struct XlsxSheet::Impl {
  std::string path;
  lxw_workbook* workbook = nullptr;
  lxw_worksheet* worksheet = nullptr;
  std::vector<lxw_format*> formats;  // per column
  ~Impl() {
    if (workbook) workbook_close(workbook);  // on an unfinished sheet: flush and forget
    if (!path.empty()) std::filesystem::remove(path);
  }
};

namespace {

// Excel's serial date: days since 1899-12-30, with the time as the fraction.
double ExcelSerial(Timestamp t) {
  return static_cast<double>(ToUnixSeconds(t)) / 86400.0 + 25569.0;
}

std::string MoneyFormat(const XlsxColumn& c) {
  std::string decimals = c.minor_digits > 0 ? "." + std::string(c.minor_digits, '0') : "";
  if (c.currency.empty()) return "#,##0" + decimals;
  return fmt::format("#,##0{} \"{}\"", decimals, c.currency);
}

}  // namespace

Result<std::unique_ptr<XlsxSheet>> XlsxSheet::Create(const std::string& sheet_name,
                                                     std::vector<XlsxColumn> columns) {
  std::unique_ptr<XlsxSheet> sheet(new XlsxSheet());
  sheet->impl_ = std::make_unique<Impl>();
  sheet->columns_ = std::move(columns);
  // A private file of our own: mkstemp makes it with mode 0600 and a name no one can guess.
  std::string tmpl = (std::filesystem::temp_directory_path() / "centric-xlsx-XXXXXX").string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) return Error(Internal("cannot create a temporary file for the XLSX export"));
  close(fd);
  sheet->impl_->path = tmpl;
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  sheet->impl_->workbook = workbook_new_opt(tmpl.c_str(), &options);
  if (!sheet->impl_->workbook) return Error(Internal("libxlsxwriter cannot start a workbook"));
  lxw_workbook* wb = sheet->impl_->workbook;
  sheet->impl_->worksheet = workbook_add_worksheet(wb, sheet_name.substr(0, 31).c_str());
  lxw_worksheet* ws = sheet->impl_->worksheet;
  if (!ws) return Error(Internal("libxlsxwriter cannot add a worksheet"));

  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bottom(header, LXW_BORDER_THIN);
  for (size_t i = 0; i < sheet->columns_.size(); ++i) {
    const XlsxColumn& c = sheet->columns_[i];
    lxw_format* f = workbook_add_format(wb);
    switch (c.type) {
      case CellType::kText:
        break;
      case CellType::kInteger:
        format_set_num_format(f, "0");
        break;
      case CellType::kNumber:
        format_set_num_format(f, "#,##0.00");
        break;
      case CellType::kMoney:
        format_set_num_format(f, MoneyFormat(c).c_str());
        break;
      case CellType::kPercent:
        format_set_num_format(f, "0.0%");
        break;
      case CellType::kDateTime:
        format_set_num_format(f, "yyyy-mm-dd hh:mm");
        break;
    }
    sheet->impl_->formats.push_back(f);
    const auto col = static_cast<lxw_col_t>(i);
    worksheet_set_column(ws, col, col, c.width, nullptr);
    worksheet_write_string(ws, 0, col, c.header.c_str(), header);
  }
  // The header stays in view while scrolling, and filters every column.
  worksheet_freeze_panes(ws, 1, 0);
  if (!sheet->columns_.empty()) {
    worksheet_autofilter(ws, 0, 0, 0, static_cast<lxw_col_t>(sheet->columns_.size() - 1));
  }
  return sheet;
}

XlsxSheet::~XlsxSheet() = default;

Status XlsxSheet::AddRow(const std::vector<XlsxCell>& cells) {
  if (!impl_ || !impl_->workbook) return FailedPrecondition("the XLSX sheet is finished");
  if (cells.size() != columns_.size()) {
    return InvalidArgument(
        fmt::format("a row has {} cells for {} columns", cells.size(), columns_.size()));
  }
  // Excel's limit: 1,048,576 rows, the header included.
  if (rows_ + 1 >= 1048576)
    return Status(StatusCode::kResourceExhausted, "more rows than XLSX holds");
  const auto row = static_cast<lxw_row_t>(rows_ + 1);
  lxw_worksheet* ws = impl_->worksheet;
  for (size_t i = 0; i < cells.size(); ++i) {
    const auto col = static_cast<lxw_col_t>(i);
    const XlsxColumn& c = columns_[i];
    lxw_format* f = impl_->formats[i];
    const XlsxCell& cell = cells[i];
    if (std::holds_alternative<std::monostate>(cell)) continue;
    if (const auto* text = std::get_if<std::string>(&cell)) {
      if (c.type != CellType::kText) {
        return InvalidArgument(fmt::format("column {} takes numbers, not text", c.header));
      }
      if (!text->empty()) worksheet_write_string(ws, row, col, text->c_str(), f);
    } else if (const auto* i64 = std::get_if<int64_t>(&cell)) {
      double value = static_cast<double>(*i64);
      if (c.type == CellType::kMoney) value /= std::pow(10.0, c.minor_digits);
      worksheet_write_number(ws, row, col, value, f);
    } else if (const auto* number = std::get_if<double>(&cell)) {
      double value = *number;
      if (c.type == CellType::kMoney) value /= std::pow(10.0, c.minor_digits);
      if (std::isfinite(value)) worksheet_write_number(ws, row, col, value, f);
    } else if (const auto* at = std::get_if<Timestamp>(&cell)) {
      if (c.type != CellType::kDateTime) {
        return InvalidArgument(fmt::format("column {} takes no time", c.header));
      }
      worksheet_write_number(ws, row, col, ExcelSerial(*at), f);
    }
  }
  ++rows_;
  return Status::Ok();
}

Result<std::string> XlsxSheet::Finish() {
  if (!impl_ || !impl_->workbook) return Error(FailedPrecondition("the XLSX sheet is finished"));
  lxw_error closed = workbook_close(impl_->workbook);
  impl_->workbook = nullptr;
  if (closed != LXW_NO_ERROR) {
    return Error(Internal(fmt::format("cannot write the XLSX file: {}", lxw_strerror(closed))));
  }
  std::ifstream in(impl_->path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Error(Internal("cannot read the XLSX file back"));
  return bytes.str();
}

}  // namespace centric::platform
