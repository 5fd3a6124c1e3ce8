#include <iostream>
#include <memory>
#include <string>

#include "app/i4/commands.h"
#include "core/io/model_summary.h"

namespace i4::cli {

Command addInfoCommand(CLI::App& app) {
    auto* cmd = app.add_subcommand("info", "Check a model folder and describe each component");
    auto dir = std::make_shared<std::string>();
    cmd->add_option("MODEL_DIR", *dir, "Model folder (published Hugging Face layout)")->required();
    return {cmd, [dir] {
                std::cout << io::formatSummary(io::summarizeModelFolder(*dir));
                return kExitOk;
            }};
}

}  // namespace i4::cli
