#include <catch2/catch.hpp>

#include "handoff/record.hpp"

using namespace handoff;

TEST_CASE("money is parsed as people write it", "[record]") {
  struct Case {
    const char* text;
    std::optional<double> want;
  };
  for (const auto& c : std::vector<Case>{
           {"67200", 67200}, {"$67,200", 67200}, {"$67,200.00", 67200}, {"67.2k", 67200},
           {"USD 67,200", 67200}, {"67,200 USD", 67200}, {"1.2M", 1200000}, {" $ 8,000 ", 8000},
           {"€12,500", 12500}, {"6,72,00", std::nullopt}, {"sixty thousand", std::nullopt},
           {"", std::nullopt}, {"$", std::nullopt}, {"1.2.3", std::nullopt}, {"12,34", std::nullopt},
       }) {
    INFO(c.text);
    CHECK(parse_money(c.text) == c.want);
  }
}

TEST_CASE("ISO dates are real calendar dates", "[record]") {
  CHECK(is_iso_date("2026-04-28"));
  CHECK(is_iso_date("2028-02-29"));
  CHECK_FALSE(is_iso_date("2026-02-29"));
  CHECK_FALSE(is_iso_date("2026-13-01"));
  CHECK_FALSE(is_iso_date("28/04/2026"));
  CHECK_FALSE(is_iso_date("2026-4-28"));
}

TEST_CASE("category keys round-trip and map from field keys", "[record]") {
  for (Category c : kAllCategories) {
    CHECK(category_from_key(category_key(c)) == c);
    auto fk = field_key_from_name(category_key(c));
    REQUIRE(fk);
    CHECK(category_of(*fk) == c);
  }
  CHECK_FALSE(category_of(FieldKey::acv));
  CHECK(field_key_name(FieldKey::handoff_call) == "handoff_call");
}
