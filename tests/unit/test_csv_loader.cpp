// The CSV loader on CRM-style exports: quoting, row-by-row errors, column mapping, notes cells.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "handoff/config.hpp"
#include "handoff/load.hpp"
#include "load/csv.hpp"
#include "load/csv_reader.hpp"

using namespace handoff;

namespace {

struct CsvRun {
  Limits limits;
  CsvMapping mapping;
  bool use_mapping = false;

  std::vector<Loaded> load(const std::string& text, const std::string& name = "deals.csv") const {
    Source src{name, Format::csv, text};
    LoadOptions opt{&limits, &default_config().labels, use_mapping ? &mapping : nullptr};
    std::vector<Loaded> out;
    load_csv(src, opt, [&](Loaded&& l) { out.push_back(std::move(l)); });
    return out;
  }
};

std::vector<Loaded> load(const std::string& text) { return CsvRun{}.load(text); }

// 1-based column of `needle` on 1-based `line` of `text`, to state expected positions
// without counting bytes by hand.
std::uint32_t column_of(const std::string& text, std::uint32_t line, const std::string& needle) {
  std::size_t start = 0;
  for (std::uint32_t l = 1; l < line; ++l) start = text.find('\n', start) + 1;
  std::size_t end = text.find('\n', start);
  std::size_t at = text.substr(start, end - start).find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<std::uint32_t>(at + 1);
}

const Field& field(const Loaded& l, Category c) { return l.record.field(c); }

}  // namespace

// A Salesforce opportunity report: an Opportunity Name and an Account Name, money written
// with a currency sign, custom fields by API name, and a multi-line notes cell with labels.
const std::string kSalesforceExport =
    "Opportunity Name,Account Name,Amount,Close Date,Opportunity Owner,Stage,Champion_Profile__c,"
    "Buying_Motivation__c,Handoff_Notes__c\n"
    "Tidewater - Fleet 2026,Tidewater Marine Supply,\"$67,200.00\",2026-05-14,Renata Okafor,Closed Won,"
    "\"Lucien Marchetti, Director of Procurement. He \"\"owns\"\" the rollout.\","
    "Their terminal lost a shipping line after two missed berths.,\"Field 3: Promises and commitments\n"
    "- A sandbox with their berth data by 2026-06-01.\n"
    "Field 7: Communication style\n"
    "Lucien reads a Friday email summary; no calls before 10am.\"\n"
    "Quarry Bend - Renewal,Quarry Bend Aggregates,\"$12,000.00\",2026-05-20,Teodor Vasić,Closed Won,"
    "Maren Holt (Plant Manager),,\n";

TEST_CASE("a Salesforce report loads one record per row with file positions", "[csv]") {
  auto recs = load(kSalesforceExport);
  REQUIRE(recs.size() == 2);
  const Loaded& first = recs[0];
  REQUIRE_FALSE(first.error);
  CHECK(first.record.source == "deals.csv#1");
  CHECK(first.record.format == "csv");
  // "Account Name" is preferred over "Opportunity Name" for the account.
  CHECK(first.record.header.account.text == "Tidewater Marine Supply");
  CHECK(first.record.header.acv.text == "$67,200.00");
  CHECK(first.record.header.acv_amount == 67200.0);
  CHECK(first.record.header.close_date.text == "2026-05-14");
  CHECK(first.record.header.ae.text == "Renata Okafor");
  CHECK(first.record.header.acv.pos.line == 2);
  CHECK(first.record.header.acv.pos.column == column_of(kSalesforceExport, 2, "$67"));

  const Field& champion = field(first, Category::champion_profile);
  CHECK(champion.text == "Lucien Marchetti, Director of Procurement. He \"owns\" the rollout.");
  CHECK(champion.pos.line == 2);
  CHECK(champion.pos.column == column_of(kSalesforceExport, 2, "Lucien"));
  CHECK(field(first, Category::buying_motivation).text ==
        "Their terminal lost a shipping line after two missed berths.");

  // From the notes cell, placed in the file: its first line is line 2, the bullet line 3.
  const Field& promises = field(first, Category::promises_commitments);
  REQUIRE(promises.present);
  REQUIRE(promises.items.size() == 1);
  CHECK(promises.items[0].text == "A sandbox with their berth data by 2026-06-01.");
  CHECK(promises.items[0].pos.line == 3);
  CHECK(promises.items[0].pos.column == 3);
  const Field& comm = field(first, Category::communication_style);
  CHECK(comm.text == "Lucien reads a Friday email summary; no calls before 10am.");
  CHECK(comm.pos.line == 5);
  CHECK_FALSE(field(first, Category::red_flags_risks).present);

  // The second row starts after the four lines of the first.
  const Loaded& second = recs[1];
  REQUIRE_FALSE(second.error);
  CHECK(second.record.source == "deals.csv#2");
  CHECK(second.record.header.account.text == "Quarry Bend Aggregates");
  CHECK(second.record.header.account.pos.line == 6);
  CHECK(field(second, Category::champion_profile).text == "Maren Holt (Plant Manager)");
  // An empty cell under a field's own column is an empty answer, not a missing one.
  const Field& motivation = field(second, Category::buying_motivation);
  CHECK(motivation.present);
  CHECK(motivation.text.empty());
  CHECK(motivation.pos.line == 6);
  CHECK_FALSE(field(second, Category::promises_commitments).present);
}

