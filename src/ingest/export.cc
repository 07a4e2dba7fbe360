// SPDX-License-Identifier: Apache-2.0
// Export writes the shape the importer reads with no --map, so export then import is a
// round trip: CSV columns and JSON keys are the import field names, money is decimal text in
// the currency's minor-unit digits (exact, never a float), times are ISO 8601 UTC.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <map>
#include <set>
#include <unordered_map>

#include "core/money.h"
#include "ingest/ingest.h"
#include "text/csv_writer.h"

namespace centric::ingest {
namespace {

namespace json = boost::json;

std::string JoinList(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, ";"));
}

json::array JsonList(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& i : items) out.emplace_back(i);
  return out;
}

void WriteJson(text::Output& out, const json::object& object) {
  out.Write(json::serialize(object));
  out.Put('\n');
}

Result<int64_t> ExportCustomers(customers::CustomerStore& store, Format format, text::Output& out) {
  int64_t count = 0;
  if (format == Format::kJsonl) {
    CENTRIC_RETURN_IF_ERROR(store.ScanCustomers([&](const Customer& c) {
      json::object o;
      o["external_id"] = c.external_id;
      o["name"] = c.name;
      o["email"] = JsonList(c.emails);
      o["phone"] = JsonList(c.phones);
      o["language"] = c.preferred_language;
      o["country"] = c.country;
      o["time_zone"] = c.time_zone;
      o["first_seen"] =
          c.first_seen ? json::value(FormatIso8601(*c.first_seen)) : json::value(nullptr);
      o["tags"] = JsonList(c.tags);
      o["account_owner"] = c.account_owner;
      for (const auto& [channel, granted] : c.consent)
        o[std::string(kConsentPrefix) + channel] = granted;
      for (const auto& [name, value] : c.attributes)
        o[std::string(kAttributePrefix) + name] = value;
      WriteJson(out, o);
      ++count;
      return Status::Ok();
    }));
    return count;
  }
  // A CSV header must name every consent channel and attribute before the first row, so a
  // first pass collects them.
  std::set<std::string> channels, attributes;
  CENTRIC_RETURN_IF_ERROR(store.ScanCustomers([&](const Customer& c) {
    for (const auto& [channel, granted] : c.consent) channels.insert(channel);
    for (const auto& [name, value] : c.attributes) attributes.insert(name);
    return Status::Ok();
  }));
  text::CsvWriter csv(out);
  for (const auto& f : Fields(Entity::kCustomers)) csv.Field(f.name);
  for (const auto& ch : channels) csv.Field(std::string(kConsentPrefix) + ch);
  for (const auto& a : attributes) csv.Field(std::string(kAttributePrefix) + a);
  csv.EndRecord();
  CENTRIC_RETURN_IF_ERROR(store.ScanCustomers([&](const Customer& c) {
    csv.Field(c.external_id);
    csv.Field(c.name);
    csv.Field(JoinList(c.emails));
    csv.Field(JoinList(c.phones));
    csv.Field(c.preferred_language);
    csv.Field(c.country);
    csv.Field(c.time_zone);
    csv.Field(c.first_seen ? FormatIso8601(*c.first_seen) : std::string());
    csv.Field(JoinList(c.tags));
    csv.Field(c.account_owner);
    for (const auto& ch : channels) {
      auto it = c.consent.find(ch);
      csv.Field(it == c.consent.end() ? "" : it->second ? "true" : "false");
    }
    for (const auto& a : attributes) {
      auto it = c.attributes.find(a);
      csv.Field(it == c.attributes.end() ? std::string_view() : std::string_view(it->second));
    }
    csv.EndRecord();
    ++count;
    return Status::Ok();
  }));
  return count;
}

Result<int64_t> ExportProducts(orders::OrderStore& store, Format format, text::Output& out) {
  int64_t count = 0;
  text::CsvWriter csv(out);
  if (format == Format::kCsv) {
    for (const auto& f : Fields(Entity::kProducts)) csv.Field(f.name);
    csv.EndRecord();
  }
  CENTRIC_RETURN_IF_ERROR(store.ScanProducts([&](const Product& p) {
    const int exponent = CurrencyExponent(p.currency);
    std::string price = FormatMinorUnits(p.price_minor, exponent);
    std::string unit_cost = FormatMinorUnits(p.unit_cost_minor, exponent);
    if (format == Format::kJsonl) {
      json::object o;
      o["sku"] = p.sku;
      o["name"] = p.name;
      o["category"] = p.category;
      o["price"] = price;
      o["unit_cost"] = unit_cost;
      o["currency"] = p.currency;
      WriteJson(out, o);
    } else {
      for (std::string_view f :
           {std::string_view(p.sku), std::string_view(p.name), std::string_view(p.category),
            std::string_view(price), std::string_view(unit_cost), std::string_view(p.currency)}) {
        csv.Field(f);
      }
      csv.EndRecord();
    }
    ++count;
    return Status::Ok();
  }));
  return count;
}

