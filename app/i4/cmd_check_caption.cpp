#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "app/i4/commands.h"
#include "core/caption/caption_verifier.h"
#include "core/errors.h"

namespace i4::cli {
namespace {

struct CheckOptions {
    std::string file;
    bool strict = false;
};

int runCheck(const CheckOptions& o) {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) throw InputError("cannot read caption file " + o.file);
    std::ostringstream text;
    text << in.rdbuf();
    const auto warnings = caption::verifyCaption(text.str());
    for (const auto& w : warnings) {
        std::cout << o.file << ": " << w.jsonPath << ": [" << caption::codeName(w.code) << "] "
                  << w.message << "\n";
    }
    if (warnings.empty()) {
        std::cout << o.file << ": ok\n";
        return kExitOk;
    }
    std::cerr << warnings.size() << " warning(s)\n";
    return o.strict ? kExitBadInput : kExitOk;
}

}  // namespace

Command addCheckCaptionCommand(CLI::App& app) {
    auto* cmd =
        app.add_subcommand("check-caption", "Check a JSON caption against the caption rules");
    auto o = std::make_shared<CheckOptions>();
    cmd->add_option("FILE", o->file, "Caption file (JSON)")->required();
    cmd->add_flag("--strict", o->strict, "Exit with status 2 when there is any warning");
    return {cmd, [o] { return runCheck(*o); }};
}

}  // namespace i4::cli