TEST_CASE("a semicolon-delimited export is sniffed from its header", "[csv]") {
  const std::string text =
      "Deal Name;Amount;Deal Owner;Champion;Buying Motivation;Products\n"
      "Halden Optics;\"14,500\";Ilse Brandt;\"Sunniva Lie, Head of Quality; she signed it\";"
      "Audit finding due 2026-09-30;Inspect;Reports\n";
  auto recs = load(text);
  REQUIRE(recs.size() == 1);
  // Seven cells against a header of six: "Inspect;Reports" was not quoted.
  REQUIRE(recs[0].error);
  CHECK(recs[0].error->message.find("7 cells but the header has 6") != std::string::npos);
  CHECK(recs[0].error->message.find("(';')") != std::string::npos);

  const std::string fixed =
      "Deal Name;Amount;Deal Owner;Champion;Buying Motivation;Products\n"
      "Halden Optics;\"14,500\";Ilse Brandt;\"Sunniva Lie, Head of Quality; she signed it\";"
      "Audit finding due 2026-09-30;\"Inspect;Reports\"\n";
  recs = load(fixed);
  REQUIRE(recs.size() == 1);
  REQUIRE_FALSE(recs[0].error);
  const Record& r = recs[0].record;
  CHECK(r.header.account.text == "Halden Optics");
  CHECK(r.header.acv_amount == 14500.0);
  CHECK(r.header.ae.text == "Ilse Brandt");
  CHECK(r.field(Category::champion_profile).text == "Sunniva Lie, Head of Quality; she signed it");
  // A multi-select picklist exports as "A;B".
  REQUIRE(r.header.products.size() == 2);
  CHECK(r.header.products[0].text == "Inspect");
  CHECK(r.header.products[1].text == "Reports");
}

TEST_CASE("a broken row is an error record and the rows after it still load", "[csv]") {
  const std::string text =
      "Account Name,Champion,Red Flags\n"                          // line 1
      "Larchmont Dental,Odile Fontaine,None raised\n"              // line 2, row 1
      "Vesper Tiles,Kasimir Nowak\n"                               // line 3, row 2: 2 cells
      "Brightfern Labs,\"Ama Owusu\" (CTO),Budget freeze\n"        // line 4, row 3: text after quote
      "Corvid Analytics,\"Imre Szabo\n"                            // line 5, row 4 spans 5-6
      "VP Data\",\"IT wants SSO first\"\n"
      ",,\n"                                                       // line 7: no values, skipped
      "Stonefield Farms,Jun Park,Seasonal cash flow\n";            // line 8, row 5
  auto recs = load(text);
  REQUIRE(recs.size() == 5);
  CHECK_FALSE(recs[0].error);
  CHECK(recs[0].record.field(Category::champion_profile).text == "Odile Fontaine");

  CHECK(recs[1].record.source == "deals.csv#2");
  REQUIRE(recs[1].error);
  CHECK(recs[1].error->pos.line == 3);
  CHECK(recs[1].error->message.find("this row has 2 cells but the header has 3") == 0);

  CHECK(recs[2].record.source == "deals.csv#3");
  REQUIRE(recs[2].error);
  CHECK(recs[2].error->pos.line == 4);
  CHECK(recs[2].error->pos.column == column_of(text, 4, " (CTO)"));
  CHECK(recs[2].error->message.find("after the closing quote") != std::string::npos);

  CHECK(recs[3].record.source == "deals.csv#4");
  REQUIRE_FALSE(recs[3].error);
  CHECK(recs[3].record.field(Category::champion_profile).text == "Imre Szabo\nVP Data");
  CHECK(recs[3].record.field(Category::red_flags_risks).pos.line == 6);

  CHECK(recs[4].record.source == "deals.csv#5");
  REQUIRE_FALSE(recs[4].error);
  CHECK(recs[4].record.header.account.pos.line == 8);
  CHECK(recs[4].record.field(Category::red_flags_risks).text == "Seasonal cash flow");
}

