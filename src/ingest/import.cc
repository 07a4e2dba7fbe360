// SPDX-License-Identifier: Apache-2.0
// The import loop: source -> mapping -> sink, with the bookkeeping of bad rows. Without a
// rejects file the first bad row stops all writing (the transaction will be rolled back) but
// reading goes on, so the error lists every bad row of the file in one go.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "ingest/ingest.h"
#include "ingest/row_sink.h"
#include "text/csv_writer.h"

namespace centric::ingest {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string Reason(const RowError& error) {
  if (error.column.empty()) return error.reason;
  return fmt::format("{}: {}", error.column, error.reason);
}

}  // namespace

std::string FormatRowError(std::string_view file, const RowError& error) {
  return fmt::format("{}:{}: {}", file, error.line, Reason(error));
}

Format FormatForPath(std::string_view path) {
  for (std::string_view ext : {".jsonl", ".ndjson", ".JSONL", ".NDJSON"}) {
    if (path.ends_with(ext)) return Format::kJsonl;
  }
  return Format::kCsv;
}

Result<ImportSummary> ImportRows(BulkWriter& writer, const ImportOptions& options) {
  const auto start = Clock::now();
  ImportSummary summary;
  CENTRIC_ASSIGN_OR_RETURN(auto input,
                           text::InputBuffer::OpenFile(options.path, options.chunk_bytes));
  const Format format = options.format.value_or(FormatForPath(options.path));
  std::unique_ptr<RowSource> source;
  if (format == Format::kCsv) {
    CENTRIC_ASSIGN_OR_RETURN(source,
                             OpenCsvSource(std::move(input), options.path, options.delimiter));
  } else {
    CENTRIC_ASSIGN_OR_RETURN(source, OpenJsonlSource(std::move(input), options.path));
  }
  CENTRIC_ASSIGN_OR_RETURN(Mapping mapping,
                           Mapping::Resolve(options.entity, options.map, source->columns()));
  summary.ignored_columns = mapping.IgnoredColumns();

  std::unique_ptr<text::Output> rejects_out;
  std::optional<text::CsvWriter> rejects;
  if (!options.rejects_path.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(rejects_out, text::Output::Open(options.rejects_path));
    rejects.emplace(*rejects_out);
    rejects->Record(source->RejectColumns());
  }
  auto write_reject = [&](const RowError& error) {
    rejects->Field(std::to_string(error.line));
    rejects->Field(Reason(error));
    for (std::string_view field : source->RejectFields()) rejects->Field(field);
    rejects->EndRecord();
  };

  ConvertOptions convert{options.date_format, options.currency, options.cancel_prefix};
  auto sink = MakeSink(writer, mapping, convert);
  std::error_code size_error;
  const auto file_size =
      options.path == "-" ? 0 : std::filesystem::file_size(options.path, size_error);
  const int64_t total_bytes =
      options.path == "-" || size_error ? -1 : static_cast<int64_t>(file_size);
  auto last_progress = start;
  std::vector<std::string> listed;
  Row row;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool any, source->Next(mapping, row));
    if (!any) break;
    ++summary.rows_read;
    RowResult result;
    if (row.error) {
      result = RowResult{RowOutcome::kRejected, std::move(*row.error)};
    } else {
      CENTRIC_ASSIGN_OR_RETURN(result, sink->Add(row));
    }
    switch (result.outcome) {
      case RowOutcome::kImported:
        ++summary.imported;
        break;
      case RowOutcome::kSkipped:
        ++summary.skipped;
        if (rejects) write_reject(result.error);
        break;
      case RowOutcome::kRejected:
        ++summary.rejected;
        if (rejects) {
          write_reject(result.error);
        } else {
          if (summary.rejected == 1) sink->StopWriting();
          if (listed.size() < static_cast<size_t>(kMaxListedErrors)) {
            listed.push_back(FormatRowError(options.path, result.error));
          }
        }
        break;
    }
    // Reading the clock is cheap but not free; look at it every 1024 rows.
    if (options.on_progress && (summary.rows_read & 1023) == 0) {
      auto now = Clock::now();
      if (now - last_progress >= std::chrono::milliseconds(250)) {
        last_progress = now;
        options.on_progress(ImportProgress{summary.rows_read, source->bytes_read(), total_bytes,
                                           SecondsSince(start)});
      }
    }
  }
  if (summary.rejected > 0 && !rejects) {
    std::string message = fmt::format(
        "{}: {} bad {}; nothing was imported (--skip-bad REJECTS.csv imports the good rows)",
        options.path, summary.rejected, summary.rejected == 1 ? "row" : "rows");
    for (const auto& line : listed) message += "\n" + line;
    if (summary.rejected > static_cast<int64_t>(listed.size())) {
      message +=
          fmt::format("\n... and {} more", summary.rejected - static_cast<int64_t>(listed.size()));
    }
    return Error(InvalidArgument(std::move(message)));
  }
  CENTRIC_RETURN_IF_ERROR(sink->Finish());
  if (rejects_out) CENTRIC_RETURN_IF_ERROR(rejects_out->Close());
  summary.orders = sink->orders();
  summary.cancelled_orders = sink->cancelled_orders();
  summary.seconds = SecondsSince(start);
  return summary;
}

Result<ImportSummary> Import(store::Connection& connection, const ImportOptions& options) {
  const auto start = Clock::now();
  CENTRIC_ASSIGN_OR_RETURN(auto writer, BeginBulk(connection));
  // The file's name only: the audit log says what was imported, not where the server keeps it.
  writer->set_source(fmt::format("{} {}", EntityName(options.entity),
                                 options.path == "-"
                                     ? std::string("stdin")
                                     : std::filesystem::path(options.path).filename().string()));
  CENTRIC_ASSIGN_OR_RETURN(ImportSummary summary, ImportRows(*writer, options));
  CENTRIC_RETURN_IF_ERROR(writer->Commit());
  summary.seconds = SecondsSince(start);
  return summary;
}

}  // namespace centric::ingest
