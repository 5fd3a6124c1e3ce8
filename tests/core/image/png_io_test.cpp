#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/errors.h"
#include "core/image/png_io.h"
#include "tests/support/golden.h"

namespace i4::image {
namespace {

namespace fs = std::filesystem;

RgbImage gradient(int width, int height) {
    RgbImage image;
    image.width = width;
    image.height = height;
    image.pixels.resize(static_cast<size_t>(width) * height * 3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            uint8_t* p = &image.pixels[(static_cast<size_t>(y) * width + x) * 3];
            p[0] = static_cast<uint8_t>(x * 7);
            p[1] = static_cast<uint8_t>(y * 13);
            p[2] = static_cast<uint8_t>((x * y) ^ 0x5A);
        }
    }
    return image;
}

PngMetadata sampleMetadata() {
    pipeline::GenerationRequest request;
    request.prompts = {R"({"high_level_description":"Café «Zürich» — 日本語"})"};
    request.width = 48;
    request.height = 32;
    request.steps = 20;
    request.guidanceSchedule = {7.0f, 7.0f, 3.5f};
    request.seed = 42;
    PngMetadata metadata;
    metadata.document =
        nlohmann::json{{"request", request.toJson()},
                       {"model", {{"name", "tiny-ideogram4-bf16"}, {"fingerprint", "abc123"}}},
                       {"app_version", "0.1.0"},
                       {"timings", {{"text_s", 0.5}, {"denoise_s", 12.25}, {"decode_s", 1.0}}}};
    metadata.parameters =
        ParametersLine::fromRequest(request, 0, request.seed, "tiny-ideogram4-bf16").format();
    return metadata;
}

std::string readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

size_t entryCount(const fs::path& dir) {
    return static_cast<size_t>(
        std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(PngIo, RoundTripKeepsPixelsAndMetadata) {
    const fs::path dir = test::tempDir("png_roundtrip");
    const RgbImage image = gradient(48, 32);
    const PngMetadata metadata = sampleMetadata();
    writePng(dir / "out.png", image, metadata);
    const PngFile file = readPng(dir / "out.png");
    EXPECT_EQ(file.image.width, 48);
    EXPECT_EQ(file.image.height, 32);
    EXPECT_EQ(file.image.pixels, image.pixels);
    ASSERT_TRUE(file.metadata.document.has_value());
    EXPECT_EQ(*file.metadata.document, *metadata.document);
    EXPECT_EQ(file.metadata.parameters, metadata.parameters);
    const auto request =
        pipeline::GenerationRequest::fromJson(file.metadata.document->at("request"));
    EXPECT_EQ(request.prompts,
              std::vector<std::string>{R"({"high_level_description":"Café «Zürich» — 日本語"})"});
}

TEST(PngIo, ParametersTextHasTheCommonForm) {
    const std::string text = sampleMetadata().parameters;
    EXPECT_EQ(text,
              "{\"high_level_description\":\"Café «Zürich» — 日本語\"}\n"
              "Steps: 20, Sampler: Euler, CFG scale: 7, CFG schedule: \"7 7 3.5\", Seed: 42, "
              "Size: 48x32, Model: tiny-ideogram4-bf16, Preset: V4_DEFAULT_20");
}

TEST(PngIo, ChunksAreITxtForJsonAndTExtForLatin1Parameters) {
    PngMetadata metadata = sampleMetadata();
    metadata.parameters = "a red fox, Zürich\nSteps: 4, Sampler: Euler, Seed: 1, Size: 8x8";
    const std::string bytes = encodePng(gradient(8, 8), metadata);
    EXPECT_NE(bytes.find("iTXti4studio"), std::string::npos);
    const size_t text = bytes.find("tEXtparameters");
    ASSERT_NE(text, std::string::npos);
    // Latin-1 in tEXt: "ü" is the single byte 0xFC.
    EXPECT_NE(bytes.find("Z\xFCrich", text), std::string::npos);
    EXPECT_EQ(decodePng(bytes).metadata.parameters, metadata.parameters);
    // Text outside Latin-1 (the CJK prompt) cannot go in tEXt: written as iTXt instead.
    const std::string cjk = encodePng(gradient(8, 8), sampleMetadata());
    EXPECT_EQ(cjk.find("tEXtparameters"), std::string::npos);
    EXPECT_NE(cjk.find("iTXtparameters"), std::string::npos);
}

TEST(PngIo, WriteIntoMissingFolderFailsAndLeavesNothing) {
    const fs::path dir = test::tempDir("png_missing");
    EXPECT_THROW(writePng(dir / "no" / "such" / "out.png", gradient(4, 4), {}), Error);
    EXPECT_EQ(entryCount(dir), 0u);
}

TEST(PngIo, FailedRenameOntoDirectoryLeavesNoTemporaryFile) {
    const fs::path dir = test::tempDir("png_dir_target");
    fs::create_directory(dir / "out.png");
    fs::create_directory(dir / "out.png" / "occupied");  // rename() refuses a non-empty folder
    EXPECT_THROW(writePng(dir / "out.png", gradient(4, 4), sampleMetadata()), Error);
    EXPECT_EQ(entryCount(dir), 1u);  // only the folder that was in the way
    EXPECT_TRUE(fs::is_directory(dir / "out.png"));
}

TEST(PngIo, FailedWriteKeepsThePreviousFile) {
    if (::geteuid() == 0) GTEST_SKIP() << "root ignores folder permissions";
    const fs::path dir = test::tempDir("png_readonly");
    writePng(dir / "out.png", gradient(4, 4), {});
    const std::string before = readBytes(dir / "out.png");
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_THROW(writePng(dir / "out.png", gradient(8, 8), sampleMetadata()), Error);
    fs::permissions(dir, fs::perms::owner_all);
    EXPECT_EQ(entryCount(dir), 1u);
    EXPECT_EQ(readBytes(dir / "out.png"), before);
}

// A write that fails half-way (the file size limit makes write() fail with EFBIG, even for root)
// leaves the previous image untouched and no temporary file behind.
TEST(PngIo, WriteFailingMidwayKeepsThePreviousFile) {
    const fs::path dir = test::tempDir("png_midway");
    writePng(dir / "out.png", gradient(4, 4), {});
    const std::string before = readBytes(dir / "out.png");
    const std::string next = encodePng(gradient(64, 64), sampleMetadata());
    ASSERT_GT(next.size(), before.size() + 1024);

    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = before.size() + 512;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    bool threw = false;
    try {
        writePng(dir / "out.png", gradient(64, 64), sampleMetadata());
    } catch (const Error&) {
        threw = true;
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);
    EXPECT_TRUE(threw);
    EXPECT_EQ(entryCount(dir), 1u);
    EXPECT_EQ(readBytes(dir / "out.png"), before);
}

TEST(PngIo, TruncatedFileIsAnError) {
    const std::string bytes = encodePng(gradient(40, 30), sampleMetadata());
    for (size_t keep : {size_t{4}, size_t{8}, size_t{40}, bytes.size() / 2, bytes.size() - 13}) {
        EXPECT_THROW(decodePng(bytes.substr(0, keep), "cut.png"), InputError) << keep;
    }
    try {
        decodePng(bytes.substr(0, bytes.size() / 2), "cut.png");
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("cut.png"), std::string::npos);
    }
}

// A chunk that claims more bytes than the file has is refused before libpng allocates them
// (fuzz.png_metadata's finding: a 2 KB file with a tEXt chunk claiming 1.9 GB).
TEST(PngIo, ChunkClaimingMoreThanTheFileIsRefused) {
    const std::string bytes = encodePng(gradient(40, 30), sampleMetadata());
    const size_t afterHeader = 8 + 8 + 13 + 4;  // signature, IHDR
    const std::string claim =
        std::string("\x75\x00\x01\x1b", 4) + "tEXt" + std::string("Comment\0short", 13);
    const std::string bad = bytes.substr(0, afterHeader) + claim + bytes.substr(afterHeader);
    try {
        decodePng(bad, "claim.png");
        ADD_FAILURE() << "expected an error";
    } catch (const InputError& error) {
        const std::string what = error.what();
        EXPECT_NE(what.find("claim.png"), std::string::npos) << what;
        EXPECT_NE(what.find("'tEXt' chunk claims 1962934555 bytes"), std::string::npos) << what;
    }
    // A whole chunk past the per-chunk limit is refused by its size, not read.
    std::string big(9u << 20, 'x');
    const uint32_t n = uint32_t(big.size());
    std::string header{char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
    const std::string large =
        bytes.substr(0, afterHeader) + header + "tEXt" + big + "CRC!" + bytes.substr(afterHeader);
    EXPECT_THROW(decodePng(large, "large.png"), InputError);
}

TEST(PngIo, CorruptDataIsAnError) {
    std::string bytes = encodePng(gradient(40, 30), {});
    const size_t data = bytes.find("IDAT");
    ASSERT_NE(data, std::string::npos);
    for (size_t i = data + 8; i < data + 40 && i < bytes.size(); ++i) bytes[i] ^= 0x55;
    EXPECT_THROW(decodePng(bytes, "corrupt.png"), InputError);
    EXPECT_THROW(decodePng("GIF89a not a png at all", "x.gif"), InputError);
    const fs::path dir = test::tempDir("png_corrupt");
    EXPECT_THROW(readPng(dir / "absent.png"), InputError);
}

TEST(PngIo, RejectsInconsistentImage) {
    RgbImage image = gradient(4, 4);
    image.pixels.pop_back();
    EXPECT_THROW(encodePng(image, {}), InputError);
}

}  // namespace
}  // namespace i4::image
