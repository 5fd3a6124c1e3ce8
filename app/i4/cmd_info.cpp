#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/i4/commands.h"
#include "core/io/model_summary.h"
#include "core/model/lora.h"

namespace i4::cli {
namespace {

// What a LoRA file holds, as `--lora` would apply it: its key layout, the layers it adapts in
// each transformer with their ranks, and every key it cannot place.
void describeLora(const std::filesystem::path& path) {
    const model::LoraFile lora = model::LoraFile::read(path);
    std::cout << "LoRA " << path.string() << "\n  layout: " << lora.layout << "\n";
    for (const auto& [transformer, adapters] : lora.adapters) {
        std::set<int64_t> ranks;
        for (const auto& a : adapters) ranks.insert(a.down.size(0));
        std::cout << "  " << transformer << ": " << adapters.size() << " adapted layers, rank ";
        bool first = true;
        for (int64_t r : ranks) {
            std::cout << (first ? "" : "/") << r;
            first = false;
        }
        std::cout << "\n";
    }
    if (lora.unknownKeys.empty()) {
        std::cout << "  every key is used\n";
    } else {
        std::cout << "  " << lora.unknownKeys.size() << " keys adapt nothing in Ideogram 4:";
        for (size_t i = 0; i < lora.unknownKeys.size() && i < 5; ++i) {
            std::cout << (i ? ", " : " ") << lora.unknownKeys[i];
        }
        if (lora.unknownKeys.size() > 5) std::cout << " and " << lora.unknownKeys.size() - 5 << " more";
        std::cout << "\n";
    }
}

}  // namespace

Command addInfoCommand(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "info", "Check a model folder and describe each component, or describe a LoRA file");
    auto path = std::make_shared<std::string>();
    auto loras = std::make_shared<std::vector<std::string>>();
    cmd->add_option("PATH", *path,
                    "Model folder (published Hugging Face layout) or a LoRA .safetensors file")
        ->required();
    cmd->add_option("--lora", *loras, "Also describe this LoRA file (repeatable)");
    return {cmd, [path, loras] {
                if (std::filesystem::is_regular_file(*path)) {
                    describeLora(*path);
                } else {
                    std::cout << io::formatSummary(io::summarizeModelFolder(*path));
                }
                for (const auto& lora : *loras) describeLora(lora);
                return kExitOk;
            }};
}

}  // namespace i4::cli
