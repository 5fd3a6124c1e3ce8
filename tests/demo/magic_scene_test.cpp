// The demo world's magic prompt descriptions and their check (tools/demo/magic_scene.h).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "tools/demo/magic_scene.h"

namespace i4::demo {
namespace {

Scene twoShapes() {
    Scene scene;
    scene.background = 0;  // white
    scene.elements.push_back({ShapeKind::Star, 1, {125, 125, 375, 375}});   // green, top left
    scene.elements.push_back({ShapeKind::Ring, 0, {500, 500, 875, 875}});   // red, bottom right
    return scene;
}

TEST(MagicScene, PlacesAndRelations) {
    EXPECT_EQ(placeOf({125, 125, 375, 375}), 0);
    EXPECT_EQ(placeOf({375, 375, 625, 625}), 4);
    EXPECT_EQ(placeOf({625, 500, 875, 875}), 8);
    EXPECT_EQ(relationOf({125, 125, 375, 375}, {500, 500, 875, 875}), 0);  // above
    EXPECT_EQ(relationOf({500, 125, 750, 375}, {125, 500, 375, 875}), 1);  // below
    EXPECT_EQ(relationOf({125, 125, 500, 375}, {250, 500, 500, 875}), 2);  // left of
    EXPECT_EQ(relationOf({125, 125, 500, 500}, {250, 250, 625, 625}), -1);
}

TEST(MagicScene, DescriptionsNameEveryShapeAndTheBackground) {
    const Scene scene = twoShapes();
    std::mt19937_64 rng(1);
    int relational = 0, placed = 0;
    for (int i = 0; i < 40; ++i) {
        bool byRelation = false;
        const std::string text = magicDescription(scene, rng, &byRelation);
        EXPECT_NE(text.find("small green star"), std::string::npos) << text;
        EXPECT_NE(text.find("red ring"), std::string::npos) << text;
        EXPECT_NE(text.find("white background"), std::string::npos) << text;
        if (byRelation) {
            ++relational;
            EXPECT_EQ(text, "a small green star above a red ring on a white background");
        } else {
            ++placed;
            EXPECT_NE(text.find("at the top left"), std::string::npos) << text;
            EXPECT_NE(text.find("at the bottom right"), std::string::npos) << text;
        }
    }
    EXPECT_GT(relational, 5);
    EXPECT_GT(placed, 5);
}

TEST(MagicScene, CaptionMatchesChecksWhatTheDescriptionSays) {
    const Scene scene = twoShapes();
    std::string why;
    EXPECT_TRUE(captionMatches(scene, caption(scene), &why)) << why;
    EXPECT_TRUE(captionMatches(scene, caption(scene), &why, true)) << why;

    Scene moved = scene;  // the star two cells lower: on the left, still above the ring's centre
    moved.elements[0].bbox = {375, 125, 625, 375};
    EXPECT_FALSE(captionMatches(scene, caption(moved), &why));
    EXPECT_NE(why.find("on the left instead of at the top left"), std::string::npos) << why;
    EXPECT_TRUE(captionMatches(scene, caption(moved), &why, true)) << why;

    Scene swapped = scene;
    std::swap(swapped.elements[0].bbox, swapped.elements[1].bbox);
    EXPECT_FALSE(captionMatches(scene, caption(swapped), &why, true));
    EXPECT_NE(why.find("relation"), std::string::npos) << why;

    Scene otherShape = scene;
    otherShape.elements[1].kind = ShapeKind::Circle;
    EXPECT_FALSE(captionMatches(scene, caption(otherShape), &why));
    EXPECT_NE(why.find("circle"), std::string::npos) << why;

    Scene otherBackground = scene;
    otherBackground.background = 1;
    EXPECT_FALSE(captionMatches(scene, caption(otherBackground), &why));
    EXPECT_FALSE(captionMatches(scene, "{\"not\":\"a caption\"}", &why));
}

}  // namespace
}  // namespace i4::demo
