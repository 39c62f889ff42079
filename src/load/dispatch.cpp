#include <fmt/format.h>

#include "handoff/load.hpp"
#include "load/blocks.hpp"

namespace handoff {

void load_source(const Source& src, const LoadOptions& opt, const RecordSink& sink) {
  const bool streams = src.format == Format::csv || src.format == Format::jsonl;
  if (src.file && !streams) {
    // An export read as another format (--input-format): those loaders take the text whole.
    Source whole{src.name, src.format, {}};
    if (auto err = read_whole(src, *opt.limits, whole.text)) {
      Loaded bad;
      bad.record.source = src.name;
      bad.record.format = std::string(format_name(src.format));
      bad.error = std::move(err);
      return sink(std::move(bad));
    }
    return load_source(whole, opt, sink);
  }
  switch (src.format) {
    case Format::yaml: return load_yaml(src, opt, sink);
    case Format::markdown: return load_markdown(src, opt, sink);
    case Format::text: return load_text(src, opt, sink);
    case Format::csv: return load_csv(src, opt, sink);
    case Format::jsonl: return load_jsonl(src, opt, sink);
    case Format::unknown: break;
  }
  Loaded bad;
  bad.record.source = src.name;
  bad.record.format = std::string(format_name(src.format));
  bad.error = LoadError{fmt::format("{} input is not supported by this build", format_name(src.format)), {}};
  sink(std::move(bad));
}

}  // namespace handoff
