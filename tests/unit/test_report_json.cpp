#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "report/json_writer.hpp"
#include "test_report_fixtures.hpp"

using namespace report_fixtures;
using Json = nlohmann::ordered_json;

namespace {

std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(it.key());
  return keys;
}

const std::vector<std::string> kCategoryKeys = {
    "buying_motivation",   "champion_profile", "promises_commitments", "red_flags_risks",
    "political_landscape", "success_criteria", "communication_style"};

}  // namespace

TEST_CASE("json: the document has exactly the documented shape", "[report]") {
  const std::string text = render("json", all_records());
  const Json doc = Json::parse(text);

  CHECK(keys_of(doc) == std::vector<std::string>{"tool", "records", "summary"});
  CHECK(doc["tool"] == Json{{"name", "handoff-lint"}, {"version", "0.1.0"}});
  CHECK(doc["summary"] == Json{{"records", 3}, {"passed", 1}, {"failed", 1}, {"errored", 1}});
  REQUIRE(doc["records"].size() == 3);

  const Json& pass = doc["records"][0];
  CHECK(keys_of(pass) == std::vector<std::string>{"source", "format", "account", "gate", "score",
                                                  "categories", "findings"});
  CHECK(pass["source"] == "handoffs/larkspur.md");
  CHECK(pass["format"] == "markdown");
  CHECK(pass["account"] == "Larkspur Analytics");
  CHECK(pass["gate"] == "pass");
  CHECK(pass["score"] == 88);
  CHECK(keys_of(pass["categories"]) == kCategoryKeys);
  CHECK(pass["categories"]["buying_motivation"] ==
        Json{{"score", 90},
             {"threshold", 70},
             {"status", "pass"},
             {"line", 8},
             {"checks", Json::array({Json{{"rule", "HL104"}, {"earned", 40}, {"possible", 40}},
                                     Json{{"rule", "HL105"}, {"earned", 50}, {"possible", 60}}})}});
  CHECK(pass["findings"] == Json::array());

  const Json& fail = doc["records"][1];
  CHECK(fail["source"] == "handoffs/q3-deals.yaml#2");
  CHECK(fail["gate"] == "fail");
  CHECK(keys_of(fail["categories"]) == kCategoryKeys);
  CHECK(fail["categories"]["promises_commitments"]["status"] == "fail");
  CHECK(fail["categories"]["promises_commitments"]["score"] == 0);
  CHECK(fail["categories"]["success_criteria"]["status"] == "fail");
  CHECK(fail["categories"]["communication_style"]["checks"] == Json::array());
  REQUIRE(fail["findings"].size() == 5);
  CHECK(fail["findings"][0] == Json{{"rule", "HL901"},
                                    {"severity", "info"},
                                    {"category", nullptr},
                                    {"message", "unknown key \"deal_size\" is ignored"},
                                    {"line", 5},
                                    {"column", 6}});
  CHECK(keys_of(fail["findings"][1]) ==
        std::vector<std::string>{"rule", "severity", "category", "message", "line", "column"});
  CHECK(fail["findings"][1]["category"] == "promises_commitments");
  CHECK(fail["findings"][3] ==
        Json{{"rule", "HL506"},
             {"severity", "warning"},
             {"category", "political_landscape"},
             {"message", "mentions a budget fight but not who lost it"},
             {"line", 21},
             {"column", 3},
             {"suppressed", true},
             {"justification", "Procurement ran the whole deal; nobody lost budget"}});

  const Json& error = doc["records"][2];
  CHECK(error["gate"] == "error");
  CHECK(error["account"] == "");
  CHECK(keys_of(error["categories"]) == kCategoryKeys);
  CHECK(error["findings"] == Json::array({Json{{"rule", "HL900"},
                                               {"severity", "error"},
                                               {"category", nullptr},
                                               {"message", "invalid UTF-8 at byte 3"},
                                               {"line", 7},
                                               {"column", 1}}}));
}

TEST_CASE("json: streamed output is byte-identical to one 2-space dump", "[report]") {
  for (const auto& records : {all_records(), std::vector<RecordResult>{}}) {
    const std::string text = render("json", records);
    CHECK(text == Json::parse(text).dump(2) + "\n");
  }
  CHECK(render("json", {}) ==
        "{\n  \"tool\": {\n    \"name\": \"handoff-lint\",\n    \"version\": \"0.1.0\"\n  },\n"
        "  \"records\": [],\n  \"summary\": {\n    \"records\": 0,\n    \"passed\": 0,\n"
        "    \"failed\": 0,\n    \"errored\": 0\n  }\n}\n");
}

TEST_CASE("json: invalid UTF-8 and control characters never break the document", "[report]") {
  RecordResult r = failing_record();
  r.account = "Bad\xFF\xC0 Bytes";
  r.findings[1].message = "esc\x1b nul" + std::string(1, '\0') + " quote\" end";
  const std::string text = render("json", {r});
  const Json doc = Json::parse(text);
  CHECK(doc["records"][0]["account"] == "Bad\xEF\xBF\xBD\xEF\xBF\xBD Bytes");
  CHECK(doc["records"][0]["findings"][1]["message"] == r.findings[1].message);
  CHECK(text.find("esc\\u001b nul\\u0000 quote\\\" end") != std::string::npos);
}

TEST_CASE("json: options.version overrides the tool version", "[report]") {
  ReportOptions options;
  options.version = "0.1.0-dev";
  CHECK(Json::parse(render("json", {}, options))["tool"]["version"] == "0.1.0-dev");
}

TEST_CASE("json: JsonWriter lays out nested and empty containers as nlohmann's dump(2)",
          "[report]") {
  std::string out;
  handoff::report::JsonWriter w(out, 0);
  w.begin_object();
  w.key("name").string("a\tb\"c\\");
  w.key("empty_object").begin_object().end_object();
  w.key("empty_array").begin_array().end_array();
  w.key("list").begin_array().number(-3).boolean(false).null();
  w.begin_object().key("k").begin_array().string("x").end_array().end_object();
  w.end_array().end_object();
  const Json expected = {{"name", "a\tb\"c\\"},
                         {"empty_object", Json::object()},
                         {"empty_array", Json::array()},
                         {"list", {-3, false, nullptr, {{"k", {"x"}}}}}};
  CHECK(out == expected.dump(2));

  // A base indent prefixes every line after the first, as the value's depth in the document.
  std::string nested;
  handoff::report::JsonWriter(nested, 4).begin_array().number(1).end_array();
  CHECK(nested == "[\n      1\n    ]");
}

TEST_CASE("json, text: rendering on a worker then recording gives the same bytes as record()",
          "[report]") {
  const auto records = all_records();
  for (std::string format : {"json", "text"}) {
    std::ostringstream direct, split;
    auto a = handoff::make_reporter(format, direct, {});
    auto b = handoff::make_reporter(format, split, {});
    REQUIRE(b->renders_records());
    for (const auto& r : records) {
      a->record(r);
      b->record_rendered(r, b->render(r));
    }
    a->end({});
    b->end({});
    CHECK(direct.str() == split.str());
  }
}
