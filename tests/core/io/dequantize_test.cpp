#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/io/checkpoint.h"
#include "core/io/dequantize.h"
#include "core/io/safetensors_writer.h"
#include "core/model/linear.h"
#include "tests/support/golden.h"
#include "tests/support/raw_safetensors.h"

namespace i4::io {
namespace {

namespace fs = std::filesystem;

// bitsandbytes' NF4 code table (spec C.3).
const std::vector<float> kNf4 = {-1.0f,
                                 -0.6961928009986877f,
                                 -0.5250730514526367f,
                                 -0.39491748809814453f,
                                 -0.28444138169288635f,
                                 -0.18477343022823334f,
                                 -0.09105003625154495f,
                                 0.0f,
                                 0.07958029955625534f,
                                 0.16093020141124725f,
                                 0.24611230194568634f,
                                 0.33791524171829224f,
                                 0.44070982933044434f,
                                 0.5626170039176941f,
                                 0.7229568362236023f,
                                 1.0f};

at::Tensor bytesOf(const std::string& text) {
    at::Tensor t = at::empty({static_cast<int64_t>(text.size())}, at::kByte);
    std::memcpy(t.data_ptr(), text.data(), text.size());
    return t;
}

TEST(E4M3, HandPickedCodes) {
    EXPECT_EQ(decodeE4M3(0x00), 0.0f);
    EXPECT_EQ(decodeE4M3(0x38), 1.0f);    // exponent 7 = bias
    EXPECT_EQ(decodeE4M3(0x3C), 1.5f);    // mantissa 4/8
    EXPECT_EQ(decodeE4M3(0xB8), -1.0f);   // sign bit
    EXPECT_EQ(decodeE4M3(0x7E), 448.0f);  // largest finite
    EXPECT_EQ(decodeE4M3(0xFE), -448.0f);
    EXPECT_EQ(decodeE4M3(0x01), std::ldexp(1.0f, -9));  // smallest subnormal
    EXPECT_EQ(decodeE4M3(0x08), std::ldexp(1.0f, -6));  // smallest normal
    EXPECT_EQ(decodeE4M3(0x07), 7.0f / 8.0f * std::ldexp(1.0f, -6));
    EXPECT_TRUE(std::isnan(decodeE4M3(0x7F)));
    EXPECT_TRUE(std::isnan(decodeE4M3(0xFF)));
    EXPECT_EQ(decodeE4M3(0x78), 256.0f);  // exponent 15 is finite in e4m3fn
}

TEST(E4M3, RowwiseScale) {
    at::Tensor codes = at::tensor({0x38, 0x3C, 0xB8, 0x40}, at::kByte).view({2, 2});
    at::Tensor scale = at::tensor({2.0f, 0.5f});
    at::Tensor w = dequantizeFp8Rowwise(codes, scale);
    // 0x40 = exponent 8 -> 2.0
    at::Tensor expected = at::tensor({2.0f, 3.0f, -0.5f, 1.0f}).view({2, 2});
    EXPECT_TRUE(at::equal(w, expected)) << w;
}

TEST(Nf4, NibbleOrderHighIsEven) {
    Nf4Weight w;
    w.packed = at::tensor({0xAB, 0xBA}, at::kByte);
    w.absmax = at::tensor({2.0f});
    w.quantMap = at::tensor(kNf4);
    w.blocksize = 64;
    w.shape = {2, 2};
    at::Tensor out = dequantizeNf4(w);
    EXPECT_FLOAT_EQ(out[0][0].item<float>(), kNf4[10] * 2);
    EXPECT_FLOAT_EQ(out[0][1].item<float>(), kNf4[11] * 2);
    EXPECT_FLOAT_EQ(out[1][0].item<float>(), kNf4[11] * 2);
    EXPECT_FLOAT_EQ(out[1][1].item<float>(), kNf4[10] * 2);
}

TEST(Nf4, BlocksRunOverTheFlattenedWeightAndOddCountPads) {
    // 3x3 = 9 elements, blocksize 4: blocks {0..3}, {4..7}, {8}; the 10th nibble is padding.
    Nf4Weight w;
    w.packed = at::tensor({0xF0, 0x7F, 0xF0, 0x7F, 0xF3}, at::kByte);
    w.absmax = at::tensor({1.0f, 10.0f, 100.0f});
    w.quantMap = at::tensor(kNf4);
    w.blocksize = 4;
    w.shape = {3, 3};
    at::Tensor out = dequantizeNf4(w).reshape({-1});
    const std::vector<float> expected = {1, -1, 0, 1, 10, -10, 0, 10, 100};
    for (int i = 0; i < 9; ++i) EXPECT_FLOAT_EQ(out[i].item<float>(), expected[i]) << i;
}

TEST(Nf4, NestedAbsmax) {
    at::Tensor codes = at::tensor({0, 1, 2}, at::kByte);
    at::Tensor nestedMap = at::linspace(-1, 1, 256);
    at::Tensor nestedAbsmax = at::tensor({4.0f, 8.0f});
    at::Tensor absmax = denestAbsmax(codes, nestedAbsmax, nestedMap, 2, 0.5f);
    EXPECT_FLOAT_EQ(absmax[0].item<float>(), nestedMap[0].item<float>() * 4 + 0.5f);
    EXPECT_FLOAT_EQ(absmax[1].item<float>(), nestedMap[1].item<float>() * 4 + 0.5f);
    EXPECT_FLOAT_EQ(absmax[2].item<float>(), nestedMap[2].item<float>() * 8 + 0.5f);
}

class QuantizedLinearFileTest : public ::testing::Test {
protected:
    fs::path dir = test::tempDir("qlin");
};

std::string floatBytes(std::initializer_list<float> values) {
    std::string out;
    for (float v : values) out.append(reinterpret_cast<const char*>(&v), sizeof v);
    return out;
}

TEST_F(QuantizedLinearFileTest, Fp8LinearFromFile) {
    test::writeRawSafetensors(
        dir / "m.safetensors",
        R"({"l.weight":{"dtype":"F8_E4M3","shape":[2,2],"data_offsets":[0,4]},)"
        R"("l.weight_scale":{"dtype":"F32","shape":[2],"data_offsets":[4,12]},)"
        R"("l.bias":{"dtype":"F32","shape":[2],"data_offsets":[12,20]}})",
        std::string("\x38\x40\xB8\x00", 4) + floatBytes({0.25f, 3.0f}) + floatBytes({1.0f, -1.0f}));
    auto ckpt = Checkpoint::openFile(dir / "m.safetensors", "test");
    auto layer = model::Linear::load(ckpt, "l");
    EXPECT_EQ(layer.format(), model::WeightFormat::Fp8Rowwise);
    at::Tensor w = layer.dequantize(at::kFloat);
    EXPECT_TRUE(at::equal(w, at::tensor({0.25f, 0.5f, -3.0f, 0.0f}).view({2, 2}))) << w;
    at::Tensor y = layer.forward(at::tensor({1.0f, 1.0f}).view({1, 2}));
    EXPECT_FLOAT_EQ(y[0][0].item<float>(), 0.75f + 1.0f);
    EXPECT_FLOAT_EQ(y[0][1].item<float>(), -3.0f - 1.0f);
}

TEST_F(QuantizedLinearFileTest, Nf4LinearFromFileWithNestedAbsmax) {
    const std::string state =
        R"({"quant_type": "nf4", "blocksize": 64, "dtype": "bfloat16", "shape": [2, 64],)"
        R"( "nested_blocksize": 256, "nested_dtype": "float32", "nested_offset": 0.5})";
    at::Tensor packed = at::full({64}, 0xF7, at::kByte);  // pairs (1.0, 0.0)
    packed[32] = 0x0F;                                    // row 1 starts with (-1.0, 1.0)
    writeSafetensors(dir / "n.safetensors",
                     {{"l.weight", packed.view({64, 1})},
                      {"l.weight.absmax", at::tensor({10, 20}, at::kByte)},
                      {"l.weight.nested_absmax", at::tensor({2.0f})},
                      {"l.weight.nested_quant_map", at::linspace(0, 1, 256)},
                      {"l.weight.quant_map", at::tensor(kNf4)},
                      {"l.weight.quant_state.bitsandbytes__nf4", bytesOf(state)}});
    auto ckpt = Checkpoint::openFile(dir / "n.safetensors", "test");
    auto layer = model::Linear::load(ckpt, "l");
    EXPECT_EQ(layer.format(), model::WeightFormat::Nf4);
    EXPECT_EQ(layer.outFeatures(), 2);
    EXPECT_EQ(layer.inFeatures(), 64);
    at::Tensor w = layer.dequantize(at::kFloat);
    const float absmax0 = 10.0f / 255.0f * 2.0f + 0.5f;
    const float absmax1 = 20.0f / 255.0f * 2.0f + 0.5f;
    EXPECT_NEAR(w[0][0].item<float>(), absmax0, 1e-6);
    EXPECT_EQ(w[0][1].item<float>(), 0.0f);
    EXPECT_NEAR(w[1][0].item<float>(), -absmax1, 1e-6);
    EXPECT_NEAR(w[1][1].item<float>(), absmax1, 1e-6);
    EXPECT_NEAR(w[1][2].item<float>(), absmax1, 1e-6);
}

}  // namespace
}  // namespace i4::io
