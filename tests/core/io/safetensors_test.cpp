#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "core/io/safetensors_file.h"
#include "core/io/safetensors_writer.h"
#include "core/io/tensor_view.h"
#include "tests/support/golden.h"
#include "tests/support/raw_safetensors.h"

namespace i4::io {
namespace {

namespace fs = std::filesystem;

// Expects opening `path` to throw FormatError/ModelError whose message contains every fragment.
void expectOpenError(const fs::path& path, std::initializer_list<std::string> fragments) {
    try {
        SafetensorsFile::open(path);
        FAIL() << "opening " << path << " should have failed";
    } catch (const ModelError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(path.string()), std::string::npos) << message;
        for (const auto& fragment : fragments) {
            EXPECT_NE(message.find(fragment), std::string::npos)
                << "'" << fragment << "' not in: " << message;
        }
    }
}

class SafetensorsTest : public ::testing::Test {
protected:
    fs::path dir = test::tempDir("st");
};

TEST_F(SafetensorsTest, RoundTripsEveryDtypeZeroCopy) {
    std::vector<std::pair<std::string, at::Tensor>> tensors{
        {"f32", at::arange(6, at::kFloat).view({2, 3})},
        {"f64", at::arange(3, at::kDouble)},
        {"bf16", at::arange(4, at::kFloat).to(at::kBFloat16)},
        {"f16", at::arange(4, at::kFloat).to(at::kHalf)},
        {"i64", at::arange(5, at::kLong)},
        {"i32", at::arange(5, at::kInt)},
        {"i16", at::arange(5, at::kShort)},
        {"i8", at::arange(5, at::kChar)},
        {"u8", at::arange(5, at::kByte)},
        {"bool", at::tensor({1, 0, 1}, at::kByte).to(at::kBool)},
        {"empty", at::zeros({0, 4}, at::kFloat)},
    };
    writeSafetensors(dir / "all.safetensors", tensors, {{"format", "pt"}});
    auto file = SafetensorsFile::open(dir / "all.safetensors");
    EXPECT_EQ(file->tensors().size(), tensors.size());
    EXPECT_EQ(file->metadata().at("format"), "pt");
    for (const auto& [name, expected] : tensors) {
        at::Tensor actual = tensorView(file, file->at(name));
        EXPECT_EQ(actual.scalar_type(), expected.scalar_type()) << name;
        EXPECT_TRUE(at::equal(actual, expected)) << name;
    }
    // Zero copy: the view points into the mapping.
    at::Tensor view = tensorView(file, file->at("f32"));
    EXPECT_EQ(static_cast<const void*>(view.data_ptr()),
              static_cast<const void*>(file->data(file->at("f32"))));
}

TEST_F(SafetensorsTest, ViewOutlivesTheFileHandle) {
    writeSafetensors(dir / "a.safetensors", {{"x", at::full({1000}, 3.5f)}});
    at::Tensor view;
    {
        auto file = SafetensorsFile::open(dir / "a.safetensors");
        view = tensorView(file, file->at("x"));
    }
    EXPECT_FLOAT_EQ(view.sum().item<float>(), 3500.0f);
}

TEST_F(SafetensorsTest, TruncatedFile) {
    writeSafetensors(dir / "t.safetensors", {{"w", at::ones({64, 64})}});
    fs::resize_file(dir / "t.safetensors", fs::file_size(dir / "t.safetensors") - 100);
    expectOpenError(dir / "t.safetensors", {"'w'", "beyond the data area"});
}

TEST_F(SafetensorsTest, TooShort) {
    std::ofstream(dir / "s.safetensors") << "abc";
    expectOpenError(dir / "s.safetensors", {"too short"});
}

TEST_F(SafetensorsTest, HeaderLengthBeyondFile) {
    test::writeRawSafetensors(dir / "h.safetensors", "{}", "", 1000);
    expectOpenError(dir / "h.safetensors", {"header length 1000", "beyond the end"});
}

TEST_F(SafetensorsTest, HugeHeaderLength) {
    test::writeRawSafetensors(dir / "h.safetensors", "{}", "", int64_t{1} << 40);
    expectOpenError(dir / "h.safetensors", {"exceeds the limit"});
}

TEST_F(SafetensorsTest, NonJsonHeader) {
    test::writeRawSafetensors(dir / "j.safetensors", "{\"a\": [1, 2", "");
    expectOpenError(dir / "j.safetensors", {"not valid JSON"});
}

TEST_F(SafetensorsTest, HeaderNotAnObject) {
    test::writeRawSafetensors(dir / "j.safetensors", "[1, 2]", "");
    expectOpenError(dir / "j.safetensors", {"not a JSON object"});
}

TEST_F(SafetensorsTest, OverlappingSpans) {
    test::writeRawSafetensors(dir / "o.safetensors",
                              R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                              R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                              std::string(12, '\0'));
    expectOpenError(dir / "o.safetensors", {"'a'", "'b'", "overlap"});
}

TEST_F(SafetensorsTest, OutOfRangeSpan) {
    test::writeRawSafetensors(dir / "r.safetensors",
                              R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})",
                              std::string(8, '\0'));
    expectOpenError(dir / "r.safetensors", {"'a'", "beyond the data area"});
}

