// run_check: inputs are loaded and checked by up to `jobs` worker threads, and the results are
// handed to the reporters in input order, so the output is the same bytes whatever `jobs` is.
//
// A worker loads one input at a time and queues each loaded record as a task; any worker with
// nothing else to do takes a task, checks and renders the record outside the lock, and files the
// result under its input and sequence number. Results are reported in input order and, within an
// input, in load order, so the records of one large export are checked on every core.
//
// Memory stays bounded: a worker only starts an input within a small window of the next one to
// report, and a loader never has more than kMaxBufferedRecords of its input loaded but not yet
// reported; at that bound it checks queued records itself, or waits for its input's turn.
#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
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

// One input's records between its loader and the reporters.
struct Slot {
  std::map<std::size_t, Checked> checked;  // by sequence number: checked, not yet reported
  std::size_t loaded = 0;                  // records queued by the loader so far
  std::size_t reported = 0;                // records reported (always the first ones loaded)
  bool load_done = false;
};

// A loaded record waiting for a worker to check it.
struct Task {
  std::size_t index = 0;  // its input
  std::size_t seq = 0;    // its place in the input's load order
  const Engine* engine = nullptr;
  Loaded loaded;
};

// Thrown through the loader to abandon an input once the run has failed.
struct Stopped {};

class OrderedRun {
 public:
  OrderedRun(const std::vector<InputItem>& inputs, ConfigResolver& configs,
             const RunOptions& options, const std::vector<Reporter*>& reporters)
      : inputs_(inputs),
        configs_(configs),
        options_(options),
        reporters_(reporters),
        jobs_(std::max<std::size_t>(1, options.jobs)),
        slots_(4 * jobs_) {}

