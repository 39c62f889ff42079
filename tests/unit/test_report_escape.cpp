#include <catch2/catch.hpp>

#include "report/escape.hpp"

using namespace handoff::report;

TEST_CASE("escape: UTF-8 decoding rejects overlong, surrogate, out-of-range and cut sequences",
          "[report]") {
  auto step = [](std::string_view s) { return decode_utf8(s, 0); };
  CHECK(step("A").valid);
  CHECK(step("\xC3\xA9").code_point == 0xE9);
  CHECK(step("\xC3\xA9").length == 2);
  CHECK(step("\xF0\x9F\x99\x82").code_point == 0x1F642);
  CHECK_FALSE(step("\xC0\x80").valid);          // overlong NUL
  CHECK_FALSE(step("\xE0\x80\x80").valid);      // overlong
  CHECK_FALSE(step("\xED\xA0\x80").valid);      // surrogate U+D800
  CHECK_FALSE(step("\xF4\x90\x80\x80").valid);  // above U+10FFFF
  CHECK_FALSE(step("\xE2\x82").valid);          // cut short
  CHECK_FALSE(step("\x9B").valid);              // lone continuation byte
  CHECK(step("\x9B").length == 1);
}

TEST_CASE("escape: terminal_safe keeps text and tabs, shows controls", "[report]") {
  CHECK(terminal_safe("Caf\xC3\xA9 \xE2\x82\xAC"
                      "5\tok") ==
        "Caf\xC3\xA9 \xE2\x82\xAC"
        "5\tok");
  CHECK(terminal_safe("a\x1b[2Jb") == "a\\x1b[2Jb");
  CHECK(terminal_safe(std::string_view("nul\0!", 5)) == "nul\\x00!");
  CHECK(terminal_safe("line\nnext") == "line\\x0anext");
  CHECK(terminal_safe("\x7f\xC2\x85\xC2\x9F\xC2\xA0") == "\\x7f\\u0085\\u009f\xC2\xA0");
  CHECK(terminal_safe("\xE2\x81\xA6x\xE2\x80\xAA") == "\\u2066x\\u202a");
  CHECK(terminal_safe("\xFF\xE2\x82") == "\\xff\\xe2\\x82");
}

TEST_CASE("escape: xml_escape gives inert, well-formed character data", "[report]") {
  CHECK(xml_escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  CHECK(xml_escape("]]></testcase><script>") == "]]&gt;&lt;/testcase&gt;&lt;script&gt;");
  CHECK(xml_escape("t\tl\nr\r") == "t&#9;l&#10;r&#13;");
  CHECK(xml_escape("bell\x07 esc\x1b vt\x0b") == "bell esc vt");
  CHECK(xml_escape("\xEF\xBF\xBE\xEF\xBF\xBF!") == "!");                  // U+FFFE, U+FFFF
  CHECK(xml_escape("bad\xFFx") == "bad\xEF\xBF\xBDx");                    // U+FFFD
  CHECK(xml_escape("\xC2\x85 \xE2\x9C\x93") == "\xC2\x85 \xE2\x9C\x93");  // legal in XML 1.0
}

TEST_CASE("escape: GitHub workflow command properties and data", "[report]") {
  CHECK(github_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b");
  CHECK(github_property("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext%3A a%2Cb");
  CHECK(github_property("dir/a b.md") == "dir/a b.md");
  CHECK(github_property("::error::x") == "%3A%3Aerror%3A%3Ax");
}

TEST_CASE("escape: markdown_text neutralises markup, HTML and mentions", "[report]") {
  CHECK(markdown_text("a|b") == "a\\|b");
  CHECK(markdown_text("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;");
  CHECK(markdown_text("`code` *bold* _it_ [link](javascript:x) ~~s~~ ![i](y) #1 \\") ==
        "\\`code\\` \\*bold\\* \\_it\\_ \\[link\\](javascript:x) \\~\\~s\\~\\~ \\!\\[i\\](y) \\#1 "
        "\\\\");
  CHECK(markdown_text("AT&T") == "AT&amp;T");
  CHECK(markdown_text("ping @octo") == "ping @\xE2\x80\x8Bocto");
  CHECK(markdown_text("two\nlines\r\tx") == "two lines  x");
  CHECK(markdown_text("esc\x1b[1m") == "esc\\\\x1b\\[1m");
}

TEST_CASE("escape: uri_path percent-encodes all but unreserved characters and slashes",
          "[report]") {
  CHECK(uri_path("handoffs/q3-deals_v2.yaml") == "handoffs/q3-deals_v2.yaml");
  CHECK(uri_path("deals/Q3 #1?.md") == "deals/Q3%20%231%3F.md");
  CHECK(uri_path("c:\\x%") == "c%3A%5Cx%25");
  CHECK(uri_path("caf\xC3\xA9.md") == "caf%C3%A9.md");
}

TEST_CASE("escape: split_source, folder_of, file_of", "[report]") {
  CHECK(split_source("a/b.yaml#12").path == "a/b.yaml");
  CHECK(split_source("a/b.yaml#12").record == "12");
  CHECK(split_source("a/b#c.md").path == "a/b#c.md");
  CHECK(split_source("a/b#c.md").record.empty());
  CHECK(split_source("b.csv#").path == "b.csv#");
  CHECK(folder_of("a/b/c.md") == "a/b");
  CHECK(folder_of("c.md").empty());
  CHECK(file_of("a/b/c.md") == "c.md");
  CHECK(file_of("c.md") == "c.md");
}

TEST_CASE("escape: stable_hash is FNV-1a 64 over NUL-separated parts", "[report]") {
  CHECK(stable_hash({"a"}) == "089be207b544f1e4");
  CHECK(stable_hash({"ab", "c"}) != stable_hash({"a", "bc"}));
  CHECK(stable_hash({"x", "y"}).size() == 16);
}
