#include <gtest/gtest.h>

#include <string>

#include "core/errors.h"
#include "core/sampling/validation.h"

namespace i4::sampling {
namespace {

template <typename F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& s, const std::string& needle) {
    return s.find(needle) != std::string::npos;
}

TEST(Validation, AcceptsPublishedSizes) {
    EXPECT_NO_THROW(validateImageSize(1024, 1024, false));
    EXPECT_NO_THROW(validateImageSize(256, 1536, false));  // 6:1
    EXPECT_NO_THROW(validateImageSize(2048, 2048, false));
    EXPECT_NO_THROW(validateImageSize(1344, 768, false));
}

TEST(Validation, SizeErrorsNameTheField) {
    EXPECT_TRUE(contains(errorOf([] { validateImageSize(1000, 1024, false); }),
                         "width 1000 must be a positive multiple of 16"));
    EXPECT_TRUE(contains(errorOf([] { validateImageSize(1024, 1032, true); }), "height 1032"));
    EXPECT_TRUE(contains(errorOf([] { validateImageSize(240, 1024, false); }),
                         "width 240 is outside 256..2048"));
    EXPECT_TRUE(
        contains(errorOf([] { validateImageSize(1024, 2064, false); }), "height 2064 is outside"));
    EXPECT_TRUE(contains(errorOf([] { validateImageSize(256, 1552, false); }), "exceeds"));
    EXPECT_TRUE(contains(errorOf([] { validateImageSize(0, 64, true); }), "width 0"));
}

TEST(Validation, OverrideLiftsTheLowerBoundOnly) {
    EXPECT_NO_THROW(validateImageSize(64, 32, true));
    EXPECT_NO_THROW(validateImageSize(16, 96, true));  // 6:1
    EXPECT_THROW(validateImageSize(40, 32, true), InputError);
    // Note [size limits hold for every model]: the upper bound, the aspect ratio and the text
    // length hold with the override too.
    EXPECT_TRUE(contains(errorOf([] { validateImageSize(100000, 64, true); }),
                         "width 100000 is outside 16..2048"));
    EXPECT_TRUE(contains(errorOf([] { validateImageSize(32, 256, true); }), "exceeds"));  // 8:1
    EXPECT_TRUE(contains(errorOf([] { validateTextLength(5000, true); }), "at most 2048"));
}

TEST(Validation, AbsurdSamplerNumbers) {
    EXPECT_TRUE(contains(errorOf([] { validateStepCount(-3); }), "at least 1 (got -3)"));
    EXPECT_TRUE(contains(errorOf([] { validateStepCount(1000000000); }), "at most 1000"));
    EXPECT_TRUE(contains(errorOf([] { validateSamplerSettings(1, {-2.0f}, 0.0, 1.0); }),
                         "guidance value 1 (-2) is outside"));
    EXPECT_TRUE(contains(errorOf([] { validateSamplerSettings(1, {1e9f}, 0.0, 1.0); }),
                         "is outside 0..100"));
}

TEST(Validation, TextLength) {
    EXPECT_NO_THROW(validateTextLength(2048, false));
    EXPECT_TRUE(contains(errorOf([] { validateTextLength(2049, false); }), "at most 2048"));
    EXPECT_THROW(validateTextLength(0, true), InputError);
}

TEST(Validation, SamplerSettings) {
    EXPECT_NO_THROW(validateSamplerSettings(2, {7.0f, 3.0f}, 0.0, 1.5));
    EXPECT_TRUE(contains(errorOf([] { validateSamplerSettings(0, {}, 0.0, 1.5); }),
                         "steps must be at least 1"));
    EXPECT_TRUE(contains(errorOf([] {
                             validateSamplerSettings(3, {7.0f, 3.0f}, 0.0, 1.5);
                         }),
                         "2 values but there are 3 steps"));
    EXPECT_TRUE(contains(errorOf([] { validateSamplerSettings(1, {1.0f}, 0.0, 0.0); }), "std"));
    EXPECT_TRUE(
        contains(errorOf([] { validateGeneration(1000, 1024, 1, {1.0f}, 0, 1, false); }), "width"));
    EXPECT_NO_THROW(validateGeneration(64, 48, 1, {1.0f}, 0, 1, true));
}

}  // namespace
}  // namespace i4::sampling
