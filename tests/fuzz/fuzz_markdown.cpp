// libFuzzer harness "markdown": the markdown loader, the rule engine and the reporters.
// The checks live in fuzz_checks.hpp, shared with the regression replay in the unit tests.
#define HANDOFF_FUZZ_HARNESS "markdown"
#include "fuzz_main.hpp"
