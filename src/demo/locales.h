// SPDX-License-Identifier: Apache-2.0
// The five customer locales of the demo (English, French, Catalan, Vietnamese, Arabic): names
// in their own script with an ASCII form for email addresses, the countries and IANA time
// zones where such customers live, phone number plans, and interaction summaries written in
// the language. Private to src/demo.
#pragma once

#include <span>
#include <string_view>

namespace centric::demo {

struct NamePart {
  std::string_view native;  // as written: "Nguyễn", "فاطمة"
  std::string_view ascii;   // for email addresses: "nguyen", "fatima"
};

struct Country {
  std::string_view code;          // ISO 3166-1 alpha-2
  std::string_view time_zone;     // IANA
  std::string_view phone_prefix;  // E.164 up to the subscriber digits: "+336"
  int phone_digits;
  double weight;
};

enum class NameOrder {
  kGivenFamily,       // "Oliver Smith"
  kGivenTwoFamilies,  // "Núria Serra Vidal"
  kFamilyGiven,       // "Nguyễn Thị Lan"
};

// Interaction kinds the demo writes, in the order of Locale::summaries.
inline constexpr std::string_view kInteractionKinds[] = {"note", "call", "email", "meeting"};
inline constexpr int kSummariesPerKind = 3;

struct Locale {
  std::string_view language;  // BCP 47
  double share;               // of customers
  NameOrder order;
  std::span<const NamePart> given;
  std::span<const NamePart> family;
  std::span<const Country> countries;
  // [kind][template]; "{order}" is replaced by an order's invoice number.
  std::string_view summaries[4][kSummariesPerKind];
};

std::span<const Locale> Locales();

// Staff who own accounts and write interactions.
std::span<const std::string_view> StaffNames();

}  // namespace centric::demo