TEST_F(SafetensorsTest, EndBeforeBegin) {
    test::writeRawSafetensors(dir / "r.safetensors",
                              R"({"a":{"dtype":"U8","shape":[0],"data_offsets":[8,4]}})",
                              std::string(8, '\0'));
    expectOpenError(dir / "r.safetensors", {"'a'", "end before begin"});
}

TEST_F(SafetensorsTest, DtypeShapeBytesMismatch) {
    test::writeRawSafetensors(dir / "m.safetensors",
                              R"({"a":{"dtype":"BF16","shape":[3,3],"data_offsets":[0,16]}})",
                              std::string(16, '\0'));
    expectOpenError(dir / "m.safetensors", {"'a'", "BF16", "needs 18 bytes", "holds 16"});
}

TEST_F(SafetensorsTest, UnknownDtype) {
    test::writeRawSafetensors(dir / "u.safetensors",
                              R"({"a":{"dtype":"F4_E2M1","shape":[2],"data_offsets":[0,1]}})",
                              std::string(1, '\0'));
    expectOpenError(dir / "u.safetensors", {"'a'", "unknown dtype 'F4_E2M1'"});
}

TEST_F(SafetensorsTest, RankAndShapeLimits) {
    test::writeRawSafetensors(
        dir / "k.safetensors",
        R"({"a":{"dtype":"U8","shape":[1,1,1,1,1,1,1,1,1],"data_offsets":[0,1]}})", "x");
    expectOpenError(dir / "k.safetensors", {"'a'", "rank 9"});
    test::writeRawSafetensors(dir / "n.safetensors",
                              R"({"a":{"dtype":"U8","shape":[-1],"data_offsets":[0,1]}})", "x");
    expectOpenError(dir / "n.safetensors", {"'a'", "negative"});
    test::writeRawSafetensors(
        dir / "o.safetensors",
        R"({"a":{"dtype":"F64","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,1]}})",
        "x");
    expectOpenError(dir / "o.safetensors", {"'a'", "absurd shape"});
}

TEST_F(SafetensorsTest, MissingFields) {
    test::writeRawSafetensors(dir / "f.safetensors", R"({"a":{"shape":[1],"data_offsets":[0,1]}})",
                              "x");
    expectOpenError(dir / "f.safetensors", {"'a'", "no dtype"});
    test::writeRawSafetensors(dir / "g.safetensors", R"({"a":{"dtype":"U8","shape":[1]}})", "x");
    expectOpenError(dir / "g.safetensors", {"'a'", "data_offsets"});
}

TEST_F(SafetensorsTest, MissingFileNamesIt) {
    expectOpenError(dir / "absent.safetensors", {"cannot open"});
}

TEST_F(SafetensorsTest, WriterLeavesNoFileWhenFolderIsMissing) {
    EXPECT_THROW(writeSafetensors(dir / "no" / "such" / "x.safetensors", {{"x", at::ones({2})}}),
                 Error);
    EXPECT_FALSE(fs::exists(dir / "no"));
}

}  // namespace
}  // namespace i4::io
