// expand_inputs: folders walked in sorted order, only record extensions, exclude globs.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "handoff/run.hpp"

using namespace handoff;
namespace fs = std::filesystem;

namespace {

struct Tree {
  fs::path root;
  Tree() {
    char tmpl[] = "/tmp/handoff-inputs-XXXXXX";
    root = ::mkdtemp(tmpl);
    for (const char* file : {"b.yaml", "a.md", "notes.docx", "drafts/c.txt", "drafts/d.yaml",
                             "2025/q1/e.csv", "2025/q1/f.md"}) {
      fs::create_directories((root / file).parent_path());
      std::ofstream(root / file) << "account: x\n";
    }
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  // The paths found, relative to the root.
  std::vector<std::string> found(const std::vector<std::string>& exclude) const {
    std::vector<std::string> out;
    for (const InputItem& item : expand_inputs({root.string()}, exclude)) {
      CHECK_FALSE(item.error);
      out.push_back(fs::path(item.path).lexically_relative(root).generic_string());
    }
    return out;
  }
};

using Paths = std::vector<std::string>;

}  // namespace

TEST_CASE("a folder is walked in sorted order and keeps record extensions only", "[inputs]") {
  Tree tree;
  CHECK(tree.found({}) == Paths{"2025/q1/e.csv", "2025/q1/f.md", "a.md", "b.yaml",
                                "drafts/c.txt", "drafts/d.yaml"});
}

TEST_CASE("a walk skips hidden files and folders; a hidden file named directly is kept",
          "[inputs]") {
  Tree tree;
  for (const char* file : {".handoff-lint.yaml", ".handoff-baseline.json", ".git/config.yaml",
                           "drafts/.notes.md"}) {
    fs::create_directories((tree.root / file).parent_path());
    std::ofstream(tree.root / file) << "account: x\n";
  }
  CHECK(tree.found({}) == Paths{"2025/q1/e.csv", "2025/q1/f.md", "a.md", "b.yaml",
                                "drafts/c.txt", "drafts/d.yaml"});
  std::string direct = (tree.root / ".handoff-lint.yaml").string();
  auto items = expand_inputs({direct});
  REQUIRE(items.size() == 1);
  CHECK(items[0].path == direct);
}

TEST_CASE("an exclude pattern without a slash matches any path component", "[inputs]") {
  Tree tree;
  CHECK(tree.found({"*.md"}) == Paths{"2025/q1/e.csv", "b.yaml", "drafts/c.txt", "drafts/d.yaml"});
  CHECK(tree.found({"drafts"}) == Paths{"2025/q1/e.csv", "2025/q1/f.md", "a.md", "b.yaml"});
  CHECK(tree.found({"*.md", "*.csv", "q?"}) == Paths{"b.yaml", "drafts/c.txt", "drafts/d.yaml"});
}

TEST_CASE("an exclude pattern with a slash matches the whole path", "[inputs]") {
  Tree tree;
  std::string root = tree.root.generic_string();
  CHECK(tree.found({root + "/2025/**"}) ==
        Paths{"a.md", "b.yaml", "drafts/c.txt", "drafts/d.yaml"});
  CHECK(tree.found({"**/drafts/*.yaml"}) ==
        Paths{"2025/q1/e.csv", "2025/q1/f.md", "a.md", "b.yaml", "drafts/c.txt"});
  // A pattern that only matches a suffix of the path matches nothing.
  CHECK(tree.found({"drafts/*.yaml"}).size() == 6);
}

TEST_CASE("glob_match: * stays inside a component, ** crosses them", "[inputs]") {
  CHECK(glob_match("*.md", "a.md"));
  CHECK_FALSE(glob_match("*.md", "x/a.md"));
  CHECK(glob_match("**/*.md", "x/y/a.md"));
  CHECK(glob_match("**/*.md", "a.md"));
  CHECK(glob_match("x/?.md", "x/a.md"));
  CHECK_FALSE(glob_match("x?a.md", "x/a.md"));
  // Many stars against a long non-matching text end quickly (no exponential backtracking).
  CHECK_FALSE(glob_match("*a*a*a*a*a*a*a*a*b", std::string(5000, 'a')));
}

TEST_CASE("glob_match: \"**/\" stops only at a component boundary", "[inputs]") {
  CHECK(glob_match("**/b.md", "b.md"));
  CHECK(glob_match("**/b.md", "x/b.md"));
  CHECK_FALSE(glob_match("**/b.md", "xb.md"));
  CHECK(glob_match("a/**", "a/x/y.md"));
  CHECK(glob_match("a/**/z/*.md", "a/x/y/z/q.md"));
  CHECK_FALSE(glob_match("a/**/z/*.md", "a/x/y/z/w/q.md"));
}