TEST_CASE("an unterminated quote ends the file with one error that says so", "[csv]") {
  const std::string text =
      "Account Name,Champion\n"
      "Pellucid Glass,Rosa Lindqvist\n"
      "Arbor Vale,\"Nils Ek, VP Ops\n"
      "Tern Logistics,Femi Adeyemi\n";
  auto recs = load(text);
  REQUIRE(recs.size() == 2);
  CHECK_FALSE(recs[0].error);
  CHECK(recs[1].record.source == "deals.csv#2");
  REQUIRE(recs[1].error);
  CHECK(recs[1].error->pos.line == 3);
  CHECK(recs[1].error->pos.column == column_of(text, 3, "\"Nils"));
  CHECK(recs[1].error->message.find("never closed") != std::string::npos);
  CHECK(recs[1].error->message.find("no more rows could be read") != std::string::npos);
}

TEST_CASE("a file whose columns map to no field is one error listing its headers", "[csv]") {
  auto recs = load("Stage,Probability (%),Next Step\nClosed Won,100,Kickoff\n");
  REQUIRE(recs.size() == 1);
  CHECK(recs[0].record.source == "deals.csv");
  REQUIRE(recs[0].error);
  const std::string& msg = recs[0].error->message;
  CHECK(msg.find("\"Stage\", \"Probability (%)\", \"Next Step\"") != std::string::npos);
  CHECK(msg.find("csv: {columns: {\"My Header\": champion_profile}, notes_columns:") != std::string::npos);
  CHECK(recs[0].error->pos.line == 1);

  // Header facts alone (account, amount) are not enough either.
  recs = load("Account Name,Amount\nOrchid Row,5000\n");
  REQUIRE(recs.size() == 1);
  REQUIRE(recs[0].error);
  CHECK(recs[0].error->message.find("\"Account Name\", \"Amount\"") != std::string::npos);
}

TEST_CASE("empty and header-only files are clear errors", "[csv]") {
  for (std::string text : {"", "\n\n  \n"}) {
    auto recs = load(text);
    REQUIRE(recs.size() == 1);
    REQUIRE(recs[0].error);
    CHECK(recs[0].record.source == "deals.csv");
    CHECK(recs[0].error->message.find("no content") != std::string::npos);
  }
  auto recs = load("Account Name,Champion,Handoff Notes\n");
  REQUIRE(recs.size() == 1);
  REQUIRE(recs[0].error);
  CHECK(recs[0].error->message == "the CSV file has a header row but no data rows");
}

TEST_CASE("Salesforce API names map through the alias table", "[csv]") {
  const std::string text =
      "Name,Buying_Motivation__c,Red_Flags__c,Success_Criteria__c,StageName,Description\n"
      "Wrenfield Clinics,Two audits failed in 2025.,Legal review pending,Wait times under 15 min,Won,\n";
  auto recs = load(text);
  REQUIRE(recs.size() == 1);
  REQUIRE_FALSE(recs[0].error);
  const Record& r = recs[0].record;
  CHECK(r.field(Category::buying_motivation).text == "Two audits failed in 2025.");
  CHECK(r.field(Category::red_flags_risks).text == "Legal review pending");
  CHECK(r.field(Category::success_criteria).text == "Wait times under 15 min");

  CsvRun run;
  Source src{"deals.csv", Format::csv, text};
  LoadOptions opt{&run.limits, &default_config().labels, nullptr};
  auto mapping = csv_column_mapping(src, opt);
  using Pair = std::pair<std::string, std::string>;
  CHECK(mapping == std::vector<Pair>{{"Name", "ignored"},
                                     {"Buying_Motivation__c", "buying_motivation"},
                                     {"Red_Flags__c", "red_flags_risks"},
                                     {"Success_Criteria__c", "success_criteria"},
                                     {"StageName", "ignored"},
                                     {"Description", "notes"}});
}

