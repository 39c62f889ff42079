// Exports read in blocks (open_source, BlockReader, BlockLines): the records, errors
// and positions are those of the whole text whatever the block size, and the readers hold a
// block (plus one line at most), never the file.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "handoff/config.hpp"
#include "handoff/load.hpp"
#include "load/blocks.hpp"
#include "load/csv_reader.hpp"
#include "temp_dir.hpp"

using namespace handoff;
namespace fs = std::filesystem;
using handoff::test::TempDir;

namespace {

void describe(std::ostream& o, Position p) { o << '@' << p.line << ':' << p.column; }

void describe(std::ostream& o, const Field& f) {
  if (!f.present) return;
  describe(o, f.pos);
  for (const TextItem& item : f.items) {
    o << " [" << item.text;
    describe(o, item.pos);
    o << ']';
  }
  o << (f.is_list ? " list\n" : "\n");
}

// Everything a loader put in a Loaded that positions and text could differ in.
std::string describe(const std::vector<Loaded>& all) {
  std::ostringstream o;
  for (const Loaded& l : all) {
    o << l.record.source << ' ' << l.record.format << '\n';
    if (l.error) {
      o << "error " << l.error->message;
      describe(o, l.error->pos);
      o << '\n';
    }
    for (const Finding& w : l.warnings) {
      o << w.rule << ' ' << w.message;
      describe(o, w.pos);
      o << '\n';
    }
    for (const Field& f : l.record.fields) describe(o, f);
    const Header& h = l.record.header;
    for (const HeaderValue* v : {&h.account, &h.acv, &h.close_date, &h.ae, &h.csm}) {
      o << v->text;
      describe(o, v->pos);
      o << '\n';
    }
    for (const Contact& c : l.record.key_contacts) {
      o << c.name << " / " << c.role;
      describe(o, c.pos);
      o << '\n';
    }
  }
  return o.str();
}

struct Loads {
  TempDir dir;
  Limits limits;

  std::vector<Loaded> run(const Source& src, std::size_t block) const {
    LoadOptions opt{&limits, &default_config().labels, nullptr, block};
    std::vector<Loaded> out;
    load_source(src, opt, [&](Loaded&& l) { out.push_back(std::move(l)); });
    return out;
  }
  // The export as run_check reads it: from disk in blocks of `block` bytes.
  std::vector<Loaded> streamed(const std::string& name, const std::string& bytes,
                               std::size_t block) const {
    auto src = open_source(dir.write(name, bytes), limits, block);
    REQUIRE(std::holds_alternative<Source>(src));
    REQUIRE(std::get<Source>(src).file);
    return run(std::get<Source>(src), block);
  }
  // As before streaming: the whole file read and normalized, then loaded.
  std::vector<Loaded> whole(const std::string& name, const std::string& bytes) const {
    auto src = read_source(dir.write(name, bytes), limits);
    REQUIRE(std::holds_alternative<Source>(src));
    return run(std::get<Source>(src), kExportBlockBytes);
  }
};

// A block size that puts a block end right after the first `needle` byte... i.e. splits it.
std::size_t block_splitting(const std::string& bytes, const std::string& needle) {
  std::size_t at = bytes.find(needle);
  REQUIRE(at != std::string::npos);
  return at + 1;
}

const std::string kCsv =
    "\xEF\xBB\xBF"
    "Account,AE,Champion,Buying Motivation,Notes\r\n"
    "Acme Tooling,Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
    "ez,\"Ada Ito, VP Ops\r\nShe wrote the plan.\r\n"
    "She signs.\",Audit failed in Q2,\"Risks: none\r\nPromises: Sandbox by 2026-08-20\"\r\n"
    "\r\n"
    ",,,,\r\n"
    "Broken \"row,x,\"y\"z,w,v\r"
    "Kestrel,Ilse,\"T\xC3\xB3mas \"\"TR\"\" Reyes\",\xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x9A\x80,\r"
    "Short,row\n"
    "Last,Bo,Champ,Why,\"no newline at the end";

const std::string kJsonl =
    "\xEF\xBB\xBF{\"account\": \"Acme\", \"champion_profile\": \"Ada Ito\\nVP\"}\r\n"
    "\r\n"
    "{\"account\": \"Jos\xC3\xA9\", \"products\": [\"A\", \"\xE6\x9D\xB1\"], \"x\": 1}\r"
    "not json\n"
    "{\"account\": \"Dup\", \"account\": \"Twice\"}";

}  // namespace

