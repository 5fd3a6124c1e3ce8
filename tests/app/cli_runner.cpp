#include "tests/app/cli_runner.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <stdexcept>
#include <utility>

namespace i4::test {

namespace {

// Starts i4 with stdout and stderr on a pipe; returns the pid and the pipe's read end.
std::pair<pid_t, int> spawnCli(const std::vector<std::string>& args) {
    int pipeFds[2];
    if (::pipe(pipeFds) != 0) throw std::runtime_error("pipe failed");
    std::vector<char*> argv;
    std::string program = I4_CLI_PATH;
    argv.push_back(program.data());
    std::vector<std::string> copies = args;
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(pipeFds[1], STDOUT_FILENO);
        ::dup2(pipeFds[1], STDERR_FILENO);
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        int devnull = ::open("/dev/null", O_RDONLY);
        ::dup2(devnull, STDIN_FILENO);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }
    ::close(pipeFds[1]);
    return {pid, pipeFds[0]};
}

int waitExit(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

CliRun runCli(const std::vector<std::string>& args) {
    auto [pid, fd] = spawnCli(args);
    CliRun run;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0) run.out.append(buffer, n);
    ::close(fd);
    run.exitCode = waitExit(pid);
    return run;
}

CliRun runCliInterrupted(const std::vector<std::string>& args, const std::string& trigger,
                         double* secondsToExit) {
    auto [pid, fd] = spawnCli(args);
    CliRun run;
    char buffer[4096];
    ssize_t n;
    bool sent = false;
    std::chrono::steady_clock::time_point signalled;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0) {
        run.out.append(buffer, n);
        if (!sent && run.out.find(trigger) != std::string::npos) {
            ::kill(pid, SIGINT);
            signalled = std::chrono::steady_clock::now();
            sent = true;
        }
    }
    ::close(fd);
    run.exitCode = waitExit(pid);
    *secondsToExit =
        sent ? std::chrono::duration<double>(std::chrono::steady_clock::now() - signalled).count()
             : -1;
    return run;
}

}  // namespace i4::test
