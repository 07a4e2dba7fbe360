// SPDX-License-Identifier: Apache-2.0
#include "api/static_files.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace centric::api {
namespace {

namespace fs = std::filesystem;

std::string ContentType(const fs::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

Result<StaticFiles> StaticFiles::Load(const std::string& root) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(root) / "index.html", ec)) {
    return Error(NotFound(fmt::format("no web app in {}: {}/index.html is missing (build it "
                                      "with `npm run build` in web/)",
                                      root, root)));
  }
  StaticFiles files;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in && !in.eof()) return Error(Unavailable(fmt::format("cannot read {}", it->path().string())));
    const std::string relative = fs::relative(it->path(), root).generic_string();
    files.files_["/" + relative] =
        File{ContentType(it->path()), body.str(), relative.starts_with("assets/")};
  }
  if (ec) return Error(Unavailable(fmt::format("cannot list {}: {}", root, ec.message())));
  return files;
}

Response StaticFiles::Serve(std::string_view path) const {
  auto it = files_.find(std::string(path));
  if (it == files_.end()) it = files_.find("/index.html");
  const File& file = it->second;
  Response r;
  r.status = 200;
  r.body = file.body;
  r.headers = {
      {"Content-Type", file.content_type},
      {"Cache-Control", file.fingerprinted ? "public, max-age=31536000, immutable" : "no-cache"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "same-origin"},
      // The app loads only its own scripts and calls only its own API; no page may frame it.
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
      {"X-Frame-Options", "DENY"},
  };
  return r;
}

}  // namespace centric::api
