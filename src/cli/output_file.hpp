// A report file written whole or not at all: a temporary file beside the target, renamed
// over it on commit, removed if the run ends without committing.
#pragma once

#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace handoff::cli {

class AtomicFile {
 public:
  // Returns an error message, or nullopt when the temporary file is open for writing.
  std::optional<std::string> open(const std::string& path);
  std::ostream& stream() { return out_; }
  std::optional<std::string> commit();  // flush, close, rename into place
  ~AtomicFile();

 private:
  std::string path_, temp_;
  std::ofstream out_;
  bool committed_ = false;
};

// true when `output` names the same file as one of `inputs` (never overwrite an input).
bool same_file_as_any(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace handoff::cli
