// The demo world's generator, its caption format and the semantic check (label unit).

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/caption/caption_verifier.h"
#include "tools/demo/bpe_builder.h"
#include "tools/demo/scene.h"
#include "tools/demo/training.h"

namespace i4::demo {
namespace {

TEST(DemoScene, ScenesAreReproducibleAndValid) {
    for (uint64_t i = 0; i < 300; ++i) {
        const Scene scene = sceneAt(kTrainSeed, i);
        EXPECT_EQ(caption(scene), caption(sceneAt(kTrainSeed, i)));
        ASSERT_GE(scene.elements.size(), 1u);
        ASSERT_LE(scene.elements.size(), 3u);
        std::set<int> colours;
        for (const Element& e : scene.elements) {
            colours.insert(e.colour);
            EXPECT_LT(e.bbox[0], e.bbox[2]);
            EXPECT_LT(e.bbox[1], e.bbox[3]);
            EXPECT_GE(e.bbox[0], 0);
            EXPECT_LE(e.bbox[3], 1000);
            for (int v : e.bbox) EXPECT_EQ(v % kCellUnits, 0);
        }
        EXPECT_EQ(colours.size(), scene.elements.size()) << "element colours repeat";
    }
}

// A training stage's scenes: the stream's, in order, without those with too many shapes; with
// positions only, red squares on white where the stream's shapes are.
TEST(DemoScene, FilteredScenesKeepTheStreamsBboxes) {
    const std::vector<Scene> all = filteredScenes(kTrainSeed, 200, {});
    ASSERT_EQ(all.size(), 200u);
    for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(caption(all[i]), caption(sceneAt(kTrainSeed, i)));

    const std::vector<Scene> single = filteredScenes(kTrainSeed, 50, {1, 1.0});
    ASSERT_EQ(single.size(), 50u);
    size_t next = 0;  // where in the stream the filtered scene must come from
    for (const Scene& scene : single) {
        ASSERT_EQ(scene.elements.size(), 1u);
        EXPECT_EQ(std::string(backgroundColours()[size_t(scene.background)].name), "white");
        EXPECT_EQ(std::string(elementColours()[size_t(scene.elements[0].colour)].name), "red");
        EXPECT_EQ(scene.elements[0].kind, ShapeKind::Square);
        Scene source = sceneAt(kTrainSeed, next++);
        while (source.elements.size() > 1) source = sceneAt(kTrainSeed, next++);
        EXPECT_EQ(scene.elements[0].bbox, source.elements[0].bbox);
        EXPECT_EQ(caption(scene), caption(withPositionsOnly(source)));
    }
    EXPECT_GT(next, 50u);  // some stream scenes had more than one shape and were left out

    // A share: every second scene red squares on white, the others as the stream has them.
    const std::vector<Scene> mixed = filteredScenes(kTrainSeed, 40, {3, 0.5});
    for (size_t i = 0; i < mixed.size(); ++i) {
        const Scene& source = all[i];
        EXPECT_EQ(caption(mixed[i]), caption(i % 2 ? withPositionsOnly(source) : source)) << i;
    }
}

TEST(DemoScene, CaptionsFollowTheSchema) {
    for (uint64_t i = 0; i < 100; ++i) {
        const std::string text = caption(sceneAt(kHeldOutSeed, i));
        const auto warnings = caption::verifyCaption(text);
        EXPECT_TRUE(warnings.empty()) << text << "\n" << warnings.front().message;
    }
}

TEST(DemoScene, DescriptionsReadAsEnglish) {
    Scene scene;
    scene.background = 0;
    Element orange, red;
    for (size_t c = 0; c < elementColours().size(); ++c) {
        if (std::string(elementColours()[c].name) == "orange") orange.colour = int(c);
        if (std::string(elementColours()[c].name) == "red") red.colour = int(c);
    }
    orange.kind = ShapeKind::Star;
    red.kind = ShapeKind::Ring;
    scene.elements = {red, orange};
    const std::string background = backgroundColours()[0].name;
    EXPECT_EQ(description(scene),
              "A red ring and an orange star on a " + background + " background.");
    scene.elements = {orange};
    EXPECT_EQ(description(scene), "An orange star on a " + background + " background.");
}

TEST(DemoScene, RenderedScenesPassTheCheck) {
    int scenes = 0;
    for (uint64_t i = 0; i < 200; ++i) {
        const Scene scene = sceneAt(kTrainSeed, i);
        const auto rgb = render(scene, kImageSize);
        const SceneCheck check = checkImage(scene, rgb.data(), kImageSize, kImageSize);
        EXPECT_TRUE(check.passed) << caption(scene) << "\n" << check.summary;
        ++scenes;
    }
    EXPECT_EQ(scenes, 200);
}

// The check must be able to fail: the same picture against a caption whose shapes sit
// elsewhere, have another colour, or are more than drawn.
TEST(DemoScene, CheckRejectsPicturesThatDoNotMatch) {
    int moved = 0, movable = 0, recoloured = 0, extra = 0, total = 0;
    for (uint64_t i = 0; i < 100; ++i) {
        const Scene scene = sceneAt(kTrainSeed, i);
        const auto rgb = render(scene, kImageSize);
        ++total;

        Scene shifted = scene;
        Element& e = shifted.elements.front();
        const int height = e.bbox[2] - e.bbox[0];
        const bool down = e.bbox[0] < 500;
        e.bbox[0] = down ? 1000 - height : 0;
        e.bbox[2] = e.bbox[0] + height;
        bool overlaps = false;
        for (size_t k = 1; k < shifted.elements.size(); ++k) {
            const auto& o = shifted.elements[k].bbox;
            overlaps = overlaps || (e.bbox[0] < o[2] && o[0] < e.bbox[2] && e.bbox[1] < o[3] &&
                                    o[1] < e.bbox[3]);
        }
        // Only moves that leave the shape's own place entirely.
        if (!overlaps && std::abs(e.bbox[0] - scene.elements.front().bbox[0]) >= height) {
            ++movable;
            moved += !checkImage(shifted, rgb.data(), kImageSize, kImageSize).passed;
        }

        Scene other = scene;
        std::set<int> used;
        for (const Element& el : scene.elements) used.insert(el.colour);
        for (int c = 0; c < int(elementColours().size()); ++c) {
            if (!used.count(c)) {
                other.elements.front().colour = c;
                break;
            }
        }
        recoloured += !checkImage(other, rgb.data(), kImageSize, kImageSize).passed;

        Scene fewer = scene;
        fewer.elements.pop_back();
        if (!fewer.elements.empty()) {
            extra += !checkImage(fewer, rgb.data(), kImageSize, kImageSize).passed;
        } else {
            ++extra;
        }
    }
    EXPECT_GE(movable, 30);
    EXPECT_EQ(moved, movable);
    EXPECT_EQ(recoloured, total);
    EXPECT_EQ(extra, total);
}

// The placement measure: all of a lone shape's colour is inside its own bbox, and none of it
// inside a bbox that does not overlap the drawn one.
TEST(DemoScene, PlacementMeasuresWhereTheColourIs) {
    int lone = 0;
    for (uint64_t i = 0; i < 200 && lone < 20; ++i) {
        const Scene scene = sceneAt(kTrainSeed, i);
        if (scene.elements.size() != 1) continue;
        ++lone;
        const auto rgb = render(scene, kImageSize);
        const ElementCheck drawn = checkImage(scene, rgb.data(), kImageSize, kImageSize).elements[0];
        EXPECT_GT(drawn.placement, 0.99) << caption(scene);
        EXPECT_GT(drawn.bboxArea, 0.0);
        EXPECT_LT(drawn.bboxArea, 0.5);
        Scene moved = scene;
        auto& b = moved.elements[0].bbox;
        const int height = b[2] - b[0];
        b[0] = b[0] < 500 ? 1000 - height : 0;
        b[2] = b[0] + height;
        if (b[0] < scene.elements[0].bbox[2] && scene.elements[0].bbox[0] < b[2]) continue;
        const ElementCheck elsewhere = checkImage(moved, rgb.data(), kImageSize, kImageSize).elements[0];
        EXPECT_LT(elsewhere.placement, 0.01) << caption(moved);
    }
    EXPECT_GE(lone, 10);
}

TEST(DemoBpe, PreTokenizerSplitsLikeQwen) {
    const auto pieces = preTokenize("{\"bbox\":[125,250]} a red  circle");
    const std::vector<std::string> expected{"{\"", "bbox", "\":[", "1", "2", "5", ",", "2",
                                            "5", "0", "]}", " a", " red", " ", " circle"};
    EXPECT_EQ(pieces, expected);
}

}  // namespace
}  // namespace i4::demo
