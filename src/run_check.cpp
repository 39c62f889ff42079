// run_check: inputs are loaded and checked by up to `jobs` worker threads, and the results are
// handed to the reporters in input order, so the output is the same bytes whatever `jobs` is.
//
// Memory stays bounded: a worker only starts an input within a small window of the next one to
// report; the worker holding that next input reports each record as soon as it is checked (a
// million-row CSV streams through), and a worker ahead of it buffers at most
// kMaxBufferedRecords before it waits for its turn.
#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "handoff/run.hpp"

namespace handoff {
namespace {

constexpr std::size_t kMaxBufferedRecords = 256;

// A checked record and each rendering reporter's text for it (empty for the others).
struct Checked {
  RecordResult result;
  std::vector<std::string> texts;
};

struct Slot {
  std::vector<Checked> results;  // checked, waiting for their turn
  bool done = false;
};

class OrderedRun {
 public:
  OrderedRun(const std::vector<InputItem>& inputs, ConfigResolver& configs,
             const RunOptions& options, const std::vector<Reporter*>& reporters)
      : inputs_(inputs),
        configs_(configs),
        options_(options),
        reporters_(reporters),
        jobs_(std::clamp<std::size_t>(options.jobs, 1, std::max<std::size_t>(1, inputs.size()))),
        slots_(4 * jobs_) {}

  RunOutcome run() {
    for (auto* r : reporters_) r->begin();
    if (jobs_ == 1) {
      work();
    } else {
      std::vector<std::thread> threads;
      for (std::size_t t = 0; t < jobs_; ++t) threads.emplace_back([this] { work(); });
      for (auto& t : threads) t.join();
    }
    if (failure_) std::rethrow_exception(failure_);
    for (auto* r : reporters_) r->end(outcome_.summary);
    return outcome_;
  }

 private:
  Slot& slot(std::size_t index) { return slots_[index % slots_.size()]; }

  void work() {
    for (;;) {
      std::size_t index = 0;
      {
        std::unique_lock lock(mutex_);
        turn_.wait(lock, [&] {
          return stop_ || next_ >= inputs_.size() || next_ < cursor_ + slots_.size();
        });
        if (stop_ || next_ >= inputs_.size()) return;
        index = next_++;
      }
      try {
        check_input(index);
      } catch (...) {
        std::lock_guard lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
        stop_ = true;
        turn_.notify_all();
        return;
      }
      finish(index);
    }
  }

  // Loads one input and checks each of its records; every result goes through deliver().
  void check_input(std::size_t index) {
    const InputItem& input = inputs_[index];
    const std::string name = input.path == "-" ? "<stdin>" : input.path;
    Format ext_format = input.path == "-" ? Format::unknown : format_from_extension(input.path);
    if (input.error)
      return deliver_error(index, input.path, ext_format, *input.error, default_config());

    const Config* cfg = nullptr;
    const Engine* engine = nullptr;
    {
      std::lock_guard lock(mutex_);  // the resolver and the engine caches are not thread-safe
      auto resolved = configs_.for_path(input.path);
      if (auto* err = std::get_if<ConfigError>(&resolved)) {
        outcome_.config_error = true;
        LoadError problem{
            fmt::format("invalid configuration {}:{}: {}", err->file, err->pos.line, err->message),
            {}};
        auto result = error_engine_for(default_config())
                          .run(failed_load(input.path, ext_format, std::move(problem)));
        return deliver_locked(index, rendered(std::move(result)));
      }
      cfg = std::get<const Config*>(resolved);
      engine = &engine_for(*cfg);
    }
    auto src_or_error = open_source(input.path, cfg->limits);  // an export stays on disk
    if (auto* err = std::get_if<LoadError>(&src_or_error))
      return deliver_error(index, name, ext_format, std::move(*err), *cfg);
    Source& src = std::get<Source>(src_or_error);
    if (options_.forced_format != Format::unknown) src.format = options_.forced_format;
    LoadOptions opt{&cfg->limits, &cfg->labels, &cfg->csv};
    load_source(src, opt, [&](Loaded&& loaded) { deliver(index, engine->run(loaded)); });
  }

  static Loaded failed_load(const std::string& name, Format format, LoadError error) {
    Loaded bad;
    bad.record.source = name;
    bad.record.format = std::string(format_name(format));
    bad.error = std::move(error);
    return bad;
  }

