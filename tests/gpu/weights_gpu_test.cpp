// Quantised weights decoded on the GPU (issue 23: fp8 and NF4 bytes go to the GPU as stored and
// are decoded there) equal the CPU decode bit for bit: both are float32 products of the same
// codes and scales, so any difference is a decoding bug, not rounding.
#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "core/io/checkpoint.h"
#include "core/model/linear.h"
#include "tests/support/golden.h"
#include "tests/support/gpu.h"

namespace i4::model {
namespace {

struct WeightsParam {
    std::string precision;  // fp8 or nf4
    std::string component;  // a component folder of the tiny model
};

void PrintTo(const WeightsParam& param, std::ostream* out) {
    *out << param.precision << "/" << param.component;
}

bool endsWith(const std::string& s, const std::string& end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// Prefixes of the Linear layers stored quantised: fp8 `<p>.weight` F8_E4M3 (with
// `.weight_scale`), NF4 `<p>.weight` U8 with the bitsandbytes tensors beside it.
std::vector<std::string> quantisedLayers(const io::Checkpoint& ckpt) {
    std::vector<std::string> prefixes;
    for (const std::string& key : ckpt.keys()) {
        if (!endsWith(key, ".weight")) continue;
        const io::DType dtype = ckpt.info(key).dtype;
        const bool fp8 = dtype == io::DType::F8_E4M3;
        const bool nf4 = dtype == io::DType::U8 &&
                         (ckpt.contains(key + ".quant_map") || ckpt.contains(key + ".absmax"));
        if (fp8 || nf4) prefixes.push_back(key.substr(0, key.size() - 7));
    }
    return prefixes;
}

class QuantisedWeightsGpu : public test::CudaTestWithParam<WeightsParam> {};

TEST_P(QuantisedWeightsGpu, DecodeOnCudaEqualsCpuBitForBit) {
    const auto& [precision, component] = GetParam();
    const io::Checkpoint ckpt = io::Checkpoint::openFolder(
        test::goldenDir() / ("tiny-ideogram4-" + precision) / component, component);
    const WeightFormat expected = precision == "fp8" ? WeightFormat::Fp8Rowwise : WeightFormat::Nf4;
    const std::vector<std::string> layers = quantisedLayers(ckpt);
    ASSERT_FALSE(layers.empty()) << "no quantised layer found in " << ckpt.dir();
    int64_t values = 0;
    for (const std::string& prefix : layers) {
        SCOPED_TRACE(prefix);
        Linear cpu = Linear::load(ckpt, prefix);
        Linear gpu = Linear::load(ckpt, prefix);
        ASSERT_EQ(cpu.format(), expected);
        // The per-call decode of the low-vram mode, from the stored form (before `prepare`
        // replaces it with the dense weight).
        const at::Tensor perCall = gpu.dequantizeOn(test::cudaDevice(), at::kFloat);
        cpu.prepare(at::kFloat, at::kCPU);
        gpu.prepare(at::kFloat, test::cudaDevice());
        const at::Tensor& cpuWeight = cpu.denseWeight();  // [out, in] float32
        const at::Tensor& gpuWeight = gpu.denseWeight();  // [out, in] float32 on cuda:0
        ASSERT_TRUE(gpuWeight.defined());
        EXPECT_TRUE(gpuWeight.is_cuda());
        EXPECT_EQ(gpuWeight.scalar_type(), at::kFloat);
        ASSERT_EQ(gpuWeight.sizes(), cpuWeight.sizes());
        const at::Tensor back = gpuWeight.to(at::kCPU).contiguous();
        // Bit patterns, so that NaN codes and signed zeros count too.
        EXPECT_TRUE(back.view(at::kInt).equal(cpuWeight.contiguous().view(at::kInt)))
            << "max abs difference " << (back - cpuWeight).abs().max().item<float>();
        EXPECT_TRUE(perCall.is_cuda());
        EXPECT_TRUE(perCall.to(at::kCPU).contiguous().view(at::kInt).equal(
            cpuWeight.contiguous().view(at::kInt)))
            << "dequantizeOn(cuda) differs from the CPU decode";
        EXPECT_EQ(cpu.hasBias(), gpu.hasBias());
        if (cpu.hasBias()) {
            EXPECT_TRUE(gpu.bias().to(at::kCPU).equal(cpu.bias()));
        }
        values += cpuWeight.numel();
    }
    std::printf("%s %s: %zu layers, %lld weights identical on CUDA and CPU\n", precision.c_str(),
                component.c_str(), layers.size(), static_cast<long long>(values));
}

INSTANTIATE_TEST_SUITE_P(Folders, QuantisedWeightsGpu,
                         ::testing::Values(WeightsParam{"fp8", "transformer"},
                                           WeightsParam{"fp8", "unconditional_transformer"},
                                           WeightsParam{"fp8", "text_encoder"},
                                           WeightsParam{"nf4", "transformer"},
                                           WeightsParam{"nf4", "unconditional_transformer"},
                                           WeightsParam{"nf4", "text_encoder"}),
                         [](const auto& info) {
                             return info.param.precision + "_" + info.param.component;
                         });

}  // namespace
}  // namespace i4::model
