#include <iostream>
#include <vector>

#include "app/i4/commands.h"
#include "core/errors.h"
#include "core/runtime/torch_compat.h"
#include "core/version.h"

int main(int argc, char** argv) {
    using namespace i4::cli;
    CLI::App app{"i4: Ideogram 4 on your own machine (command line of i4studio)", "i4"};
    app.require_subcommand(0, 1);
    bool showVersion = false;
    app.add_flag("--version", showVersion, "Print the version and exit");

    const std::vector<Command> commands{
        addInfoCommand(app),
        addTokenizeCommand(app),
        addGenerateCommand(app),
        addCheckCaptionCommand(app),
        addDevicesCommand(app),
        addBenchCommand(app),
        addMagicPromptCommand(app),
        addVaryCommand(app),
    };

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitBadInput;
    }
    if (showVersion) {
        std::cout << "i4 " << i4::kVersion << " (LibTorch " << i4::runtime::torchVersion() << ")\n";
        return kExitOk;
    }
    for (const Command& command : commands) {
        if (!command.sub->parsed()) continue;
        try {
            return command.run();
        } catch (const i4::CancelledError&) {
            std::cerr << "i4: cancelled\n";
            return kExitCancelled;
        } catch (const i4::InputError& e) {
            std::cerr << "i4: " << e.what() << "\n";
            return kExitBadInput;
        } catch (const i4::ModelError& e) {
            std::cerr << "i4: model error: " << e.what() << "\n";
            return kExitModelError;
        } catch (const std::exception& e) {
            std::cerr << "i4: error: " << e.what() << "\n";
            return kExitModelError;
        }
    }
    std::cout << app.help();
    return kExitBadInput;
}
