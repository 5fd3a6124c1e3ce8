// i4-demo-train: builds the demo model in resources/models/demo (see its README.md).

#include <ATen/Parallel.h>
#include <CLI/CLI.hpp>

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <limits>

#include "core/io/safetensors_writer.h"
#include "core/text/tokenizer.h"
#include "tools/demo/bpe_builder.h"
#include "tools/demo/demo_model.h"
#include "tools/demo/scene.h"
#include "tools/demo/training.h"

namespace fs = std::filesystem;
using namespace i4::demo;

namespace {

void buildTokenizer(const fs::path& modelDir, int captions, int vocabSize) {
    std::vector<std::string> corpus{"user\n", "assistant\n"};
    for (int i = 0; i < captions; ++i) corpus.push_back(caption(sceneAt(kTrainSeed, uint64_t(i))));
    BpeOptions options;
    options.vocabSize = vocabSize;
    const auto tokenizer = buildByteLevelBpe(corpus, options);
    const fs::path dir = modelDir / "tokenizer";
    fs::create_directories(dir);
    i4::io::writeFileAtomically(dir / "tokenizer.json", tokenizer.dump() + "\n");
    i4::io::writeFileAtomically(dir / "tokenizer_config.json",
                                tokenizerConfig(tokenizer).dump(2) + "\n");
    i4::io::writeFileAtomically(dir / "chat_template.jinja", kChatTemplate);
    const auto loaded = i4::text::Tokenizer::fromFile(dir / "tokenizer.json");
    const auto ids = loaded.encodeChat(caption(sceneAt(kTrainSeed, 0)));
    std::printf("tokenizer: %lld ids (%zu merges); a training caption is %zu tokens\n",
                static_cast<long long>(loaded.idCount()), tokenizer["model"]["merges"].size(),
                ids.size());
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Builds and trains the i4studio demo model (a small Ideogram 4)."};
    app.require_subcommand(1);
    fs::path modelDir = "resources/models/demo";
    int threads = 2;
    app.add_option("--model", modelDir, "model folder to write")->capture_default_str();
    app.add_option("--threads", threads, "intra-op threads")->capture_default_str();

    int captions = 4000, vocabSize = 768;
    uint64_t seed = 4;
    auto* tok = app.add_subcommand("tokenizer", "build tokenizer/ from the caption corpus");
    tok->add_option("--captions", captions)->capture_default_str();
    tok->add_option("--vocab", vocabSize)->capture_default_str();

    auto* configs = app.add_subcommand("configs", "(re)write model_index.json and the configs");
    auto* init = app.add_subcommand("init", "write configs and seeded initial weights");
    init->add_option("--seed", seed)->capture_default_str();

    VaeTraining vae;
    auto* vaeCmd = app.add_subcommand("vae", "train the VAE and normalise its latents");
    auto* vaeSteps = vaeCmd->add_option("--steps", vae.steps, "step limit (with --minutes: none unless given)")
                         ->capture_default_str();
    vaeCmd->add_option("--batch", vae.batch)->capture_default_str();
    vaeCmd->add_option("--lr", vae.lr)->capture_default_str();
    vaeCmd->add_option("--minutes", vae.minutes)->capture_default_str();

    DitTraining dit;
    auto* ditCmd = app.add_subcommand("dit", "train both transformers");
    ditCmd->add_option("--scenes", dit.scenes)->capture_default_str();
    auto* ditSteps = ditCmd->add_option("--steps", dit.steps, "step limit (with --minutes: none unless given)")
                         ->capture_default_str();
    ditCmd->add_option("--batch", dit.batch)->capture_default_str();
    ditCmd->add_option("--lr", dit.lr)->capture_default_str();
    ditCmd->add_option("--minutes", dit.minutes)->capture_default_str();
    ditCmd->add_option("--save-every", dit.saveEvery)->capture_default_str();
    ditCmd->add_option("--max-elements", dit.filter.maxElements,
                       "skip the stream's scenes with more shapes (a curriculum)")
        ->check(CLI::Range(1, 3))
        ->capture_default_str();
    ditCmd->add_option("--positions-only", dit.filter.positionsOnly,
                       "share of the scenes made red squares on white (only the bboxes vary)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    ditCmd->add_option("--time-mu", dit.timeMu, "training times' logit-normal mean (larger: noisier)")
        ->capture_default_str();
    ditCmd->add_option("--time-std", dit.timeStd, "training times' logit-normal spread")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    bool conditionalOnly = false;
    ditCmd->add_flag("--conditional-only", conditionalOnly,
                     "train only transformer/ (unconditional_transformer/ is left as it is)");

    MagicTraining magic;
    auto* magicCmd = app.add_subcommand("magic", "train the magic prompt LM (magic_prompt/)");
    auto* magicSteps = magicCmd->add_option("--steps", magic.steps, "step limit (with --minutes: none unless given)")
                           ->capture_default_str();
    magicCmd->add_option("--batch", magic.batch)->capture_default_str();
    magicCmd->add_option("--lr", magic.lr)->capture_default_str();
    magicCmd->add_option("--minutes", magic.minutes)->capture_default_str();
    magicCmd->add_option("--hidden", magic.hidden)->capture_default_str();
    magicCmd->add_option("--layers", magic.layers)->capture_default_str();
    magicCmd->add_option("--intermediate", magic.intermediate)->capture_default_str();

    CLI11_PARSE(app, argc, argv);
    // A time budget alone ends the run (its LR schedule is fitted to the budget).
    if (vae.minutes > 0 && vaeSteps->count() == 0) vae.steps = std::numeric_limits<int>::max();
    if (dit.minutes > 0 && ditSteps->count() == 0) dit.steps = std::numeric_limits<int>::max();
    if (magic.minutes > 0 && magicSteps->count() == 0) magic.steps = std::numeric_limits<int>::max();
    // Keep freed activations in the heap: glibc otherwise maps and unmaps every large tensor,
    // and the page faults cost as much as the arithmetic (measured: forward + backward 2.1 s
    // instead of 4.5 s per step). 32 MiB is the largest mmap threshold glibc accepts.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_TOP_PAD, 64 << 20);
    at::set_num_threads(threads);
    try {
        const auto start = std::chrono::steady_clock::now();
        if (tok->parsed()) buildTokenizer(modelDir, captions, vocabSize);
        if (configs->parsed()) {
            const auto tokenizer = i4::text::Tokenizer::fromModelFolder(modelDir);
            writeConfigs(modelDir, DemoArchitecture{}, tokenizer.idCount());
        }
        if (init->parsed()) {
            const auto tokenizer = i4::text::Tokenizer::fromModelFolder(modelDir);
            DemoArchitecture arch;
            // Fresh weights start a fresh training record (Note [Demo training record]).
            fs::remove(modelDir / "model_index.json");
            writeConfigs(modelDir, arch, tokenizer.idCount());
            writeInitialWeights(modelDir, arch, tokenizer.idCount(), seed);
            std::printf("init: wrote %s (seed %llu)\n", modelDir.c_str(),
                        static_cast<unsigned long long>(seed));
        }
        if (vaeCmd->parsed()) {
            vae.modelDir = modelDir;
            trainVae(vae);
        }
        if (ditCmd->parsed()) {
            dit.modelDir = modelDir;
            dit.trainUnconditional = !conditionalOnly;
            trainTransformers(dit);
        }
        if (magicCmd->parsed()) {
            magic.modelDir = modelDir;
            trainMagicPrompt(magic);
        }
        std::printf("done in %.1f min\n",
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 60);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "i4-demo-train: %s\n", e.what());
        return 1;
    }
    return 0;
}
