// SPDX-License-Identifier: Apache-2.0
#include "platform/store/postgres/pg_conn.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

namespace centric::store::postgres {

int64_t PgResult::Int(int row, int column) const {
  std::string_view text = Text(row, column);
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

int64_t PgResult::affected() const {
  const char* n = PQcmdTuples(result_.get());
  return n && *n ? std::atoll(n) : 0;
}

Result<std::unique_ptr<PgConn>> PgConn::Connect(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    return Error(Unavailable(fmt::format("cannot connect to PostgreSQL: {}", message)));
  }
  auto pg = std::unique_ptr<PgConn>(new PgConn(conn));
  CENTRIC_RETURN_IF_ERROR(
      pg->Exec("SET client_min_messages = warning; SET TIME ZONE 'UTC'; "
               "SET client_encoding = 'UTF8'"));
  return pg;
}

PgConn::~PgConn() { PQfinish(conn_); }

Status PgConn::StatusOf(PGresult* result) const {
  ExecStatusType st = PQresultStatus(result);
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Status::Ok();
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  std::string message = primary ? primary : PQerrorMessage(conn_);
  std::string_view code = state ? state : "";
  if (code == "23505") return AlreadyExists(message);
  if (code == "23503") return FailedPrecondition(message);
  if (code.rfind("22", 0) == 0 || code.rfind("23", 0) == 0) return InvalidArgument(message);
  if (code.rfind("08", 0) == 0 || code == "40001" || code == "40P01" || code == "57P01" ||
      code == "53300" || PQstatus(conn_) != CONNECTION_OK) {
    return Unavailable("postgresql: " + message);
  }
  return Internal(fmt::format("postgresql {}: {}", code, message));
}

Status PgConn::Exec(std::string_view sql) {
  std::string owned(sql);
  PGresult* result = PQexec(conn_, owned.c_str());
  Status s = StatusOf(result);
  PQclear(result);
  return s;
}

Result<PgResult> PgConn::Run(const std::string& sql, const Params& params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "c" + std::to_string(prepared_.size());
    PGresult* prep = PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr);
    Status s = StatusOf(prep);
    PQclear(prep);
    if (!s.ok()) {
      return Error(s.code() == StatusCode::kInternal
                       ? Internal(fmt::format("cannot prepare '{}': {}", sql, s.message()))
                       : s);
    }
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  const auto& values = params.values();
  std::vector<const char*> raw(values.size());
  for (size_t i = 0; i < values.size(); ++i) raw[i] = values[i] ? values[i]->c_str() : nullptr;
  PGresult* result = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(raw.size()),
                                    raw.data(), nullptr, nullptr, 0);
  Status s = StatusOf(result);
  if (!s.ok()) {
    PQclear(result);
    return Error(std::move(s));
  }
  return PgResult(result);
}

}  // namespace centric::store::postgres
