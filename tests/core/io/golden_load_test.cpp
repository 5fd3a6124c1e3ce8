#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "core/io/checkpoint.h"
#include "core/io/model_folder.h"
#include "core/io/model_summary.h"
#include "core/model/linear.h"
#include "tests/support/golden.h"

namespace i4::io {
namespace {

const char* kComponents[] = {"transformer", "unconditional_transformer", "text_encoder", "vae"};

class GoldenFolders : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenFolders, LoadsEveryComponent) {
    const auto dir = test::goldenDir() / ("tiny-ideogram4-" + GetParam());
    ModelSummary summary = summarizeModelFolder(dir);
    ASSERT_EQ(summary.components.size(), 5u);
    for (const auto& component : summary.components) {
        if (component.name == "tokenizer") continue;
        EXPECT_GT(component.tensorCount, 0u) << component.name;
        EXPECT_GT(component.parameterCount, 0) << component.name;
        if (component.name == "vae") {
            EXPECT_EQ(component.precision, "bf16");
        } else {
            EXPECT_EQ(component.precision, GetParam()) << component.name;
        }
    }
    // The bf16 transformer is sharded: both shards must be read.
    if (GetParam() == "bf16") EXPECT_EQ(summary.components[0].fileCount, 2u);
}

INSTANTIATE_TEST_SUITE_P(Precisions, GoldenFolders, ::testing::Values("bf16", "fp8", "nf4"));

// Every quantised Linear of the fp8 and nf4 folders dequantises to the bf16 folder's value within
// the format's quantisation error; every other tensor is stored identically.
class GoldenDequantization : public ::testing::TestWithParam<std::string> {};

at::Tensor nf4Bound(const at::Tensor& reference, int64_t blocksize) {
    // Half the largest gap between neighbouring NF4 codes (-1.0 -> -0.696...) x the block absmax.
    // The text encoder's absmax is itself 8-bit quantised (double quant), which can move it by
    // half a step of the nested map: the 1% margin covers that (observed: 0.3%).
    const double halfGap = 0.5 * (1.0 - 0.6961928009986877);
    at::Tensor flat = reference.reshape({-1}).abs();
    const int64_t n = flat.numel();
    const int64_t blocks = (n + blocksize - 1) / blocksize;
    at::Tensor padded = at::zeros({blocks * blocksize}, flat.options());
    padded.narrow(0, 0, n).copy_(flat);
    at::Tensor absmax = std::get<0>(padded.view({blocks, blocksize}).max(1));
    return (absmax.repeat_interleave(blocksize).narrow(0, 0, n) * halfGap * 1.01 + 1e-7)
        .view(reference.sizes());
}

TEST_P(GoldenDequantization, MatchesBf16WithinQuantisationError) {
    const auto golden = test::goldenDir();
    int quantized = 0;
    for (const char* component : kComponents) {
        auto ref = Checkpoint::openFolder(golden / "tiny-ideogram4-bf16" / component, component);
        auto q = Checkpoint::openFolder(golden / ("tiny-ideogram4-" + GetParam()) / component,
                                        component);
        for (const auto& key : ref.keys()) {
            // The tiny folders' vision towers are independent random weights (and i4studio never
            // loads a vision tower): nothing to compare.
            if (key.rfind("visual.", 0) == 0) continue;
            ASSERT_TRUE(q.contains(key)) << component << " " << key;
            const TensorInfo& info = q.info(key);
            const bool isQuantized =
                info.dtype == DType::F8_E4M3 || q.contains(key + ".quant_state.bitsandbytes__nf4");
            at::Tensor expected = ref.tensor(key).to(at::kFloat);
            if (!isQuantized) {
                EXPECT_TRUE(at::equal(q.tensor(key).to(at::kFloat), expected))
                    << component << " " << key;
                continue;
            }
            const std::string prefix = key.substr(0, key.size() - std::string(".weight").size());
            at::Tensor actual = model::Linear::load(q, prefix).dequantize(at::kFloat);
            ASSERT_EQ(actual.sizes(), expected.sizes()) << key;
            at::Tensor bound;
            if (GetParam() == "fp8") {
                bound = std::get<0>(expected.abs().max(1, true)) / 16.0 + 1e-7;
            } else {
                bound = nf4Bound(expected, 64);
            }
            at::Tensor excess = ((actual - expected).abs() - bound).max();
            EXPECT_LE(excess.item<float>(), 0.0f) << component << " " << key;
            ++quantized;
        }
    }
    EXPECT_GT(quantized, 50);
}

INSTANTIATE_TEST_SUITE_P(Formats, GoldenDequantization, ::testing::Values("fp8", "nf4"));

}  // namespace
}  // namespace i4::io
