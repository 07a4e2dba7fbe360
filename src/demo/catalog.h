// SPDX-License-Identifier: Apache-2.0
// The demo shop's catalog and basket model: categories with price bands, margins and base
// appeal, the complements each category pulls into a basket, and checkout impulse items.
// Private to src/demo; the affinity and impulse tables are public through demo.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/product.h"
#include "demo/demo.h"

namespace centric::demo {

// Top-level departments, in the order of the preference tables below.
enum class Department { kClothing = 0, kElectronics, kFood, kFurniture, kServices };
inline constexpr int kDepartments = 5;

// How much an income group leans towards a department, as a factor on the category's base
// appeal; indexed [IncomeGroup][Department].
extern const double kIncomeAppeal[3][kDepartments];

struct CategoryInfo {
  std::string path;  // "Food/Pizza"
  Department department = Department::kFood;
  double appeal = 0;  // base weight as a basket's anchor; 0 = never an anchor
  int max_quantity = 1;
  std::vector<int> products;  // indices into Catalog::products, by ascending price
  int64_t min_price_minor = 0;
  // The most one errand in this category can spend: top price times max quantity.
  int64_t capacity_minor = 0;
  std::vector<std::pair<int, double>> complements;  // (category index, probability)
};

struct Generator::Catalog {
  std::vector<Product> products;
  std::vector<int> product_category;  // category index of each product
  std::vector<CategoryInfo> categories;
  std::vector<int> anchors;                      // categories with appeal > 0
  std::vector<std::pair<int, double>> impulses;  // (category index, probability)
  int64_t min_anchor_price_minor = 0;
  int64_t max_impulse_price_minor = 0;

  // -1 when unknown.
  int CategoryIndex(std::string_view path) const;
};

// The catalog is fixed except for prices and costs, which are drawn from `seed`.
Generator::Catalog BuildCatalog(uint64_t seed, Timestamp created_at);

}  // namespace centric::demo