TEST_CASE("a CSV export streamed in blocks loads as the whole text, at any block size",
          "[blocks]") {
  Loads loads;
  const std::string expected = describe(loads.whole("deals.csv", kCsv));
  for (std::size_t block : {1, 2, 3, 5, 7, 16, 64, 1 << 20}) {
    INFO("block " << block);
    CHECK(describe(loads.streamed("deals.csv", kCsv, block)) == expected);
  }
}

TEST_CASE("a JSONL export streamed in blocks loads as the whole text, at any block size",
          "[blocks]") {
  Loads loads;
  const std::string expected = describe(loads.whole("deals.jsonl", kJsonl));
  for (std::size_t block : {1, 2, 3, 5, 7, 16, 64, 1 << 20}) {
    INFO("block " << block);
    CHECK(describe(loads.streamed("deals.jsonl", kJsonl, block)) == expected);
  }
}

TEST_CASE("a quoted multi-line cell split by a block end", "[blocks]") {
  Loads loads;
  const std::string text = "Account,Champion\nAcme,\"Ada Ito\nVP Ops\"\nNext,Bo\n";
  auto rows = loads.streamed("d.csv", text, block_splitting(text, "Ito\n"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].record.source.ends_with("d.csv#1"));
  const Field& champion = rows[0].record.field(Category::champion_profile);
  REQUIRE(champion.items.size() == 1);
  CHECK(champion.items[0].text == "Ada Ito\nVP Ops");
  CHECK((champion.pos.line == 2 && champion.pos.column == 7));
  CHECK(rows[1].record.header.account.pos.line == 4);
}

TEST_CASE("a CRLF split by a block end is one line end", "[blocks]") {
  Loads loads;
  const std::string text = "Account,Champion\r\nAcme,Ada\r\nNext,Bo\r\n";
  auto rows = loads.streamed("d.csv", text, block_splitting(text, "Ada\r") + 3);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].record.header.account.pos.line == 2);
  CHECK(rows[1].record.header.account.pos.line == 3);  // not 4: the CR and LF are one end
  CHECK(rows[1].record.field(Category::champion_profile).items[0].text == "Bo");
}

TEST_CASE("a multi-byte UTF-8 character split by a block end is no error", "[blocks]") {
  Loads loads;
  const std::string text = "Account,Champion\nAcme,Jos\xC3\xA9 \xF0\x9F\x9A\x80\n";
  for (std::size_t block : {block_splitting(text, "\xC3"), block_splitting(text, "\xF0") + 1}) {
    auto rows = loads.streamed("d.csv", text, block);
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows[0].error);
    CHECK(rows[0].record.field(Category::champion_profile).items[0].text ==
          "Jos\xC3\xA9 \xF0\x9F\x9A\x80");
  }
}

TEST_CASE("a bad byte in the third block is refused with its line, before any record", "[blocks]") {
  TempDir dir;
  const Limits limits;
  const std::string text = "Account,Champion\nAcme,Ada\nNext,Bo\nLast,Jo\xFF\n";
  REQUIRE(text.find('\xFF') / 16 == 2);  // blocks of 16: the third block
  auto src = open_source(dir.write("d.csv", text), limits, 16);
  REQUIRE(std::holds_alternative<LoadError>(src));
  const LoadError& err = std::get<LoadError>(src);
  CHECK(err.message == "invalid UTF-8 byte 0xFF");
  CHECK((err.pos.line == 4 && err.pos.column == 8));
  // The same error, line and column as reading it whole.
  auto whole = read_source(dir.write("d.csv", text), limits);
  REQUIRE(std::holds_alternative<LoadError>(whole));
  CHECK(std::get<LoadError>(whole).pos.line == 4);
}

