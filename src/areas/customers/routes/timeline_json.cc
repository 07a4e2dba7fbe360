// SPDX-License-Identifier: Apache-2.0
#include "areas/customers/routes/timeline_json.h"

namespace centric::customers {

boost::json::object TimelineEventJson(const TimelineEvent& e) {
  bool is_order = e.type == TimelineEvent::Type::kOrder;
  boost::json::object o;
  o["type"] = is_order ? "order" : "interaction";
  o["id"] = e.id;
  o["at"] = FormatIso8601(e.at);
  o["kind"] = e.kind;
  o["channel"] = is_order ? boost::json::value(nullptr) : boost::json::value(e.channel);
  o["summary"] = e.summary;
  o["amount_minor"] = is_order ? boost::json::value(e.amount_minor) : boost::json::value(nullptr);
  o["currency"] = is_order ? boost::json::value(e.currency) : boost::json::value(nullptr);
  return o;
}

}  // namespace centric::customers