TEST_CASE("an explicit mapping comes first and replaces the default notes columns", "[csv]") {
  CsvRun run;
  run.use_mapping = true;
  run.mapping.columns = {{"why us", FieldKey::buying_motivation}, {"Sponsor", FieldKey::champion_profile},
                         {"Account Name", FieldKey::csm}};
  run.mapping.notes_columns = {"Call Summary"};
  run.mapping.delimiter = '\t';
  const std::string text =
      "Account Name\tWhy Us\tSponsor\tDescription\tCall Summary\n"
      "Abena Mensah\tTheir ERP vendor ends support in March.\tGwen Ashby, COO\t"
      "Champion: ignored\tRisks: the COO travels for most of Q3\n";
  auto recs = run.load(text);
  REQUIRE(recs.size() == 1);
  REQUIRE_FALSE(recs[0].error);
  const Record& r = recs[0].record;
  CHECK(r.header.csm.text == "Abena Mensah");
  CHECK_FALSE(r.header.account.present);
  CHECK(r.field(Category::buying_motivation).text == "Their ERP vendor ends support in March.");
  CHECK(r.field(Category::champion_profile).text == "Gwen Ashby, COO");
  CHECK(r.field(Category::red_flags_risks).text == "the COO travels for most of Q3");
  CHECK(r.field(Category::red_flags_risks).pos.column == column_of(text, 2, "the COO"));

  Source src{"deals.tsv", Format::csv, text};
  LoadOptions opt{&run.limits, &default_config().labels, &run.mapping};
  auto mapping = csv_column_mapping(src, opt);
  REQUIRE(mapping.size() == 5);
  CHECK(mapping[0].second == "csm");
  CHECK(mapping[3].second == "ignored");  // "Description" is not a notes column any more
  CHECK(mapping[4].second == "notes");
}

TEST_CASE("notes fill what dedicated columns leave unset, including an empty one", "[csv]") {
  const std::string text =
      "Account Name,Champion,Notes\n"
      "Saltmarsh Brewing,,\"Champion: Ottilie Grey, Head of Brewing\nPolitics: the CFO is neutral\"\n"
      "Kestrel Vets,Ravi Menon,Champion: someone else\n"
      "Drumlin Bank,Ola Berg,Just a friendly call.\n";
  auto recs = load(text);
  REQUIRE(recs.size() == 3);
  const Record& a = recs[0].record;
  CHECK(a.field(Category::champion_profile).text == "Ottilie Grey, Head of Brewing");
  CHECK(a.field(Category::champion_profile).pos.line == 2);
  CHECK(a.field(Category::champion_profile).pos.column == column_of(text, 2, "Ottilie"));
  CHECK(a.field(Category::political_landscape).text == "the CFO is neutral");
  CHECK(a.field(Category::political_landscape).pos.line == 3);
  CHECK(a.field(Category::political_landscape).pos.column == column_of(text, 3, "the CFO"));

  // The dedicated column wins over the notes.
  CHECK(recs[1].record.field(Category::champion_profile).text == "Ravi Menon");
  CHECK(recs[1].warnings.empty());

  // Notes without labels are reported, not silently dropped.
  REQUIRE(recs[2].warnings.size() == 1);
  CHECK(recs[2].warnings[0].rule == "HL901");
  CHECK(recs[2].warnings[0].message.find("column \"Notes\"") != std::string::npos);
  CHECK(recs[2].warnings[0].pos.line == 5);
}

