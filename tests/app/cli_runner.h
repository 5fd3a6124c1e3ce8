#pragma once

#include <string>
#include <vector>

namespace i4::test {

struct CliRun {
    int exitCode = -1;
    std::string out;  // stdout and stderr together
};

// Runs the built `i4` with `args` (no shell involved) and waits for it.
CliRun runCli(const std::vector<std::string>& args);

// Runs `i4` with `args`, sends it SIGINT once its output contains `trigger`, and waits for it.
// `secondsToExit` receives the time from the signal to the process's exit.
CliRun runCliInterrupted(const std::vector<std::string>& args, const std::string& trigger,
                         double* secondsToExit);

}  // namespace i4::test
