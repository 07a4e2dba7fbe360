// SPDX-License-Identifier: Apache-2.0
// Reading baskets from files. FIMI: one basket per line, item ids (non-negative integers)
// separated by spaces or tabs; a blank line is an empty basket. CSV: a transaction log with a
// header, one row per (basket, item), rows of a basket anywhere in the file; read with the
// text library's RFC 4180 reader, as the importer reads it. The only part of analytics/basket
// that touches files; formats in docs/basket.md. Thread-safe: no shared state.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "analytics/basket/baskets.h"
#include "core/result.h"

namespace centric::text {
class InputBuffer;
}

namespace centric::analytics::basket {

enum class BasketFormat { kFimi, kCsv };

// "fimi" or "csv"; InvalidArgument (field "format") otherwise.
Result<BasketFormat> ParseBasketFormat(std::string_view name);
// kCsv for a path ending in ".csv" (any case), else kFimi.
BasketFormat GuessBasketFormat(std::string_view path);

struct CsvColumns {
  std::string basket = "basket";  // header of the basket (invoice, order) id column
  std::string item = "item";      // header of the item (product) column
  char delimiter = ',';
};

// FIMI baskets. Item names are the decimal ids as written (leading zeros dropped) and dense
// ids follow their numeric order. InvalidArgument "NAME:LINE: reason" for a token that is not
// an id in [0, 2^32 - 1]; NotFound/Unavailable when the file cannot be read ("-" is standard
// input).
Result<Baskets> ReadFimiFile(const std::string& path);
Result<Baskets> ReadFimi(text::InputBuffer& input, std::string_view name);

// CSV baskets, in order of each basket id's first row; items are the trimmed cells of the
// item column, dense ids in byte order of the names. A column is found by its exact header,
// else ignoring case. InvalidArgument "NAME: no column 'X' (columns: ...)" for a missing column
// and "NAME:LINE: reason" for a bad row (unreadable record, wrong number of cells, empty
// basket id or item).
Result<Baskets> ReadCsvFile(const std::string& path, const CsvColumns& columns);
Result<Baskets> ReadCsv(std::unique_ptr<text::InputBuffer> input, std::string_view name,
                        const CsvColumns& columns);

// Reads `path` in `format`.
Result<Baskets> ReadBasketFile(const std::string& path, BasketFormat format,
                               const CsvColumns& columns);

}  // namespace centric::analytics::basket