Result<int64_t> ExportOrders(customers::CustomerStore& customer_store, orders::OrderStore& store,
                             Format format, text::Output& out) {
  // Orders refer to customers and products by internal id; the file uses their keys.
  std::unordered_map<CustomerId, std::string> customers;
  CENTRIC_RETURN_IF_ERROR(customer_store.ScanCustomers([&](const Customer& c) {
    customers.emplace(c.id, c.external_id);
    return Status::Ok();
  }));
  std::unordered_map<ProductId, std::string> products;
  CENTRIC_RETURN_IF_ERROR(store.ScanProducts([&](const Product& p) {
    products.emplace(p.id, p.sku);
    return Status::Ok();
  }));
  static constexpr std::string_view kColumns[] = {"invoice",  "customer", "timestamp",   "status",
                                                  "currency", "product",  "description", "quantity",
                                                  "price",    "discount", "amount"};
  text::CsvWriter csv(out);
  if (format == Format::kCsv) {
    for (auto c : kColumns) csv.Field(c);
    csv.EndRecord();
  }
  int64_t count = 0;
  CENTRIC_RETURN_IF_ERROR(store.ScanOrders([&](const Order& o) -> Status {
    auto customer = customers.find(o.customer_id);
    if (customer == customers.end()) {
      return Internal(fmt::format("order {} refers to missing customer {}", o.id, o.customer_id));
    }
    const int exponent = CurrencyExponent(o.currency);
    const std::string timestamp = FormatIso8601(o.ordered_at);
    const std::string_view status = OrderStatusName(o.status);
    auto write = [&](const OrderLine* line) -> Status {
      std::string sku, quantity, price, discount, amount;
      if (line != nullptr) {
        sku = line->sku;
        if (sku.empty()) {
          auto p = products.find(line->product_id);
          if (p == products.end()) {
            return Internal(
                fmt::format("order {} refers to missing product {}", o.id, line->product_id));
          }
          sku = p->second;
        }
        quantity = std::to_string(line->quantity);
        price = FormatMinorUnits(line->unit_price_minor, exponent);
        discount = FormatMinorUnits(line->discount_minor, exponent);
        amount = FormatMinorUnits(line->amount_minor, exponent);
      }
      std::string_view description =
          line ? std::string_view(line->description) : std::string_view();
      if (format == Format::kJsonl) {
        json::object j;
        j["invoice"] = o.external_id;
        j["customer"] = customer->second;
        j["timestamp"] = timestamp;
        j["status"] = status;
        j["currency"] = o.currency;
        j["product"] = sku;
        j["description"] = description;
        j["quantity"] = line ? json::value(line->quantity) : json::value(nullptr);
        j["price"] = price;
        j["discount"] = discount;
        j["amount"] = amount;
        WriteJson(out, j);
      } else {
        for (std::string_view f :
             {std::string_view(o.external_id), std::string_view(customer->second),
              std::string_view(timestamp), status, std::string_view(o.currency),
              std::string_view(sku), description, std::string_view(quantity),
              std::string_view(price), std::string_view(discount), std::string_view(amount)}) {
          csv.Field(f);
        }
        csv.EndRecord();
      }
      ++count;
      return Status::Ok();
    };
    // An order without lines still gets a row, with the line columns empty.
    if (o.lines.empty()) return write(nullptr);
    for (const auto& line : o.lines) CENTRIC_RETURN_IF_ERROR(write(&line));
    return Status::Ok();
  }));
  return count;
}

}  // namespace

Result<int64_t> Export(customers::CustomerStore& customers, orders::OrderStore& orders,
                       Entity entity, Format format, text::Output& out) {
  Result<int64_t> count = 0;
  switch (entity) {
    case Entity::kCustomers:
      count = ExportCustomers(customers, format, out);
      break;
    case Entity::kProducts:
      count = ExportProducts(orders, format, out);
      break;
    case Entity::kOrders:
      count = ExportOrders(customers, orders, format, out);
      break;
  }
  if (!count) return count;
  CENTRIC_RETURN_IF_ERROR(out.Flush());
  return count;
}

}  // namespace centric::ingest