TEST_CASE("limits hold across block ends", "[blocks]") {
  Loads loads;
  loads.limits.max_field_bytes = 20;
  loads.limits.max_line_bytes = 60;
  loads.limits.max_records_per_file = 2;
  const std::string big_cell =
      "Acme,\"" + std::string(15, 'x') + "\n" + std::string(15, 'y') + "\"\n";
  const std::string text = "Account,Champion\n" + big_cell + "Next,Bo\nThird,Jo\nFourth,Al\n";
  auto rows = loads.streamed("d.csv", text, 4);
  REQUIRE(rows.size() == 3);
  REQUIRE(rows[0].error);
  CHECK(rows[0].error->message ==
        "the cell in column \"Champion\" is 31 bytes, over limits.max_field_bytes (20)");
  CHECK((rows[0].error->pos.line == 2 && rows[0].error->pos.column == 7));
  CHECK_FALSE(rows[1].error);  // the rest of the run goes on
  REQUIRE(rows[2].error);
  CHECK_THAT(rows[2].error->message, Catch::Contains("limits.max_records_per_file"));
  CHECK(rows[2].error->pos.line == 5);

  auto src = open_source(loads.dir.write("long.jsonl", "{}\n" + std::string(61, ' ') + "\n"),
                         loads.limits, 8);
  REQUIRE(std::holds_alternative<LoadError>(src));
  CHECK_THAT(std::get<LoadError>(src).message, Catch::Contains("limits.max_line_bytes"));
  CHECK(std::get<LoadError>(src).pos.line == 2);
}

TEST_CASE("readers hold a block, not the file", "[blocks]") {
  TempDir dir;
  const Limits limits;
  constexpr std::size_t kBlock = 64;
  // Quoted multi-line cells several blocks long: what is read goes into the cells.
  std::string csv = "Account,Champion\n";
  std::string jsonl;
  for (int i = 0; i < 5000; ++i) {
    csv += "Acme " + std::to_string(i) + ",\"" + std::string(100, 'x') + "\n" +
           std::string(100, 'y') + "\"\n";
    jsonl += "{\"account\": \"Acme " + std::to_string(i) + "\"}\n";
  }
  auto csv_src = open_source(dir.write("big.csv", csv), limits, kBlock);
  auto jsonl_src = open_source(dir.write("big.jsonl", jsonl), limits, kBlock);
  REQUIRE(std::holds_alternative<Source>(csv_src));
  REQUIRE(std::holds_alternative<Source>(jsonl_src));
  CHECK(std::get<Source>(csv_src).text.empty());

  BlockReader csv_blocks(std::get<Source>(csv_src), limits, kBlock);
  csv::Reader reader(csv_blocks, ',', limits.max_field_bytes);
  csv::Row row;
  std::size_t rows = 0;
  while (reader.next(row) == csv::ReadStatus::row) ++rows;
  CHECK(rows == 5001);
  CHECK(reader.high_water() <= kBlock);

  BlockReader jsonl_blocks(std::get<Source>(jsonl_src), limits, kBlock);
  BlockLines lines(jsonl_blocks);
  std::size_t count = 0;
  while (lines.next()) ++count;
  CHECK(count == 5000);
  CHECK(lines.high_water() <= kBlock + 30);  // a block and the line begun
}

TEST_CASE("open_source reads other inputs whole; an export read as another format still loads",
          "[blocks]") {
  Loads loads;
  auto md = open_source(loads.dir.write("notes.txt", "Champion: Ada\r\n"), loads.limits);
  REQUIRE(std::holds_alternative<Source>(md));
  CHECK_FALSE(std::get<Source>(md).file);
  CHECK(std::get<Source>(md).text == "Champion: Ada\n");

  // --input-format text on a .csv: the text loader gets the whole (normalized) text.
  auto csv = open_source(loads.dir.write("notes.csv", "Champion: Ada\r\nRisks: none\r\n"),
                         loads.limits, 4);
  REQUIRE(std::holds_alternative<Source>(csv));
  Source src = std::get<Source>(std::move(csv));
  src.format = Format::text;
  auto rows = loads.run(src, 4);
  REQUIRE(rows.size() == 1);
  CHECK_FALSE(rows[0].error);
  CHECK(rows[0].record.field(Category::champion_profile).items[0].text == "Ada");
}

TEST_CASE("an export that changes after it was checked is reported, not trusted", "[blocks]") {
  Loads loads;
  const std::string path = loads.dir.write("d.csv", "Account,Champion\nAcme,Ada\nNext,Bo\n");
  auto src = open_source(path, loads.limits, 8);
  REQUIRE(std::holds_alternative<Source>(src));
  loads.dir.write("d.csv", "Account,Champion\nAcme,Ada\nNext,B\xFF\n");  // the same file, rewritten
  auto rows = loads.run(std::get<Source>(src), 8);
  REQUIRE(rows.size() == 2);
  CHECK_FALSE(rows[0].error);
  REQUIRE(rows[1].error);
  CHECK(rows[1].record.source == path);
  CHECK(rows[1].error->message == "invalid UTF-8 byte 0xFF");
  CHECK(rows[1].error->pos.line == 3);
}