TEST_CASE("two columns for one field: the first non-empty wins, a second is reported", "[csv]") {
  const std::string text =
      "Account Name,Champion,Champion_Profile__c\n"
      "Fennwick Mills,,Lorna Quist\n"
      "Amberly Homes,Piet de Vries,Sofie de Vries\n";
  auto recs = load(text);
  REQUIRE(recs.size() == 2);
  CHECK(recs[0].record.field(Category::champion_profile).text == "Lorna Quist");
  CHECK(recs[0].warnings.empty());
  CHECK(recs[1].record.field(Category::champion_profile).text == "Piet de Vries");
  REQUIRE(recs[1].warnings.size() == 1);
  CHECK(recs[1].warnings[0].rule == "HL902");
  CHECK(recs[1].warnings[0].pos.column == column_of(text, 3, "Sofie"));
}

TEST_CASE("CSV limits: records per file and bytes per cell", "[csv]") {
  CsvRun run;
  run.limits.max_records_per_file = 2;
  auto recs = run.load("Champion\nA\nB\nC\nD\n");
  REQUIRE(recs.size() == 3);
  CHECK_FALSE(recs[1].error);
  REQUIRE(recs[2].error);
  CHECK(recs[2].record.source == "deals.csv#3");
  CHECK(recs[2].error->message.find("max_records_per_file") != std::string::npos);
  CHECK(recs[2].error->pos.line == 4);

  CsvRun small;
  small.limits.max_field_bytes = 10;
  recs = small.load("Account,Champion\nShort Co,Ann\nLong Co,A champion described at length\nNext Co,Bo\n");
  REQUIRE(recs.size() == 3);
  REQUIRE(recs[1].error);
  CHECK(recs[1].error->message.find("column \"Champion\" is 30 bytes, over limits.max_field_bytes (10)") !=
        std::string::npos);
  CHECK(recs[2].record.field(Category::champion_profile).text == "Bo");
}

TEST_CASE("the notes shifter places a cell's positions in the file", "[csv]") {
  Loaded l;
  l.record.field(Category::champion_profile) = Field{true, {1, 12}, "x", {{"x", {1, 12}}, {"y", {3, 4}}}, false};
  l.record.header.ae = HeaderValue{true, "Kim", {2, 5}};
  l.record.key_contacts = {Contact{"Kim", "CFO", {4, 1}}};
  Finding dup;
  dup.rule = "HL902";
  dup.severity = Severity::warning;
  dup.message = "dup";
  dup.pos = {2, 1};
  l.warnings.push_back(dup);
  shift_positions(l, {10, 7});
  const Field& f = l.record.field(Category::champion_profile);
  CHECK((f.pos.line == 10 && f.pos.column == 18));
  CHECK((f.items[1].pos.line == 12 && f.items[1].pos.column == 4));
  CHECK((l.record.header.ae.pos.line == 11 && l.record.header.ae.pos.column == 5));
  CHECK(l.record.key_contacts[0].pos.line == 13);
  CHECK(l.warnings[0].pos.line == 11);
}

TEST_CASE("the CSV reader: delimiter sniffing and quoted cells", "[csv]") {
  CHECK(csv::sniff_delimiter("\"a,b,c\";d;e\nx,y,z,w,v\n") == ';');
  CHECK(csv::sniff_delimiter("a\tb\tc\n") == '\t');
  CHECK(csv::sniff_delimiter("a,b;c\n") == ',');
  CHECK(csv::sniff_delimiter("only\n") == ',');

  const Limits limits;
  const Source src{"r.csv", Format::csv, "x,\"say \"\"hi\"\"\nthere\",\n\n\"\",z\n"};
  BlockReader blocks(src, limits, kExportBlockBytes);
  csv::Reader reader(blocks, ',', 1000);
  csv::Row row;
  REQUIRE(reader.next(row) == csv::ReadStatus::row);
  REQUIRE(row.size() == 3);
  CHECK(row[1].text == "say \"hi\"\nthere");
  CHECK(row[1].quoted);
  CHECK((row[1].pos.line == 1 && row[1].pos.column == 4));
  CHECK(row[2].text.empty());  // a trailing delimiter is one more, empty cell
  REQUIRE(reader.next(row) == csv::ReadStatus::row);
  CHECK(row.line == 4);
  REQUIRE(row.size() == 2);
  CHECK(row[0].text.empty());
  CHECK(row[1].text == "z");
  CHECK(reader.next(row) == csv::ReadStatus::end);
}
