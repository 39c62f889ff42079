// The byte-level pass and safe file reading.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "handoff/load.hpp"
#include "load/byte_pass.hpp"
#include "temp_dir.hpp"

using namespace handoff;
namespace fs = std::filesystem;
using handoff::test::TempDir;

namespace {
std::optional<LoadError> norm(std::string& s) {
  static const Limits limits;
  return normalize_text(s, limits);
}

}  // namespace

TEST_CASE("BOM is stripped and CRLF and lone CR become LF", "[source]") {
  std::string s =
      "\xEF\xBB\xBF"
      "a: 1\r\nb: 2\rc: 3\n";
  REQUIRE_FALSE(norm(s));
  CHECK(s == "a: 1\nb: 2\nc: 3\n");
}

TEST_CASE("a NUL byte is refused with its line and column", "[source]") {
  std::string s = std::string("ok\nab") + '\0' + "c\n";
  auto err = norm(s);
  REQUIRE(err);
  CHECK(err->pos.line == 2);
  CHECK(err->pos.column == 3);
  CHECK_THAT(err->message, Catch::Contains("NUL"));
}

TEST_CASE("invalid UTF-8 is refused with its line", "[source]") {
  struct Case {
    std::string bytes;
    std::string why;
  };
  for (const auto& c : std::vector<Case>{
           {"x\ny\n\xFF\n", "invalid UTF-8 byte 0xFF"},
           {"x\ny\n\xC0\xAF\n", "invalid UTF-8 byte 0xC0"},  // overlong '/'
           {"x\ny\n\xE0\x80\xAF\n", "overlong"},             // overlong 3-byte
           {"x\ny\n\xED\xA0\x80\n", "surrogate"},            // U+D800
           {"x\ny\n\xF4\x90\x80\x80\n", "above U+10FFFF"},   // U+110000
           {"x\ny\n\xE2\x82", "truncated"},                  // cut at end of file
           {"x\ny\n\xC3(\n", "continuation"},
       }) {
    std::string s = c.bytes;
    auto err = norm(s);
    REQUIRE(err);
    CHECK(err->pos.line == 3);
    CHECK_THAT(err->message, Catch::Contains(c.why));
  }
}

TEST_CASE("valid multi-byte text passes unchanged", "[source]") {
  std::string s = "José Núñez — 東京 — 🚀\n";
  std::string copy = s;
  REQUIRE_FALSE(norm(s));
  CHECK(s == copy);
}

TEST_CASE("a line over the cap is refused", "[source]") {
  Limits limits;
  limits.max_line_bytes = 10;
  std::string s = "short\n" + std::string(11, 'x') + "\n";
  auto err = normalize_text(s, limits);
  REQUIRE(err);
  CHECK(err->pos.line == 2);
  CHECK_THAT(err->message, Catch::Contains("max_line_bytes"));
  std::string last_line = "short\n" + std::string(11, 'x');
  CHECK(normalize_text(last_line, limits));
}

TEST_CASE("the byte pass gives the same text and errors in pieces of any size", "[source]") {
  const Limits limits;
  const std::string nul = "ok\nab" + std::string(1, '\0') + "c";
  for (const std::string& bytes : std::vector<std::string>{
           "\xEF\xBB\xBF"
           "a,\"b\r\nc\"\r\nJos\xC3\xA9 \xE6\x9D\xB1 \xF0\x9F\x9A\x80\rz\r\n\r",
           "\xEF\xBB", "\xEF\xBB\xBF", "\xEF\xBB\xBF\xEF\xBB\xBF", "a\r", "a\r\r\nb\n\rc", nul,
           "x\ny\n\xE2\x82", "x\ny\n\xE2(\n", "x\r\n\xF0\x9F\x9A", "\xED\xA0\x80", "\xE0\x80\xAF",
           "\xF4\x90\x80\x80", "a\r\n\xFF"}) {
    std::string whole = bytes;
    auto whole_err = normalize_text(whole, limits);
    for (std::size_t piece = 1; piece <= bytes.size(); ++piece) {
      BytePass pass(limits);
      std::string out;
      std::vector<char> buf(piece + BytePass::kHeldBytes);
      for (std::size_t at = 0; at < bytes.size(); at += piece)
        out.append(buf.data(), pass.feed(std::string_view(bytes).substr(at, piece), buf.data()));
      out.append(buf.data(), pass.finish(buf.data()));
      const std::optional<LoadError>& err = pass.error();
      INFO("pieces of " << piece << " of " << bytes.size() << " bytes");
      REQUIRE(err.has_value() == whole_err.has_value());
      if (err) {
        CHECK(err->message == whole_err->message);
        CHECK((err->pos.line == whole_err->pos.line && err->pos.column == whole_err->pos.column));
      } else {
        CHECK(out == whole);
      }
    }
  }
}

