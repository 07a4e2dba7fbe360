// SPDX-License-Identifier: Apache-2.0
// Customers: one row per customer, upserted by external id. A re-import replaces every field
// with the file's values (the store upserts whole customers), so unmapped fields are reset.
#include <fmt/format.h>

#include "core/customer.h"
#include "ingest/id_map.h"
#include "ingest/row_sink.h"
#include "ingest/values.h"

namespace centric::ingest {
namespace {

using namespace customer_field;

// The slot a ValidateCustomer field name belongs to, or -1.
int SlotOfCustomerField(std::string_view field) {
  if (field == "external_id") return kExternalId;
  if (field == "name") return kName;
  if (field == "emails") return kEmail;
  if (field == "phones") return kPhone;
  if (field == "preferred_language") return kLanguage;
  if (field == "country") return kCountry;
  if (field == "time_zone") return kTimeZone;
  if (field == "account_owner") return kAccountOwner;
  return -1;
}

constexpr size_t kMaxAttributeBytes = 4096;

class CustomerSink final : public RowSink {
 public:
  CustomerSink(BulkWriter& writer, const Mapping& mapping, const ConvertOptions& options)
      : writer_(writer), mapping_(mapping), options_(options) {}

  Result<RowResult> Add(const Row& row) override {
    auto reject = [&](std::string_view column, std::string reason) {
      return RowResult{RowOutcome::kRejected,
                       RowError{row.line, std::string(column), std::move(reason)}};
    };
    std::string_view external_id = row.values[kExternalId];
    if (external_id.empty()) return reject(mapping_.ColumnName(kExternalId), "is required");
    Customer c;
    c.external_id = std::string(external_id);
    c.name = std::string(row.values[kName]);
    c.emails = SplitList(row.values[kEmail]);
    c.phones = SplitList(row.values[kPhone]);
    c.preferred_language = std::string(TrimSpaces(row.values[kLanguage]));
    c.country = std::string(TrimSpaces(row.values[kCountry]));
    c.time_zone = std::string(TrimSpaces(row.values[kTimeZone]));
    c.tags = SplitList(row.values[kTags]);
    c.account_owner = std::string(row.values[kAccountOwner]);
    if (std::string_view seen = TrimSpaces(row.values[kFirstSeen]); !seen.empty()) {
      auto t = options_.date_format.Parse(seen);
      if (!t) return reject(mapping_.ColumnName(kFirstSeen), t.error().message());
      c.first_seen = *t;
    }
    for (const auto& [index, value] : row.dynamic) {
      const DynamicField& field = mapping_.dynamic()[index];
      std::string_view column = mapping_.columns()[field.column];
      if (DynamicPrefixes(Entity::kCustomers)[field.prefix] == kConsentPrefix) {
        if (TrimSpaces(value).empty()) continue;  // not asked, which is not "no"
        auto granted = ParseFlag(value);
        if (!granted) return reject(column, granted.error().message());
        c.consent[field.name] = *granted;
      } else {
        // An empty cell means the customer has no such attribute.
        if (value.empty()) continue;
        if (value.size() > kMaxAttributeBytes) {
          return reject(column, fmt::format("longer than {} bytes", kMaxAttributeBytes));
        }
        c.attributes[field.name] = std::string(value);
      }
    }
    if (Status s = ValidateCustomer(c); !s.ok()) {
      int slot = SlotOfCustomerField(s.field());
      return reject(slot >= 0 ? mapping_.ColumnName(slot) : std::string_view(s.field()),
                    s.message());
    }
    if (const int64_t* first = first_line_.Find(c.external_id)) {
      return reject(
          mapping_.ColumnName(kExternalId),
          fmt::format("duplicate external id '{}' (first on line {})", external_id, *first));
    }
    first_line_.Insert(c.external_id, row.line);
    if (writing_) {
      auto id = writer_.UpsertCustomer(c);
      if (!id) return Error(id.error());
    }
    return RowResult{};
  }

  void StopWriting() override { writing_ = false; }
  Status Finish() override { return Status::Ok(); }

 private:
  BulkWriter& writer_;
  const Mapping& mapping_;
  ConvertOptions options_;
  bool writing_ = true;
  IdMap first_line_;  // id -> line it was first imported from
};

}  // namespace

std::unique_ptr<RowSink> MakeCustomerSink(BulkWriter& writer, const Mapping& mapping,
                                          const ConvertOptions& options) {
  return std::make_unique<CustomerSink>(writer, mapping, options);
}

std::unique_ptr<RowSink> MakeSink(BulkWriter& writer, const Mapping& mapping,
                                  const ConvertOptions& options) {
  switch (mapping.entity()) {
    case Entity::kCustomers:
      return MakeCustomerSink(writer, mapping, options);
    case Entity::kProducts:
      return MakeProductSink(writer, mapping, options);
    case Entity::kOrders:
      return MakeOrderSink(writer, mapping, options);
  }
  return nullptr;
}

}  // namespace centric::ingest
