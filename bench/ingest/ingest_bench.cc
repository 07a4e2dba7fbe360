// SPDX-License-Identifier: Apache-2.0
// In-process import benchmarks on the generated Online Retail-shaped log:
//   BM_CsvRead         the CSV reader alone (records and fields, no conversion);
//   BM_ImportParseOnly reader + mapping + date/number conversion + order assembly, written to
//                      the dry-run writer (no store);
//   BM_ImportSqlite    the whole import into a new SQLite file.
// Whole-process figures on 10M lines come from run_import_bench.sh.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "areas/stores.h"
#include "ingest/ingest.h"
#include "retail_generator.h"
#include "text/csv_reader.h"

namespace centric::ingest {
namespace {

constexpr int64_t kLines = 200'000;

const std::string& RetailText() {
  static const std::string text = bench::RetailCsv(kLines);
  return text;
}

const std::string& RetailFile() {
  static const std::string path = [] {
    std::string p = (std::filesystem::temp_directory_path() /
                     ("centric_ingest_bench_" + std::to_string(::getpid()) + ".csv"))
                        .string();
    std::FILE* f = std::fopen(p.c_str(), "wb");
    bench::WriteRetailCsv(f, kLines);
    std::fclose(f);
    return p;
  }();
  return path;
}

ImportOptions RetailOptions() {
  ImportOptions o;
  o.entity = Entity::kOrders;
  o.path = RetailFile();
  o.map = *ParseMapSpec(Entity::kOrders, bench::kRetailMap);
  o.date_format = *DateFormat::Compile(bench::kRetailDateFormat);
  o.currency = "GBP";
  return o;
}

void SetCounters(benchmark::State& state, int64_t bytes) {
  state.SetItemsProcessed(state.iterations() * kLines);
  state.SetBytesProcessed(state.iterations() * bytes);
}

void BM_CsvRead(benchmark::State& state) {
  const std::string& text = RetailText();
  for (auto _ : state) {
    text::CsvReader reader(text::InputBuffer::FromString(text));
    text::CsvRecord record;
    size_t fields = 0;
    while (*reader.Next(record)) fields += record.fields.size();
    benchmark::DoNotOptimize(fields);
  }
  SetCounters(state, static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_CsvRead)->Unit(benchmark::kMillisecond);

void BM_ImportParseOnly(benchmark::State& state) {
  const ImportOptions options = RetailOptions();
  for (auto _ : state) {
    auto writer = MakeDryRunWriter();
    auto summary = ImportRows(*writer, options);
    if (!summary) state.SkipWithError(summary.error().message().c_str());
  }
  SetCounters(state, static_cast<int64_t>(std::filesystem::file_size(options.path)));
}
BENCHMARK(BM_ImportParseOnly)->Unit(benchmark::kMillisecond);

void BM_ImportSqlite(benchmark::State& state) {
  const ImportOptions options = RetailOptions();
  const std::string db = options.path + ".db";
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    auto store = Stores::Open(db);
    state.ResumeTiming();
    auto summary = Import((*store)->connection(), options);
    if (!summary) state.SkipWithError(summary.error().message().c_str());
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  SetCounters(state, static_cast<int64_t>(std::filesystem::file_size(options.path)));
}
BENCHMARK(BM_ImportSqlite)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace centric::ingest

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::filesystem::remove(centric::ingest::RetailFile());
  return 0;
}
