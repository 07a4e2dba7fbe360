// SPDX-License-Identifier: Apache-2.0
#include "api/router.h"

#include <algorithm>
#include <cassert>

namespace centric::api {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  // Paths start with '/'; an empty segment (trailing or double slash) is kept so that
  // "/customers/" does not quietly match "/customers".
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// How well `pattern` matches `path`: -1 for no match, else the number of literal segments,
// so the most literal pattern wins.
int MatchScore(const std::vector<std::string>& want, const std::vector<std::string_view>& path,
               Params* params) {
  if (want.size() != path.size()) return -1;
  int literals = 0;
  Params found;
  for (size_t i = 0; i < want.size(); ++i) {
    if (IsParam(want[i])) {
      if (path[i].empty()) return -1;
      found.emplace_back(want[i].substr(1, want[i].size() - 2), std::string(path[i]));
    } else if (want[i] == path[i]) {
      ++literals;
    } else {
      return -1;
    }
  }
  if (params) *params = std::move(found);
  return literals;
}

}  // namespace

void Router::Add(Method method, std::string pattern, Access access, Handler handler) {
  // A duplicate would make one of the two routes unreachable: a bug in the route table.
  assert(std::none_of(routes_.begin(), routes_.end(),
                      [&](const Route& r) { return r.method == method && r.pattern == pattern; }));
  assert(!pattern.empty() && pattern.front() == '/');
  std::vector<std::string> segments;
  for (std::string_view s : Segments(pattern)) segments.emplace_back(s);
  pattern_segments_.push_back(std::move(segments));
  routes_.push_back(Route{method, std::move(pattern), access, handler});
}

Router::Match Router::Find(Method method, std::string_view path) const {
  Match match;
  if (path.empty() || path.front() != '/') return match;
  std::vector<std::string_view> segments = Segments(path);
  // Pass 1: the best-scoring pattern for this path, whatever the method, so that a literal
  // path beats a parameterised one consistently for 404/405 decisions too.
  int best = -1;
  for (const auto& pattern : pattern_segments_) {
    best = std::max(best, MatchScore(pattern, segments, nullptr));
  }
  if (best < 0) return match;
  match.path_is_public = true;
  for (size_t i = 0; i < routes_.size(); ++i) {
    const Route& r = routes_[i];
    Params params;
    if (MatchScore(pattern_segments_[i], segments, &params) != best) continue;
    match.path_is_public = match.path_is_public && r.access == Access::kPublic;
    if (std::find(match.allowed.begin(), match.allowed.end(), r.method) == match.allowed.end()) {
      match.allowed.push_back(r.method);
    }
    if (r.method == method && !match.route) {
      match.route = &r;
      match.params = std::move(params);
    }
  }
  return match;
}

}  // namespace centric::api
