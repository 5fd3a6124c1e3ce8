#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/sampling/packing.h"

namespace i4::sampling {
namespace {

std::vector<int64_t> row(const at::Tensor& t) {
    at::Tensor c = t.contiguous();
    return {c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel()};
}

// Two prompts of 2 and 4 tokens on a 2x3 grid: the shorter one is left-padded by 2.
TEST(Packing, BatchWithLeftPadding) {
    const PackedBatch p = packConditional({{11, 12}, {21, 22, 23, 24}}, 2, 3);
    EXPECT_EQ(p.batch(), 2);
    EXPECT_EQ(p.textLength, 4);
    EXPECT_EQ(p.imageTokens(), 6);
    EXPECT_EQ(p.length(), 10);
    EXPECT_EQ(row(p.indicator[0]), (std::vector<int64_t>{0, 0, 3, 3, 2, 2, 2, 2, 2, 2}));
    EXPECT_EQ(row(p.indicator[1]), (std::vector<int64_t>{3, 3, 3, 3, 2, 2, 2, 2, 2, 2}));
    EXPECT_EQ(row(p.segmentIds[0]), (std::vector<int64_t>{-1, -1, 1, 1, 1, 1, 1, 1, 1, 1}));
    EXPECT_EQ(row(p.segmentIds[1]), (std::vector<int64_t>(10, 1)));
    EXPECT_EQ(row(p.tokenIds[0]), (std::vector<int64_t>{0, 0, 11, 12, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(row(p.tokenIds[1]), (std::vector<int64_t>{21, 22, 23, 24, 0, 0, 0, 0, 0, 0}));

    const int64_t b = kImagePositionBase;
    const std::vector<std::vector<int64_t>> expected{
        {0, 0, 0},     {0, 0, 0},         {0, 0, 0},      // padding, then the first text token
        {1, 1, 1},                                        // text (i, i, i)
        {b, b, b},     {b, b, b + 1},     {b, b, b + 2},  // image row 0
        {b, b + 1, b}, {b, b + 1, b + 1}, {b, b + 1, b + 2}};
    for (int64_t j = 0; j < p.length(); ++j) {
        EXPECT_EQ(row(p.positionIds[0][j]), expected[static_cast<size_t>(j)]) << "token " << j;
    }
    EXPECT_EQ(row(p.positionIds[1].narrow(0, 0, 4)),
              (std::vector<int64_t>{0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3}));
}

TEST(Packing, UnconditionalIsImageOnly) {
    const PackedBatch p = packUnconditional(2, 2, 2);
    EXPECT_EQ(p.textLength, 0);
    EXPECT_EQ(p.length(), 4);
    EXPECT_EQ(row(p.indicator), (std::vector<int64_t>(8, kIndicatorImage)));
    EXPECT_EQ(row(p.segmentIds), (std::vector<int64_t>(8, 1)));
    const int64_t b = kImagePositionBase;
    EXPECT_EQ(row(p.positionIds[1]),
              (std::vector<int64_t>{b, b, b, b, b, b + 1, b, b + 1, b, b, b + 1, b + 1}));
}

TEST(Packing, RejectsEmptyInput) {
    EXPECT_THROW(packConditional({}, 2, 2), InputError);
    EXPECT_THROW(packConditional({{1}, {}}, 2, 2), InputError);
    EXPECT_THROW(packConditional({{1}}, 0, 2), InputError);
    EXPECT_THROW(packUnconditional(0, 2, 2), InputError);
}

}  // namespace
}  // namespace i4::sampling
