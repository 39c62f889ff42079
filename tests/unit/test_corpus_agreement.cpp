// Agreement with a careful reviewer: every record in tests/corpus/ goes through the real
// loaders and the default configuration, and each category's pass/fail and the gate are
// compared with tests/corpus/labels.yaml (written by hand before the rules were tuned).
// Prints the confusion counts, with "gap" as the positive class, and every disagreement.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "handoff/config.hpp"
#include "handoff/engine.hpp"
#include "handoff/load.hpp"

using namespace handoff;

namespace {

const std::string kCorpusDir = std::string(HANDOFF_SOURCE_DIR) + "/tests/corpus";

struct Label {
  bool gate_pass = false;
  std::map<std::string, std::string, std::less<>> categories;  // key -> ok | gap kind
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// labels.yaml has one fixed shape (see its header), so a line reader is enough:
//   file.ext:
//     gate: pass
//     categories: {buying_motivation: ok, champion_profile: thin, ...}
std::map<std::string, Label> read_labels(const std::string& path) {
  std::ifstream in(path);
  std::map<std::string, Label> out;
  Label* current = nullptr;
  for (std::string raw; std::getline(in, raw);) {
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (raw.front() != ' ') {
      current = &out[std::string(line.substr(0, line.size() - 1))];
      continue;
    }
    REQUIRE(current != nullptr);
    if (line.starts_with("gate:")) {
      current->gate_pass = trim(line.substr(5)) == "pass";
    } else if (line.starts_with("categories:")) {
      std::string_view body = trim(line.substr(11));
      REQUIRE((body.size() > 2 && body.front() == '{' && body.back() == '}'));
      body = body.substr(1, body.size() - 2);
      while (!body.empty()) {
        std::size_t comma = body.find(',');
        std::string_view pair = trim(body.substr(0, comma));
        std::size_t colon = pair.find(':');
        REQUIRE(colon != std::string_view::npos);
        current->categories[std::string(trim(pair.substr(0, colon)))] =
            std::string(trim(pair.substr(colon + 1)));
        body = comma == std::string_view::npos ? std::string_view() : body.substr(comma + 1);
      }
    }
  }
  return out;
}

struct Confusion {
  int tp = 0, fp = 0, fn = 0, tn = 0;  // positive: "gap"
  void add(bool labelled_gap, bool flagged_gap) {
    if (labelled_gap)
      (flagged_gap ? tp : fn)++;
    else
      (flagged_gap ? fp : tn)++;
  }
  int agree() const { return tp + tn; }
  int total() const { return tp + fp + fn + tn; }
};

std::string codes_of(const RecordResult& r, std::optional<Category> c) {
  std::string out;
  for (const Finding& f : r.findings)
    if (!f.suppressed && f.category == c && out.find(f.rule) == std::string::npos)
      out += (out.empty() ? "" : " ") + f.rule;
  return out;
}

}  // namespace

TEST_CASE("handoff-lint agrees with the corpus labels on 95% of categories and gates", "[corpus]") {
  std::map<std::string, Label> labels = read_labels(kCorpusDir + "/labels.yaml");
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpusDir))
    if (entry.is_regular_file() && entry.path().filename() != "labels.yaml")
      files.push_back(entry.path().filename().string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 40);
  REQUIRE(files.size() == labels.size());

  const Config& config = default_config();
  Engine engine(config);
  LoadOptions opt{&config.limits, &config.labels, &config.csv};
  std::array<Confusion, kCategoryCount> per_category{};
  Confusion gates;
  std::ostringstream disagreements;

  for (const std::string& file : files) {
    CAPTURE(file);
    REQUIRE(labels.count(file) == 1);
    const Label& label = labels.at(file);
    auto read = read_source(kCorpusDir + "/" + file, config.limits);
    REQUIRE(std::holds_alternative<Source>(read));
    std::vector<RecordResult> results;
    load_source(std::get<Source>(read), opt,
                [&](Loaded&& loaded) { results.push_back(engine.run(loaded)); });
    REQUIRE(results.size() == 1);
    const RecordResult& r = results.front();
    REQUIRE(r.gate != Gate::error);

    for (Category c : kAllCategories) {
      auto found = label.categories.find(category_key(c));
      REQUIRE(found != label.categories.end());
      bool labelled_gap = found->second != "ok";
      const CategoryResult& cat = r.categories[index_of(c)];
      per_category[index_of(c)].add(labelled_gap, !cat.pass);
      if (labelled_gap != !cat.pass)
        disagreements << "  " << file << " " << category_key(c) << ": labelled " << found->second
                      << ", scored " << cat.score << " [" << codes_of(r, c) << "]\n";
    }
    bool gate_pass = r.gate == Gate::pass;
    gates.add(!label.gate_pass, !gate_pass);
    if (gate_pass != label.gate_pass)
      disagreements << "  " << file << " gate: labelled " << (label.gate_pass ? "pass" : "fail")
                    << ", got " << gate_name(r.gate) << "\n";
  }

  Confusion cells;
  std::ostringstream report;
  report << "Corpus agreement (" << files.size() << " records; positive = gap)\n";
  for (Category c : kAllCategories) {
    const Confusion& k = per_category[index_of(c)];
    report << "  " << category_key(c) << ": TP " << k.tp << " FP " << k.fp << " FN " << k.fn
           << " TN " << k.tn << "\n";
    cells.tp += k.tp;
    cells.fp += k.fp;
    cells.fn += k.fn;
    cells.tn += k.tn;
  }
  report << "  all categories: TP " << cells.tp << " FP " << cells.fp << " FN " << cells.fn
         << " TN " << cells.tn << ", agreement " << cells.agree() << "/" << cells.total() << "\n";
  report << "  gate (positive = fail): TP " << gates.tp << " FP " << gates.fp << " FN " << gates.fn
         << " TN " << gates.tn << ", agreement " << gates.agree() << "/" << gates.total() << "\n";
  std::string misses = disagreements.str();
  if (!misses.empty()) report << "Disagreements:\n" << misses;
  std::cout << report.str();

  INFO(report.str());
  CHECK(cells.agree() * 100 >= cells.total() * 95);
  CHECK(gates.agree() * 100 >= gates.total() * 95);
}
