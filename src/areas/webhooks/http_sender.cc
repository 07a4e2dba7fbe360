// SPDX-License-Identifier: Apache-2.0
#include "areas/webhooks/http_sender.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <mutex>

namespace centric::webhooks {
namespace {

struct Reading {
  size_t received = 0;
  size_t cap = 0;
  bool over = false;
};

size_t Discard(char*, size_t size, size_t count, void* user) {
  auto* reading = static_cast<Reading*>(user);
  reading->received += size * count;
  if (reading->received > reading->cap) {
    reading->over = true;
    return 0;  // aborts the transfer: a subscriber cannot make us read without end
  }
  return size * count;
}

int Progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* stop = static_cast<const std::atomic<bool>*>(user);
  return stop && stop->load() ? 1 : 0;
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

HttpSender::HttpSender(SenderOptions options, const std::atomic<bool>* stop)
    : options_(options), stop_(stop) {
  GlobalInit();
  curl_ = curl_easy_init();
}

HttpSender::~HttpSender() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

SendResult HttpSender::Post(const std::string& url, std::string_view body,
                            const std::vector<std::pair<std::string, std::string>>& headers) {
  SendResult result;
  CURL* curl = static_cast<CURL*>(curl_);
  if (!curl) {
    result.error = "cannot start an HTTP client";
    return result;
  }
  curl_easy_reset(curl);  // keeps the connection cache, forgets the last request's options
  struct curl_slist* list = nullptr;
  for (const auto& [name, value] : headers) {
    list = curl_slist_append(list, fmt::format("{}: {}", name, value).c_str());
  }
  list = curl_slist_append(list, "Expect:");  // no 100-continue round trip
  Reading reading{0, options_.max_response_bytes, false};
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "Centric-Webhooks/1");
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.request_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Discard);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reading);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, Progress);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, stop_);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);

  const auto start = std::chrono::steady_clock::now();
  const CURLcode code = curl_easy_perform(curl);
  result.latency_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if (status > 0) result.status_code = static_cast<int>(status);
  curl_slist_free_all(list);

  if (reading.over && result.ok()) return result;  // accepted; the rest of its answer unread
  if (code != CURLE_OK && !reading.over) {
    result.error = error[0] ? std::string(error) : std::string(curl_easy_strerror(code));
    if (code == CURLE_OPERATION_TIMEDOUT) result.status_code.reset();
    return result;
  }
  if (result.ok()) return result;
  if (status >= 300 && status < 400) {
    char* location = nullptr;
    curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location);
    result.error = fmt::format(
        "redirect to {} not followed: deliveries go only to the "
        "subscribed URL",
        location ? location : "(no Location)");
  } else {
    result.error = fmt::format("HTTP {}", status);
    if (reading.over) result.error += fmt::format(" (answer cut at {} bytes)", reading.cap);
  }
  return result;
}

}  // namespace centric::webhooks
