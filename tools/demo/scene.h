#pragma once

// The demo model's world: flat backgrounds with one to three simple shapes in named colours,
// each with an Ideogram 4 JSON caption (docs/caption-schema.md) that gives every shape's bbox.
// Torch-free: the dataset tool, the trainer and the demo tests share it.

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace i4::demo {

enum class ShapeKind { Circle, Square, Triangle, Star, Ring };

struct NamedColour {
    const char* name;  // as the captions say it ("red")
    std::array<uint8_t, 3> rgb;
};

// Element colours and background colours are disjoint sets, so a pixel's colour tells which it is.
const std::vector<NamedColour>& elementColours();
const std::vector<NamedColour>& backgroundColours();
const char* shapeName(ShapeKind kind);
inline constexpr int kShapeKinds = 5;

// Captions place shapes on an 8 x 8 grid: bbox values are multiples of 125, so at 128 x 128
// every shape covers whole 16-pixel latent tokens. Shapes keep one cell away from the edges, so
// every bbox value has three digits (125..875) and, digits being single tokens, every element of
// every caption is the same number of tokens long. With the fixed-length description and style
// that puts element k's tokens at the same text positions in every caption: the transformer
// can tie a bbox to the image through RoPE offsets instead of first counting where it is.
inline constexpr int kGridCells = 8;
inline constexpr int kCellUnits = 1000 / kGridCells;
inline constexpr int kMarginCells = 1;

struct Element {
    ShapeKind kind = ShapeKind::Circle;
    int colour = 0;                   // index into elementColours()
    std::array<int, 4> bbox{};        // y_min, x_min, y_max, x_max in 0..1000 (caption order)
};

struct Scene {
    int background = 0;  // index into backgroundColours()
    std::vector<Element> elements;
};

// A scene drawn from `rng`: 1-3 non-overlapping square bboxes of 2-5 cells inside the margin,
// distinct colours.
Scene randomScene(std::mt19937_64& rng);
// Scene number `index` of the stream seeded by `seed` (reproducible one at a time).
Scene sceneAt(uint64_t seed, uint64_t index);

// What a training stage draws from the stream (i4-demo-train dit --max-elements,
// --positions-only): scenes with at most `maxElements` shapes, of which the share
// `positionsOnly` (0..1, spread evenly) has every shape a red square on white, so that only the
// bboxes vary.
struct SceneFilter {
    int maxElements = 3;
    double positionsOnly = 0;
};
// The first `count` scenes of the stream seeded by `seed` that `filter` keeps (in stream order).
std::vector<Scene> filteredScenes(uint64_t seed, int count, const SceneFilter& filter);
// `scene` with every shape a red square on white (its bboxes kept).
Scene withPositionsOnly(Scene scene);

// The scene's caption in the canonical compact form (key order of the schema, no spaces). Its
// high-level description names only the background ("Flat shapes on a white background.") and
// its style has no palette, so that the tokens before the elements do not vary in number.
std::string caption(const Scene& scene);
// One sentence for people (logs, test reports), e.g. "A red circle and a blue star on a white
// background."
std::string description(const Scene& scene);

// RGB pixels, row-major, width = height = `size`, 4 x 4 supersampled edges.
std::vector<uint8_t> render(const Scene& scene, int size);

// Note [Demo semantic check]
// Does an image show the scene? For each element: pixels near its colour (RGB distance below
// kColourTolerance) cover at least half the share of its bbox that the drawn shape covers, and
// fewer than 3% of the pixels outside every element's (slightly grown) bbox have that colour.
// The background: at least half of the background area has its colour.
// Shape count: the connected blobs (8-connected, at least kMinBlobPixels at 128 x 128, scaled
// with the area) of element-coloured pixels number exactly the elements. A scene passes when
// the background, every element and the count pass.
inline constexpr int kColourTolerance = 80;
inline constexpr int kMinBlobPixels = 24;
struct ElementCheck {
    double insideShare = 0;    // of the bbox's pixels that have the element's colour
    double expectedShare = 0;  // share of the bbox the shape covers when drawn exactly
    double outsideShare = 0;   // of the background area's pixels that have the colour
    // A softer measure of place, for following training (not part of `passed`): each pixel's
    // step from the background colour towards the element's (0..1, projected in RGB), summed;
    // `placement` is the share of that sum inside the bbox, `bboxArea` the bbox's share of the
    // picture (what a colour spread evenly would get).
    double placement = 0;
    double bboxArea = 0;
    bool passed = false;
};
struct SceneCheck {
    std::vector<ElementCheck> elements;
    double backgroundShare = 0;  // of the background area's pixels that have its colour
    bool backgroundPassed = false;  // at least half of them do
    int blobs = 0;
    bool passed = false;
    std::string summary;  // one line: what failed, or "ok"
};
SceneCheck checkImage(const Scene& scene, const uint8_t* rgb, int width, int height);

}  // namespace i4::demo