TEST_CASE("read_source refuses what is not a regular file and never blocks", "[source]") {
  TempDir dir;
  Limits limits;
  auto fifo = (dir.path / "pipe.md").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto r = read_source(fifo, limits);
  REQUIRE(std::holds_alternative<LoadError>(r));
  CHECK_THAT(std::get<LoadError>(r).message, Catch::Contains("FIFO"));

  fs::create_directory(dir.path / "folder.yaml");
  r = read_source((dir.path / "folder.yaml").string(), limits);
  REQUIRE(std::holds_alternative<LoadError>(r));
  CHECK_THAT(std::get<LoadError>(r).message, Catch::Contains("directory"));

  r = read_source((dir.path / "missing.yaml").string(), limits);
  REQUIRE(std::holds_alternative<LoadError>(r));
  CHECK(std::get<LoadError>(r).message == "no such file");

  fs::create_symlink(dir.path / "loop-b.md", dir.path / "loop-a.md");
  fs::create_symlink(dir.path / "loop-a.md", dir.path / "loop-b.md");
  r = read_source((dir.path / "loop-a.md").string(), limits);
  REQUIRE(std::holds_alternative<LoadError>(r));
  CHECK_THAT(std::get<LoadError>(r).message, Catch::Contains("symlink loop"));
}

TEST_CASE("read_source enforces the size cap before reading", "[source]") {
  TempDir dir;
  Limits limits;
  limits.max_file_bytes = 100;
  auto path = dir.write("big.txt", std::string(101, 'a'));
  auto r = read_source(path, limits);
  REQUIRE(std::holds_alternative<LoadError>(r));
  CHECK_THAT(std::get<LoadError>(r).message, Catch::Contains("101 bytes"));
  auto ok = read_source(dir.write("fine.txt", "Champion:\r\nAda\r\n"), limits);
  REQUIRE(std::holds_alternative<Source>(ok));
  CHECK(std::get<Source>(ok).text == "Champion:\nAda\n");
  CHECK(std::get<Source>(ok).format == Format::text);
}

TEST_CASE("CSV and JSONL exports have their own, larger size cap", "[source]") {
  TempDir dir;
  Limits limits;
  limits.max_file_bytes = 100;
  limits.max_export_bytes = 1000;
  std::string rows = "Account,Champion\n";
  while (rows.size() < 500) rows += "Acme,Ada Ito\n";
  auto csv = read_source(dir.write("export.csv", rows), limits);
  REQUIRE(std::holds_alternative<Source>(csv));
  CHECK(std::get<Source>(csv).format == Format::csv);
  // The same bytes as a record file are over the record cap.
  auto md = read_source(dir.write("export.md", rows), limits);
  REQUIRE(std::holds_alternative<LoadError>(md));
  CHECK_THAT(std::get<LoadError>(md).message, Catch::EndsWith("(limits.max_file_bytes)"));
  auto big = read_source(dir.write("big.jsonl", std::string(1001, '{')), limits);
  REQUIRE(std::holds_alternative<LoadError>(big));
  CHECK(std::get<LoadError>(big).message ==
        "file is 1001 bytes, over the 1000-byte limit (limits.max_export_bytes)");
}

TEST_CASE("formats come from the extension or from sniffing", "[source]") {
  CHECK(format_from_extension("a/b.YAML") == Format::yaml);
  CHECK(format_from_extension("a/b.md") == Format::markdown);
  CHECK(format_from_extension("notes.txt") == Format::text);
  CHECK(format_from_extension("x.csv") == Format::csv);
  CHECK(format_from_extension("dir.d/file") == Format::unknown);
  CHECK(sniff_format("---\naccount: X\n") == Format::yaml);
  CHECK(sniff_format("account: X\nacv: 1\n") == Format::yaml);
  CHECK(sniff_format("# Handoff: X\n") == Format::markdown);
  CHECK(sniff_format("Account: X\nField 1: Buying motivation\n") == Format::text);
  CHECK(sniff_format("{\"account\": \"X\"}\n") == Format::jsonl);
}
