// libFuzzer harness "source": the byte-level pass, sniff_format as for stdin, load_source's
// dispatch, the engine and every reporter including SARIF.
// The checks live in fuzz_checks.hpp, shared with the regression replay in the unit tests.
#define HANDOFF_FUZZ_HARNESS "source"
#include "fuzz_main.hpp"