  RunOutcome run() {
    for (auto* r : reporters_) r->begin();
    if (jobs_ == 1) {
      work();
    } else {
      // Not capped by the number of inputs: one export keeps every worker busy. A worker with
      // nothing to take returns as soon as every input is loaded.
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

  // Caller holds mutex_.
  bool can_start() const { return next_ < inputs_.size() && next_ < cursor_ + slots_.size(); }

  // Checking queued records comes first (it is what lets the reports move on), then loading the
  // next input; a worker returns when neither can come any more.
  void work() {
    try {
      std::unique_lock lock(mutex_);
      for (;;) {
        turn_.wait(lock, [&] {
          return stop_ || !tasks_.empty() || can_start() ||
                 (next_ >= inputs_.size() && loading_ == 0);
        });
        if (stop_) return;
        if (!tasks_.empty()) {
          run_task(lock);
          continue;
        }
        if (!can_start()) return;
        const std::size_t index = next_++;
        ++loading_;
        lock.unlock();
        load_input(index);
        lock.lock();
        --loading_;
        slot(index).load_done = true;
        report_ready();
        turn_.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!failure_) failure_ = std::current_exception();
      stop_ = true;
      turn_.notify_all();
    }
  }

  // Loads one input; each record goes through queue_record().
  void load_input(std::size_t index) {
    const InputItem& input = inputs_[index];
    const std::string name = input.path == "-" ? "<stdin>" : input.path;
    Format ext_format = input.path == "-" ? Format::unknown : format_from_extension(input.path);
    if (input.error)
      return queue_error(index, input.path, ext_format, *input.error, default_config());

    const Config* cfg = nullptr;
    const Engine* engine = nullptr;
    std::optional<LoadError> config_problem;
    {
      std::lock_guard lock(mutex_);  // the resolver and the engine caches are not thread-safe
      auto resolved = configs_.for_path(input.path);
      if (auto* err = std::get_if<ConfigError>(&resolved)) {
        outcome_.config_error = true;
        config_problem = LoadError{
            fmt::format("invalid configuration {}:{}: {}", err->file, err->pos.line, err->message),
            {}};
        engine = &error_engine_for(default_config());
      } else {
        cfg = std::get<const Config*>(resolved);
        engine = &engine_for(*cfg);
      }
    }
    if (config_problem)
      return queue_record(index, *engine,
                          failed_load(input.path, ext_format, std::move(*config_problem)));
    auto src_or_error = open_source(input.path, cfg->limits);  // an export stays on disk
    if (auto* err = std::get_if<LoadError>(&src_or_error))
      return queue_error(index, name, ext_format, std::move(*err), *cfg);
    Source& src = std::get<Source>(src_or_error);
    if (options_.forced_format != Format::unknown) src.format = options_.forced_format;
    LoadOptions opt{&cfg->limits, &cfg->labels, &cfg->csv};
    load_source(src, opt,
                [&](Loaded&& loaded) { queue_record(index, *engine, std::move(loaded)); });
  }

  static Loaded failed_load(const std::string& name, Format format, LoadError error) {
    Loaded bad;
    bad.record.source = name;
    bad.record.format = std::string(format_name(format));
    bad.error = std::move(error);
    return bad;
  }

  void queue_error(std::size_t index, const std::string& name, Format format, LoadError error,
                   const Config& cfg) {
    const Engine* engine = nullptr;
    {
      std::lock_guard lock(mutex_);
      engine = &error_engine_for(cfg);  // built only when an input fails
    }
    queue_record(index, *engine, failed_load(name, format, std::move(error)));
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

  // Called by the loader of input `index`. The loader checks queued records (of any input)
  // itself while more are queued than the other workers could take at once (loaded records are
  // larger than checked ones: keep few) and while its input is at its bound; at the bound with
  // none queued, it waits for its records to be checked elsewhere or for its input's turn.
  void queue_record(std::size_t index, const Engine& engine, Loaded&& loaded) {
    std::unique_lock lock(mutex_);
    Slot& s = slot(index);
    tasks_.push_back(Task{index, s.loaded++, &engine, std::move(loaded)});
    turn_.notify_one();  // every waiting worker takes a task
    while (!stop_ && (tasks_.size() > 2 * jobs_ || s.loaded - s.reported >= kMaxBufferedRecords)) {
      if (tasks_.empty())
        turn_.wait(lock);
      else
        run_task(lock);
    }
    if (stop_) throw Stopped{};
  }

  // Caller holds mutex_ through `lock`: takes the oldest task and checks and renders it outside
  // the lock (formatting is most of a reporter's work), then files the result.
  void run_task(std::unique_lock<std::mutex>& lock) {
    Task task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    Checked checked = rendered(task.engine->run(task.loaded));
    lock.lock();
    slot(task.index).checked.emplace(task.seq, std::move(checked));
    report_ready();
    turn_.notify_all();  // a loader may wait for its input's records to be reported
  }

  Checked rendered(RecordResult&& result) const {
    Checked checked{std::move(result), std::vector<std::string>(reporters_.size())};
    for (std::size_t i = 0; i < reporters_.size(); ++i)
      if (reporters_[i]->renders_records())
        checked.texts[i] = reporters_[i]->render(checked.result);
    return checked;
  }

  // Caller holds mutex_. Reports the next input's checked records in load order as far as they
  // go, and moves on to the following input once one is loaded and wholly reported.
  void report_ready() {
    while (!stop_ && cursor_ < inputs_.size()) {
      Slot& s = slot(cursor_);
      while (!s.checked.empty() && s.checked.begin()->first == s.reported) {
        auto node = s.checked.extract(s.checked.begin());
        ++s.reported;  // before emit(): a reporter that throws leaves the slot consistent
        emit(node.mapped());
      }
      if (!s.load_done || s.reported < s.loaded) return;
      s = Slot{};
      ++cursor_;
    }
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
  std::deque<Task> tasks_;   // loaded records to check, oldest first
  std::size_t next_ = 0;     // the next input a worker takes
  std::size_t cursor_ = 0;   // the next input to report
  std::size_t loading_ = 0;  // inputs being loaded now
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
