// SPDX-License-Identifier: Apache-2.0
// The web app's built files (web/dist), served by `centric serve` on the API's port: loaded
// into memory once at start-up (a few hundred KB), so serving one is a map look-up. Any path
// that names no file gets index.html, because the app routes on the client (/customers/42).
// Immutable after Load; safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "api/response.h"
#include "core/result.h"

namespace centric::api {

class StaticFiles {
 public:
  // Reads every regular file under `root`. NotFound when root/index.html does not exist.
  static Result<StaticFiles> Load(const std::string& root);

  // The response to GET `path`: the file, else index.html.
  Response Serve(std::string_view path) const;

  size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
    bool fingerprinted = false;  // Vite's assets/ names carry a content hash: cache forever
  };
  std::unordered_map<std::string, File> files_;  // by URL path, "/index.html"
};

}  // namespace centric::api