  void deliver_error(std::size_t index, const std::string& name, Format format, LoadError error,
                     const Config& cfg) {
    const Engine* engine = nullptr;
    {
      std::lock_guard lock(mutex_);
      engine = &error_engine_for(cfg);  // built only when an input fails
    }
    deliver(index, engine->run(failed_load(name, format, std::move(error))));
  }

  // Caller holds mutex_. One engine per config: it compiles the phrase lists once.
  const Engine& engine_for(const Config& cfg) {
    auto& engine = engines_[&cfg];
    if (!engine) engine = std::make_unique<Engine>(cfg, options_.baseline);
    return *engine;
  }
  // For inputs that could not be read: a baseline never hides those.
  const Engine& error_engine_for(const Config& cfg) {
    auto& engine = error_engines_[&cfg];
    if (!engine) engine = std::make_unique<Engine>(cfg);
    return *engine;
  }

  // Formatting is most of a reporter's work, so it happens here, outside the lock.
  Checked rendered(RecordResult&& result) const {
    Checked checked{std::move(result), std::vector<std::string>(reporters_.size())};
    for (std::size_t i = 0; i < reporters_.size(); ++i)
      if (reporters_[i]->renders_records())
        checked.texts[i] = reporters_[i]->render(checked.result);
    return checked;
  }

  void deliver(std::size_t index, RecordResult&& result) {
    Checked checked = rendered(std::move(result));
    std::unique_lock lock(mutex_);
    deliver_locked(index, std::move(checked), &lock);
  }

  // Reports `result` now when its input is the next to report, else buffers it; a full buffer
  // waits until its input's turn comes (or the run stops).
  void deliver_locked(std::size_t index, Checked&& checked,
                      std::unique_lock<std::mutex>* lock = nullptr) {
    Slot& s = slot(index);
    if (index == cursor_) {
      flush(s);
      emit(checked);
      return;
    }
    s.results.push_back(std::move(checked));
    if (lock && s.results.size() >= kMaxBufferedRecords) {
      turn_.wait(*lock, [&] { return stop_ || cursor_ == index; });
      if (cursor_ == index) flush(s);
    }
  }

  void finish(std::size_t index) {
    std::lock_guard lock(mutex_);
    slot(index).done = true;
    while (cursor_ < inputs_.size() && slot(cursor_).done) {
      Slot& s = slot(cursor_);
      flush(s);
      s.done = false;
      ++cursor_;
    }
    turn_.notify_all();
  }

  void flush(Slot& s) {
    for (Checked& checked : s.results) emit(checked);
    s.results.clear();
  }

  void emit(Checked& checked) {
    const RecordResult& result = checked.result;
    RunSummary& summary = outcome_.summary;
    ++summary.records;
    switch (result.gate) {
      case Gate::pass:
        ++summary.passed;
        break;
      case Gate::fail:
        ++summary.failed;
        break;
      case Gate::error:
        ++summary.errored;
        break;
    }
    for (std::size_t i = 0; i < reporters_.size(); ++i) {
      if (reporters_[i]->renders_records())
        reporters_[i]->record_rendered(result, std::move(checked.texts[i]));
      else
        reporters_[i]->record(result);
    }
  }

  const std::vector<InputItem>& inputs_;
  ConfigResolver& configs_;
  const RunOptions& options_;
  const std::vector<Reporter*>& reporters_;
  const std::size_t jobs_;

  std::mutex mutex_;  // guards everything below, the resolver and the reporters
  std::condition_variable turn_;
  std::vector<Slot> slots_;  // a ring: input i uses slots_[i % size]
  std::size_t next_ = 0;     // the next input a worker takes
  std::size_t cursor_ = 0;   // the next input to report
  bool stop_ = false;
  std::exception_ptr failure_;
  std::map<const Config*, std::unique_ptr<Engine>> engines_, error_engines_;
  RunOutcome outcome_;
};

}  // namespace

RunOutcome run_check(const std::vector<InputItem>& inputs, ConfigResolver& configs,
                     const RunOptions& options, const std::vector<Reporter*>& reporters) {
  return OrderedRun(inputs, configs, options, reporters).run();
}

}  // namespace handoff
