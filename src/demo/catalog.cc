// SPDX-License-Identifier: Apache-2.0
// Prices are drawn log-uniformly inside each category's band and rounded to shop price points;
// unit costs come from the category's cost ratio, so margins differ by department (thin on
// electronics, fat on services and clothing) as in real retail.
#include "demo/catalog.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <initializer_list>

#include "demo/random.h"

namespace centric::demo {
namespace {

struct CategorySpec {
  std::string_view path;
  std::string_view code;  // sku prefix
  Department department;
  double price_min_eur;
  double price_max_eur;
  double cost_ratio_min;
  double cost_ratio_max;
  double appeal;
  int max_quantity;
  std::initializer_list<std::string_view> bases;
  std::initializer_list<std::string_view> variants;  // empty: one product per base
};

using D = Department;

// clang-format off: one category per row reads as a table.
const CategorySpec kCategories[] = {
    {"Clothing/Shirts",
     "SHI",
     D::kClothing,
     24,
     89,
     0.35,
     0.50,
     1.0,
     4,
     {"Oxford shirt", "Linen shirt", "Poplin shirt", "Flannel shirt", "Denim shirt"},
     {"white", "light blue", "navy"}},
    {"Clothing/Trousers",
     "TRO",
     D::kClothing,
     29,
     119,
     0.35,
     0.50,
     0.9,
     3,
     {"Chinos", "Slim jeans", "Wool trousers", "Cargo trousers", "Linen trousers"},
     {"navy", "black", "beige"}},
    {"Clothing/Dresses",
     "DRE",
     D::kClothing,
     35,
     190,
     0.35,
     0.50,
     0.8,
     2,
     {"Wrap dress", "Midi dress", "Shirt dress", "Evening dress", "Summer dress"},
     {"black", "floral"}},
    {"Clothing/Suits",
     "SUI",
     D::kClothing,
     149,
     599,
     0.40,
     0.55,
     0.35,
     1,
     {"Two-piece suit", "Three-piece suit", "Linen suit", "Wool suit", "Tuxedo"},
     {"navy", "charcoal"}},
    {"Clothing/Shoes",
     "SHO",
     D::kClothing,
     39,
     249,
     0.40,
     0.55,
     0.9,
     2,
     {"Oxford shoes", "Derby shoes", "Running shoes", "Loafers", "Ankle boots", "Sneakers"},
     {"black", "brown", "white"}},
    {"Clothing/Socks",
     "SOC",
     D::kClothing,
     4,
     19,
     0.30,
     0.45,
     0.5,
     5,
     {"Cotton socks 3-pack", "Wool socks", "Sport socks 5-pack", "Bamboo socks"},
     {"black", "grey"}},
    {"Clothing/Ties",
     "TIE",
     D::kClothing,
     15,
     69,
     0.25,
     0.40,
     0.15,
     3,
     {"Silk tie", "Knitted tie", "Bow tie", "Wool tie"},
     {"navy", "burgundy"}},
    {"Electronics/Phones",
     "PHO",
     D::kElectronics,
     149,
     1299,
     0.78,
     0.88,
     0.5,
     2,
     {"Nova X1", "Nova X1 Pro", "Orbit 5", "Orbit 5 Lite", "Pixelon 8", "Pixelon 8 Max"},
     {"128 GB", "256 GB"}},
    {"Electronics/Accessories",
     "ACC",
     D::kElectronics,
     9,
     79,
     0.30,
     0.45,
     0.7,
     4,
     {"USB-C cable", "Phone case", "Screen protector", "Fast charger", "Power bank",
      "Wireless charger", "Laptop sleeve", "Wireless mouse"},
     {"black", "white"}},
    {"Electronics/Laptops",
     "LAP",
     D::kElectronics,
     399,
     2199,
     0.80,
     0.90,
     0.3,
     1,
     {"Aero 13", "Aero 15", "Forge 16", "Slate 14", "Slate 14 Plus"},
     {"8 GB RAM", "16 GB RAM"}},
    {"Electronics/Headphones",
     "HEA",
     D::kElectronics,
     19,
     349,
     0.55,
     0.70,
     0.5,
     2,
     {"Wireless earbuds", "Over-ear headphones", "Noise-cancelling headphones", "Sport earbuds",
      "Studio headphones"},
     {"black", "white", "blue"}},
    {"Electronics/TV",
     "TVS",
     D::kElectronics,
     249,
     1999,
     0.80,
     0.90,
     0.25,
     1,
     {"Vista 43-inch TV", "Vista 50-inch TV", "Vista 55-inch OLED TV", "Cine 65-inch TV",
      "Cine 75-inch TV"},
     {}},
    {"Food/Pizza",
     "PIZ",
     D::kFood,
     7,
     16,
     0.30,
     0.40,
     1.2,
     4,
     {"Pizza Margherita", "Pizza Diavola", "Pizza Quattro Formaggi", "Pizza Prosciutto e Funghi",
      "Pizza Capricciosa", "Pizza Vegetariana", "Pizza Napoletana", "Calzone"},
     {"26 cm", "33 cm"}},
    {"Food/Pasta",
     "PAS",
     D::kFood,
     8,
     15,
     0.30,
     0.40,
     0.9,
     4,
     {"Spaghetti carbonara", "Penne arrabbiata", "Lasagne", "Tagliatelle al ragu",
      "Gnocchi al pesto", "Ravioli ricotta e spinaci"},
     {"regular", "large"}},
    {"Food/Drinks",
     "DRI",
     D::kFood,
     1.2,
     14,
     0.35,
     0.55,
     0.25,
     6,
     {"Still water 1.5 L", "Sparkling water 1.5 L", "Cola 33 cl", "Lemonade 33 cl",
      "Iced tea 50 cl", "Craft beer 33 cl", "Red wine 75 cl", "White wine 75 cl",
      "Orange juice 1 L", "Ginger ale 33 cl"},
     {}},
    {"Food/Desserts",
     "DES",
     D::kFood,
     3,
     7,
     0.30,
     0.45,
     0.5,
     4,
     {"Tiramisu", "Panna cotta", "Chocolate mousse", "Cheesecake", "Gelato 500 ml", "Cannoli"},
     {}},
    {"Food/Coffee",
     "COF",
     D::kFood,
     4,
     16,
     0.45,
     0.60,
     0.6,
     4,
     {"Espresso beans 500 g", "Ground coffee 250 g", "Decaf beans 500 g", "Coffee capsules 20-pack",
      "Cold brew 1 L"},
     {}},
    {"Food/Snacks",
     "SNA",
     D::kFood,
     0.9,
     3.5,
     0.40,
     0.60,
     0.0,
     3,
     {"Chocolate bar", "Crisps", "Salted peanuts", "Gummy bears", "Cereal bar", "Pretzels"},
     {}},
    {"Furniture/Sofas",
     "SOF",
     D::kFurniture,
     399,
     2499,
     0.50,
     0.60,
     0.15,
     1,
     {"Oslo 2-seat sofa", "Oslo 3-seat sofa", "Lisboa corner sofa", "Lisboa sofa bed",
      "Nara 3-seat sofa", "Nara chaise longue"},
     {"grey", "green"}},
    {"Furniture/Cushions",
     "CUS",
     D::kFurniture,
     12,
     49,
     0.30,
     0.45,
     0.4,
     6,
     {"Velvet cushion", "Linen cushion", "Outdoor cushion", "Floor cushion", "Lumbar cushion"},
     {"ochre", "teal", "ivory"}},
    {"Furniture/Tables",
     "TAB",
     D::kFurniture,
     89,
     899,
     0.50,
     0.60,
     0.25,
     1,
     {"Dining table", "Extendable table", "Coffee table", "Side table", "Desk"},
     {"oak", "walnut"}},
    {"Furniture/Chairs",
     "CHA",
     D::kFurniture,
     39,
     299,
     0.50,
     0.60,
     0.35,
     6,
     {"Dining chair", "Office chair", "Armchair", "Bar stool", "Folding chair"},
     {"black", "natural"}},
    {"Furniture/Lamps",
     "LAM",
     D::kFurniture,
     19,
     199,
     0.45,
     0.55,
     0.35,
     3,
     {"Floor lamp", "Desk lamp", "Pendant lamp", "Bedside lamp", "Wall lamp"},
     {"brass", "white"}},
    {"Services/Warranty",
     "WAR",
     D::kServices,
     19,
     199,
     0.15,
     0.25,
     0.0,
     1,
     {"2-year extended warranty", "3-year extended warranty", "Accidental damage cover",
      "Screen protection plan"},
     {}},
    {"Services/Delivery",
     "DEL",
     D::kServices,
     5,
     59,
     0.60,
     0.80,
     0.0,
     1,
     {"Standard delivery", "Express delivery", "Two-person delivery", "Evening delivery"},
     {}},
    {"Services/Assembly",
     "ASM",
     D::kServices,
     29,
     149,
     0.50,
     0.60,
     0.0,
     1,
     {"Sofa assembly", "Table assembly", "TV wall mounting", "Furniture assembly"},
     {}},
    {"Services/Repair",
     "REP",
     D::kServices,
     19,
     249,
     0.35,
     0.50,
     0.25,
     1,
     {"Screen repair", "Battery replacement", "Laptop tune-up", "Data recovery",
      "Clothing alteration"},
     {}},
};

const Affinity kAffinities[] = {
    {"Food/Pizza", "Food/Drinks", 0.60},
    {"Food/Pizza", "Food/Desserts", 0.25},
    {"Food/Pizza", "Food/Pasta", 0.20},
    {"Food/Pasta", "Food/Drinks", 0.45},
    {"Food/Pasta", "Food/Desserts", 0.20},
    {"Food/Coffee", "Food/Desserts", 0.20},
    {"Electronics/Phones", "Electronics/Accessories", 0.60},
    {"Electronics/Phones", "Services/Warranty", 0.35},
    {"Electronics/Laptops", "Electronics/Accessories", 0.45},
    {"Electronics/Laptops", "Services/Warranty", 0.40},
    {"Electronics/Headphones", "Electronics/Accessories", 0.15},
    {"Electronics/TV", "Services/Warranty", 0.30},
    {"Electronics/TV", "Services/Delivery", 0.50},
    {"Electronics/TV", "Services/Assembly", 0.20},
    {"Furniture/Sofas", "Furniture/Cushions", 0.55},
    {"Furniture/Sofas", "Services/Delivery", 0.70},
    {"Furniture/Tables", "Furniture/Chairs", 0.50},
    {"Furniture/Tables", "Services/Delivery", 0.50},
    {"Furniture/Tables", "Services/Assembly", 0.30},
    {"Clothing/Suits", "Clothing/Shoes", 0.45},
    {"Clothing/Suits", "Clothing/Shirts", 0.40},
    {"Clothing/Suits", "Clothing/Ties", 0.35},
    {"Clothing/Dresses", "Clothing/Shoes", 0.30},
    {"Clothing/Trousers", "Clothing/Shirts", 0.25},
};

const Impulse kImpulses[] = {{"Food/Snacks", 0.10}};
// clang-format on

// Shop price points: 3.49 / 24.99 / 399.00.
int64_t PricePoint(double eur) {
  if (eur >= 100) return static_cast<int64_t>(std::lround(eur / 10) * 10 - 1) * 100;
  if (eur >= 10) return std::lround(eur) * 100 - 1;
  return std::max<int64_t>(49, std::lround(eur * 2) * 50 - 1);
}

}  // namespace

const double kIncomeAppeal[3][kDepartments] = {
    // Clothing, Electronics, Food, Furniture, Services
    {0.9, 0.8, 1.4, 0.6, 0.7},  // low
    {1.0, 1.0, 1.0, 1.0, 1.0},  // middle
    {1.2, 1.3, 0.8, 1.6, 1.5},  // high
};

std::span<const Affinity> Affinities() { return kAffinities; }
std::span<const Impulse> Impulses() { return kImpulses; }

int Generator::Catalog::CategoryIndex(std::string_view path) const {
  for (size_t i = 0; i < categories.size(); ++i) {
    if (categories[i].path == path) return static_cast<int>(i);
  }
  return -1;
}

Generator::Catalog BuildCatalog(uint64_t seed, Timestamp created_at) {
  Generator::Catalog catalog;
  Rng rng = Rng::ForStream(seed, 0, /*stream=*/0xCA7A106);
  for (const auto& spec : kCategories) {
    CategoryInfo info;
    info.path = std::string(spec.path);
    info.department = spec.department;
    info.appeal = spec.appeal;
    info.max_quantity = spec.max_quantity;
    int number = 0;
    auto add = [&](std::string name) {
      Product p;
      p.sku = fmt::format("{}-{:03}", spec.code, ++number);
      p.name = std::move(name);
      p.category = info.path;
      p.currency = "EUR";
      double eur =
          std::exp(rng.Between(std::log(spec.price_min_eur), std::log(spec.price_max_eur)));
      p.price_minor = PricePoint(eur);
      p.unit_cost_minor = std::lround(static_cast<double>(p.price_minor) *
                                      rng.Between(spec.cost_ratio_min, spec.cost_ratio_max));
      p.created_at = created_at;
      p.updated_at = created_at;
      catalog.product_category.push_back(static_cast<int>(catalog.categories.size()));
      info.products.push_back(static_cast<int>(catalog.products.size()));
      catalog.products.push_back(std::move(p));
    };
    for (auto base : spec.bases) {
      if (spec.variants.size() == 0) {
        add(std::string(base));
      } else {
        for (auto variant : spec.variants) add(fmt::format("{}, {}", base, variant));
      }
    }
    std::sort(info.products.begin(), info.products.end(), [&](int a, int b) {
      const auto& pa = catalog.products[a];
      const auto& pb = catalog.products[b];
      return pa.price_minor != pb.price_minor ? pa.price_minor < pb.price_minor : a < b;
    });
    info.min_price_minor = catalog.products[info.products.front()].price_minor;
    info.capacity_minor = catalog.products[info.products.back()].price_minor * info.max_quantity;
    catalog.categories.push_back(std::move(info));
  }
  for (const auto& rule : kAffinities) {
    int from = catalog.CategoryIndex(rule.antecedent);
    int to = catalog.CategoryIndex(rule.consequent);
    assert(from >= 0 && to >= 0 && "affinity names a category missing from kCategories");
    catalog.categories[from].complements.emplace_back(to, rule.probability);
  }
  catalog.min_anchor_price_minor = INT64_MAX;
  for (size_t i = 0; i < catalog.categories.size(); ++i) {
    const auto& c = catalog.categories[i];
    if (c.appeal <= 0) continue;
    catalog.anchors.push_back(static_cast<int>(i));
    catalog.min_anchor_price_minor = std::min(catalog.min_anchor_price_minor, c.min_price_minor);
  }
  for (const auto& impulse : kImpulses) {
    int index = catalog.CategoryIndex(impulse.category);
    assert(index >= 0 && "impulse names a category missing from kCategories");
    catalog.impulses.emplace_back(index, impulse.probability);
    const auto& c = catalog.categories[index];
    catalog.max_impulse_price_minor =
        std::max(catalog.max_impulse_price_minor, catalog.products[c.products.back()].price_minor);
  }
  return catalog;
}

}  // namespace centric::demo
