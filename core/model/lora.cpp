#include "core/model/lora.h"

#include <ATen/ATen.h>

#include <cmath>
#include <set>

#include "core/errors.h"
#include "core/io/checkpoint.h"
#include "core/io/lora_keys.h"

namespace i4::model {

// Note [LoRA application]
// A LoRA adds weight * (alpha / r) * B A to a Linear's [out, in] weight W (alpha absent: scale
// 1). Where W is dense and resident in the compute dtype, the sum is formed once in float32 and
// rounded back (no cost per step). Where W is kept as stored (fp8 / nf4 codes, low-vram, the
// fp8-matmul fast mode), it cannot be changed in place, so the layer adds (x A^T) B^T to its
// output on every call: two thin matmuls of rank r. Both give W x + w B A x; they differ only by
// the rounding of the merged weight.

namespace {

struct Pending {
    at::Tensor down, up, alpha;
    std::string downKey, upKey;
};

std::string describeLayout(const std::set<std::string>& layouts) {
    std::string text;
    for (const auto& l : layouts) {
        const std::string name = l == "peft"         ? "peft/diffusers (lora_A/lora_B)"
                                 : l == "kohya"      ? "kohya/ComfyUI (lora_down/lora_up)"
                                 : l == "kohya-flat" ? "kohya flattened (lora_unet_)"
                                                     : l;
        text += (text.empty() ? "" : " + ") + name;
    }
    return text;
}

}  // namespace

LoraFile LoraFile::read(const std::filesystem::path& path) {
    const io::Checkpoint ckpt = io::Checkpoint::openFile(path, "LoRA " + path.filename().string());
    LoraFile file;
    file.path = path;
    // component -> module as written in the file -> its tensors
    std::map<std::string, std::map<std::string, Pending>> pending;
    std::set<std::string> layouts;
    for (const auto& key : ckpt.keys()) {
        const auto parsed = io::parseLoraKey(key);
        if (!parsed) {
            file.unknownKeys.push_back(key);
            continue;
        }
        layouts.insert(parsed->layout);
        Pending& p = pending[parsed->component][parsed->module];
        const at::Tensor t = ckpt.tensor(key);
        switch (parsed->part) {
            case io::LoraPart::Down:
                p.down = t;
                p.downKey = key;
                break;
            case io::LoraPart::Up:
                p.up = t;
                p.upKey = key;
                break;
            case io::LoraPart::Alpha:
                if (t.numel() != 1) ckpt.fail(key, "is an alpha but holds more than one value");
                p.alpha = t;
                break;
        }
    }
    for (auto& [component, modules] : pending) {
        for (auto& [module, p] : modules) {
            if (!p.down.defined() || !p.up.defined()) {
                const std::string have = p.down.defined() ? p.downKey : p.upKey;
                ckpt.fail(
                    have.empty() ? module : have,
                    std::string("has no matching ") +
                        (p.down.defined() ? "up (lora_B / lora_up)" : "down (lora_A / lora_down)") +
                        " matrix for " + module);
            }
            if (p.down.dim() != 2 || p.up.dim() != 2 || p.down.size(0) != p.up.size(1)) {
                ckpt.fail(p.downKey, "and " + p.upKey +
                                         " do not form a low-rank pair (expected down [r, in] "
                                         "and up [out, r])");
            }
            const int64_t rank = p.down.size(0);
            double scale = 1.0;
            if (p.alpha.defined()) scale = p.alpha.to(at::kDouble).item<double>() / rank;
            LoraAdapter a;
            a.key = p.downKey;
            a.rowSlot = io::fusedModule(module, a.module);
            a.down = p.down.to(at::kFloat).contiguous();
            a.up = (p.up.to(at::kFloat) * scale).contiguous();
            file.adapters[component].push_back(std::move(a));
        }
    }
    if (file.adapterCount() == 0) {
        std::string some;
        for (size_t i = 0; i < file.unknownKeys.size() && i < 3; ++i) {
            some += (i ? ", " : "") + file.unknownKeys[i];
        }
        throw ModelError("LoRA " + path.string() +
                         ": no tensor adapts an Ideogram 4 transformer layer (keys such as " +
                         (some.empty() ? std::string("none") : some) +
                         "; see docs/formats.md for the layouts that load)");
    }
    file.layout = describeLayout(layouts);
    return file;
}

int LoraFile::adapterCount() const {
    int n = 0;
    for (const auto& [component, list] : adapters) n += static_cast<int>(list.size());
    return n;
}

}  // namespace i4::model
