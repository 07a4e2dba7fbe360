// SPDX-License-Identifier: Apache-2.0
#include "core/json_codec.h"

#include <boost/json/src.hpp>  // Boost.JSON compiled into this one translation unit
#include <fmt/format.h>

namespace centric {
namespace json = boost::json;
namespace {

json::array StringArray(const std::vector<std::string>& values) {
  json::array out;
  for (const auto& v : values) out.emplace_back(v);
  return out;
}

// Reads the fields of one JSON object, remembering the first error.
class Reader {
 public:
  explicit Reader(const json::object& obj) : obj_(obj) {}

  void String(std::string_view key, std::string& out) {
    if (auto* v = Find(key)) {
      if (v->is_null()) {
        out.clear();
      } else if (v->is_string()) {
        out = std::string(v->get_string());
      } else {
        Fail(key, "must be a string");
      }
    }
  }
  void Int(std::string_view key, int64_t& out) {
    if (auto* v = Find(key)) {
      if (v->is_int64()) {
        out = v->get_int64();
      } else if (v->is_uint64() && v->get_uint64() <= INT64_MAX) {
        out = static_cast<int64_t>(v->get_uint64());
      } else {
        Fail(key, "must be an integer");
      }
    }
  }
  void Time(std::string_view key, Timestamp& out) {
    if (auto* v = Find(key)) {
      if (!v->is_string()) return Fail(key, "must be an ISO 8601 string");
      auto t = ParseIso8601(v->get_string());
      if (!t) return Fail(key, t.error().message());
      out = *t;
    }
  }
  void OptionalTime(std::string_view key, std::optional<Timestamp>& out) {
    if (auto* v = Find(key)) {
      if (v->is_null()) {
        out.reset();
        return;
      }
      Timestamp t{};
      Time(key, t);
      out = t;
    }
  }
  void Strings(std::string_view key, std::vector<std::string>& out) {
    if (auto* v = Find(key)) {
      if (!v->is_array()) return Fail(key, "must be an array of strings");
      std::vector<std::string> values;
      for (const auto& e : v->get_array()) {
        if (!e.is_string()) return Fail(key, "must be an array of strings");
        values.emplace_back(e.get_string());
      }
      out = std::move(values);
    }
  }
  void StringMap(std::string_view key, std::map<std::string, std::string>& out) {
    if (auto* v = Find(key)) {
      if (!v->is_object()) return Fail(key, "must be an object of strings");
      std::map<std::string, std::string> values;
      for (const auto& [k, e] : v->get_object()) {
        if (!e.is_string()) return Fail(key, "must be an object of strings");
        values.emplace(std::string(k), std::string(e.get_string()));
      }
      out = std::move(values);
    }
  }
  void BoolMap(std::string_view key, std::map<std::string, bool>& out) {
    if (auto* v = Find(key)) {
      if (!v->is_object()) return Fail(key, "must be an object of booleans");
      std::map<std::string, bool> values;
      for (const auto& [k, e] : v->get_object()) {
        if (!e.is_bool()) return Fail(key, "must be an object of booleans");
        values.emplace(std::string(k), e.get_bool());
      }
      out = std::move(values);
    }
  }
  const json::value* Find(std::string_view key) {
    seen_.push_back(key);
    return obj_.if_contains(key);
  }
  void Fail(std::string_view key, std::string message) {
    if (status_.ok()) status_ = InvalidArgument(std::move(message), std::string(key));
  }
  // Call last: rejects keys no reader asked for. `ignored` are read-only keys (id, times).
  Status Finish(std::initializer_list<std::string_view> ignored = {}) {
    if (!status_.ok()) return status_;
    for (const auto& [k, v] : obj_) {
      bool known = false;
      for (auto s : seen_) known = known || s == k;
      for (auto s : ignored) known = known || s == k;
      if (!known) return InvalidArgument("unknown field", std::string(k));
    }
    return Status::Ok();
  }

