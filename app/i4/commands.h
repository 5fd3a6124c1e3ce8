#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace i4::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitModelError = 3;
inline constexpr int kExitCancelled = 130;

// Each command adds its subcommand to `app` and returns it with the action to run when chosen.
using Action = std::function<int()>;
struct Command {
    CLI::App* sub;
    Action run;
};
Command addInfoCommand(CLI::App& app);
Command addTokenizeCommand(CLI::App& app);
Command addGenerateCommand(CLI::App& app);
Command addCheckCaptionCommand(CLI::App& app);
Command addDevicesCommand(CLI::App& app);
Command addBenchCommand(CLI::App& app);
Command addMagicPromptCommand(CLI::App& app);  // issue 28: a plain idea -> caption
Command addVaryCommand(CLI::App& app);  // issue 26: variations of an image

}  // namespace i4::cli
