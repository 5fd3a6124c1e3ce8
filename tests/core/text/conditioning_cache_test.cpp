#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/text/conditioning_cache.h"

namespace i4::text {
namespace {

constexpr int64_t kFeatures = 4;

// A stand-in encoder: token i of a prompt gets features (id, i, 1, -1); padding stays zero.
// Counts the runs and the prompts it was given.
struct FakeEncoder {
    std::atomic<int> runs{0};
    std::atomic<int> prompts{0};

    TextFeatures operator()(const std::vector<std::vector<int64_t>>& ids) {
        ++runs;
        prompts += static_cast<int>(ids.size());
        TextFeatures out;
        int64_t len = 0;
        for (const auto& p : ids) len = std::max<int64_t>(len, static_cast<int64_t>(p.size()));
        out.features = at::zeros({int64_t(ids.size()), len, kFeatures});
        out.mask = at::zeros({int64_t(ids.size()), len}, at::kBool);
        for (std::size_t b = 0; b < ids.size(); ++b) {
            const auto n = static_cast<int64_t>(ids[b].size());
            out.lengths.push_back(n);
            for (int64_t i = 0; i < n; ++i) {
                const int64_t col = len - n + i;
                out.features[b][col][0] = double(ids[b][i]);
                out.features[b][col][1] = double(i);
                out.features[b][col][2] = 1.0;
                out.features[b][col][3] = -1.0;
                out.mask[b][col] = true;
            }
        }
        return out;
    }
    ConditioningCache::BatchEncoder fn() {
        return [this](const std::vector<std::vector<int64_t>>& ids) { return (*this)(ids); };
    }
};

TEST(ConditioningCache, SecondRequestIsServedWithoutTheEncoder) {
    FakeEncoder fake;
    ConditioningCache cache;
    const std::vector<std::vector<int64_t>> batch{{5, 6, 7}, {9}};
    const TextFeatures first = cache.encode(batch, fake.fn());
    const TextFeatures second = cache.encode(batch, fake.fn());
    EXPECT_EQ(fake.runs, 1);
    EXPECT_EQ(cache.stats().hits, 2u);
    EXPECT_EQ(cache.stats().misses, 2u);
    EXPECT_TRUE(second.features.equal(first.features));
    EXPECT_TRUE(second.mask.equal(first.mask));
    EXPECT_TRUE(first.features.equal(fake(batch).features));
}

TEST(ConditioningCache, OnlyMissingPromptsAreEncodedAndPaddingIsOnTheLeft) {
    FakeEncoder fake;
    ConditioningCache cache;
    cache.encode({{1, 2}}, fake.fn());
    const TextFeatures mixed = cache.encode({{3}, {1, 2}, {3}}, fake.fn());
    EXPECT_EQ(fake.runs, 2);
    EXPECT_EQ(fake.prompts, 2);  // {1,2} once, then {3} once although asked twice
    EXPECT_EQ(mixed.lengths, (std::vector<int64_t>{1, 2, 1}));
    EXPECT_TRUE(mixed.features.equal(fake({{3}, {1, 2}, {3}}).features));
    EXPECT_FALSE(mixed.mask[0][0].item<bool>());
    EXPECT_TRUE(mixed.mask[0][1].item<bool>());
}

TEST(ConditioningCache, EvictsLeastRecentlyUsedByBytes) {
    FakeEncoder fake;
    ConditioningCache probe;
    probe.encode({{1, 2, 3}}, fake.fn());
    const std::size_t entryBytes = probe.stats().bytes;
    ASSERT_GT(entryBytes, std::size_t(3 * kFeatures * 4));

    // Room for two three-token entries, not three.
    ConditioningCache cache(2 * entryBytes + entryBytes / 2);
    cache.encode({{1, 2, 3}}, fake.fn());
    cache.encode({{4, 5, 6}}, fake.fn());
    cache.encode({{1, 2, 3}}, fake.fn());  // hit: {4,5,6} is now the oldest
    cache.encode({{7, 8, 9}}, fake.fn());  // evicts {4,5,6}
    EXPECT_EQ(cache.stats().evictions, 1u);
    EXPECT_EQ(cache.stats().entries, 2u);
    EXPECT_LE(cache.stats().bytes, cache.maxBytes());

    const int runsBefore = fake.runs;
    cache.encode({{1, 2, 3}}, fake.fn());
    EXPECT_EQ(fake.runs, runsBefore);
    cache.encode({{4, 5, 6}}, fake.fn());
    EXPECT_EQ(fake.runs, runsBefore + 1);
}

TEST(ConditioningCache, EntriesLargerThanTheBudgetAreNotKept) {
    FakeEncoder fake;
    ConditioningCache cache(16);
    cache.encode({{1, 2, 3}}, fake.fn());
    cache.encode({{1, 2, 3}}, fake.fn());
    EXPECT_EQ(fake.runs, 2);
    EXPECT_EQ(cache.stats().entries, 0u);
    EXPECT_EQ(cache.stats().bytes, 0u);
}

TEST(ConditioningCache, ConcurrentCallersShareOneEncoderRun) {
    FakeEncoder fake;
    ConditioningCache cache;
    std::vector<std::thread> threads;
    std::vector<at::Tensor> results(6);
    for (std::size_t t = 0; t < results.size(); ++t) {
        threads.emplace_back([&, t] {
            results[t] = cache.encode({{11, 12, 13, 14}}, fake.fn()).features;
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(fake.runs, 1);
    for (const auto& r : results) EXPECT_TRUE(r.equal(results[0]));
    EXPECT_EQ(cache.stats().hits, results.size() - 1);
}

TEST(ConditioningCache, ClearForgetsEverything) {
    FakeEncoder fake;
    ConditioningCache cache;
    cache.encode({{1}}, fake.fn());
    cache.clear();
    EXPECT_EQ(cache.stats().entries, 0u);
    cache.encode({{1}}, fake.fn());
    EXPECT_EQ(fake.runs, 2);
}

}  // namespace
}  // namespace i4::text