 private:
  const json::object& obj_;
  std::vector<std::string_view> seen_;
  Status status_;
};

}  // namespace

json::object ToJson(const Customer& c) {
  json::object consent;
  for (const auto& [k, v] : c.consent) consent[k] = v;
  json::object attributes;
  for (const auto& [k, v] : c.attributes) attributes[k] = v;
  json::object o;
  o["id"] = c.id;
  o["external_id"] = c.external_id;
  o["name"] = c.name;
  o["emails"] = StringArray(c.emails);
  o["phones"] = StringArray(c.phones);
  o["preferred_language"] = c.preferred_language;
  o["country"] = c.country;
  o["time_zone"] = c.time_zone;
  o["first_seen"] = c.first_seen ? json::value(FormatIso8601(*c.first_seen)) : json::value(nullptr);
  o["consent"] = std::move(consent);
  o["tags"] = StringArray(c.tags);
  o["attributes"] = std::move(attributes);
  o["account_owner"] = c.account_owner;
  o["created_at"] = FormatIso8601(c.created_at);
  o["updated_at"] = FormatIso8601(c.updated_at);
  return o;
}

json::object ToJson(const Product& p) {
  json::object o;
  o["id"] = p.id;
  o["sku"] = p.sku;
  o["name"] = p.name;
  o["category"] = p.category;
  o["currency"] = p.currency;
  o["price_minor"] = p.price_minor;
  o["unit_cost_minor"] = p.unit_cost_minor;
  o["created_at"] = FormatIso8601(p.created_at);
  o["updated_at"] = FormatIso8601(p.updated_at);
  return o;
}

json::object ToJson(const Order& order) {
  json::array lines;
  for (const auto& l : order.lines) {
    json::object line;
    line["product_id"] = l.product_id;
    line["sku"] = l.sku;
    line["description"] = l.description;
    line["quantity"] = l.quantity;
    line["unit_price_minor"] = l.unit_price_minor;
    line["discount_minor"] = l.discount_minor;
    line["amount_minor"] = l.amount_minor;
    lines.emplace_back(std::move(line));
  }
  json::object o;
  o["id"] = order.id;
  o["external_id"] = order.external_id;
  o["customer_id"] = order.customer_id;
  o["ordered_at"] = FormatIso8601(order.ordered_at);
  o["currency"] = order.currency;
  o["status"] = OrderStatusName(order.status);
  o["total_minor"] = order.total_minor;
  o["discount_minor"] = order.discount_minor;
  o["lines"] = std::move(lines);
  return o;
}

json::object ToJson(const Interaction& i) {
  json::object o;
  o["id"] = i.id;
  o["customer_id"] = i.customer_id;
  o["kind"] = i.kind;
  o["channel"] = i.channel;
  o["occurred_at"] = FormatIso8601(i.occurred_at);
  o["summary"] = i.summary;
  boost::system::error_code ec;
  json::value details = json::parse(i.details.empty() ? "{}" : i.details, ec);
  o["details"] = ec ? json::value(i.details) : std::move(details);
  o["author"] = i.author;
  o["created_at"] = FormatIso8601(i.created_at);
  return o;
}

Status FromJson(const json::object& obj, Customer& c) {
  Reader r(obj);
  r.String("external_id", c.external_id);
  r.String("name", c.name);
  r.Strings("emails", c.emails);
  r.Strings("phones", c.phones);
  r.String("preferred_language", c.preferred_language);
  r.String("country", c.country);
  r.String("time_zone", c.time_zone);
  r.OptionalTime("first_seen", c.first_seen);
  r.BoolMap("consent", c.consent);
  r.Strings("tags", c.tags);
  r.StringMap("attributes", c.attributes);
  r.String("account_owner", c.account_owner);
  return r.Finish({"id", "created_at", "updated_at"});
}

Status FromJson(const json::object& obj, Product& p) {
  Reader r(obj);
  r.String("sku", p.sku);
  r.String("name", p.name);
  r.String("category", p.category);
  r.String("currency", p.currency);
  r.Int("price_minor", p.price_minor);
  r.Int("unit_cost_minor", p.unit_cost_minor);
  return r.Finish({"id", "created_at", "updated_at"});
}

Status FromJson(const json::object& obj, Order& order) {
  Reader r(obj);
  r.String("external_id", order.external_id);
  r.Int("customer_id", order.customer_id);
  r.Time("ordered_at", order.ordered_at);
  r.String("currency", order.currency);
  std::string status(OrderStatusName(order.status));
  r.String("status", status);
  auto parsed = ParseOrderStatus(status);
  if (!parsed) r.Fail("status", parsed.error().message());
  else order.status = *parsed;
  if (auto* v = r.Find("lines")) {
    if (!v->is_array()) {
      r.Fail("lines", "must be an array of objects");
    } else {
      std::vector<OrderLine> lines;
      for (const auto& e : v->get_array()) {
        if (!e.is_object()) {
          r.Fail("lines", "must be an array of objects");
          break;
        }
        OrderLine line;
        Reader lr(e.get_object());
        lr.Int("product_id", line.product_id);
        lr.String("sku", line.sku);
        lr.String("description", line.description);
        lr.Int("quantity", line.quantity);
        lr.Int("unit_price_minor", line.unit_price_minor);
        lr.Int("discount_minor", line.discount_minor);
        bool has_amount = e.get_object().contains("amount_minor");
        lr.Int("amount_minor", line.amount_minor);
        if (Status s = lr.Finish(); !s.ok()) {
          r.Fail(fmt::format("lines[{}].{}", lines.size(), s.field()), s.message());
          break;
        }
        if (!has_amount) {
          line.amount_minor = line.quantity * line.unit_price_minor - line.discount_minor;
        }
        lines.push_back(std::move(line));
      }
      order.lines = std::move(lines);
    }
  }
  Status s = r.Finish({"id", "total_minor", "discount_minor"});
  if (s.ok()) RecomputeTotals(order);
  return s;
}

Status FromJson(const json::object& obj, Interaction& i) {
  Reader r(obj);
  r.Int("customer_id", i.customer_id);
  r.String("kind", i.kind);
  r.String("channel", i.channel);
  r.Time("occurred_at", i.occurred_at);
  r.String("summary", i.summary);
  r.String("author", i.author);
  if (auto* v = r.Find("details")) {
    if (v->is_object()) {
      i.details = json::serialize(*v);
    } else if (v->is_null()) {
      i.details = "{}";
    } else {
      r.Fail("details", "must be an object");
    }
  }
  return r.Finish({"id", "created_at"});
}

Result<json::object> ParseJsonObject(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return Error(InvalidArgument(fmt::format("invalid JSON: {}", ec.message())));
  if (!v.is_object()) return Error(InvalidArgument("expected a JSON object"));
  return std::move(v.get_object());
}

}  // namespace centric
