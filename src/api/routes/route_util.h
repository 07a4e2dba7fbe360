// SPDX-License-Identifier: Apache-2.0
// Small pieces every resource's handlers share: reading the {id} and the JSON body, turning
// store results into responses, and the create/read/update/delete handlers common to all
// entities, parameterised by the entity's store calls.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/http_status.h"
#include "api/query.h"
#include "api/request.h"
#include "api/response.h"
#include "api/services.h"
#include "core/json_codec.h"
#include "core/result.h"

namespace centric::api {

// The "{id}" path parameter as a positive integer; InvalidArgument (field "id") otherwise.
Result<int64_t> IdParam(const Request& request);

// The body as one JSON object; InvalidArgument naming the parser's complaint otherwise.
Result<boost::json::object> JsonBody(const Request& request);

// A store error from a write. NotFound naming a field means the body refers to something that
// does not exist (an order's customer_id, a line's sku): the body is wrong, so it becomes
// InvalidArgument, a 400, rather than a 404 that would suggest the URL is.
Status WriteError(Status status);

// Reads "cursor" and "limit" (1 to store::kMaxPageSize, default 50), which every list takes.
store::PageRequest ReadPage(QueryReader& query);

// 201 with `body` and Location: `path`.
Response Created(const boost::json::object& body, std::string location);

// The store calls of one entity type in its area's store, so one set of handlers serves
// every entity resource (customers, products, orders, interactions).
template <typename Store, typename T>
struct EntityCalls {
  std::string_view collection;  // "/api/v1/products"
  Store& (*store)(Services&);   // the area's store among the services' stores
  Result<T> (Store::*create)(const T&);
  Result<T> (Store::*get)(int64_t);
  Result<T> (Store::*update)(const T&);
  Status (Store::*remove)(int64_t);
  // A key that GET adds and PATCH ignores, so a client may send back what it read.
  std::string_view response_only_key = {};
};

// POST collection: the body read into a default T, created, 201 with the stored entity.
template <typename Store, typename T>
Response CreateEntity(const Request& request, Services& services,
                      const EntityCalls<Store, T>& calls) {
  auto body = JsonBody(request);
  if (!body) return ErrorResponse(body.error());
  T entity;
  if (Status s = FromJson(*body, entity); !s.ok()) return ErrorResponse(s);
  auto created = (calls.store(services).*calls.create)(entity);
  if (!created) return ErrorResponse(WriteError(created.error()));
  return Created(ToJson(*created),
                 std::string(calls.collection) + "/" + std::to_string(created->id));
}

// GET item.
template <typename Store, typename T>
Response GetEntity(const Request& request, Services& services, const EntityCalls<Store, T>& calls) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  auto found = (calls.store(services).*calls.get)(*id);
  if (!found) return ErrorResponse(found.error());
  return JsonResponse(200, ToJson(*found));
}

// PATCH item: the body is read over the current entity, so only the keys it has change.
template <typename Store, typename T>
Response PatchEntity(const Request& request, Services& services,
                     const EntityCalls<Store, T>& calls) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  auto body = JsonBody(request);
  if (!body) return ErrorResponse(body.error());
  if (!calls.response_only_key.empty()) body->erase(calls.response_only_key);
  auto current = (calls.store(services).*calls.get)(*id);
  if (!current) return ErrorResponse(current.error());
  if (Status s = FromJson(*body, *current); !s.ok()) return ErrorResponse(s);
  current->id = *id;
  auto updated = (calls.store(services).*calls.update)(*current);
  if (!updated) return ErrorResponse(WriteError(updated.error()));
  return JsonResponse(200, ToJson(*updated));
}

// DELETE item: 204.
template <typename Store, typename T>
Response DeleteEntity(const Request& request, Services& services,
                      const EntityCalls<Store, T>& calls) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  if (Status s = (calls.store(services).*calls.remove)(*id); !s.ok()) return ErrorResponse(s);
  return NoContent();
}

}  // namespace centric::api
