#include "tools/demo/scene.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace i4::demo {
namespace {

constexpr double kShapeScale = 0.92;  // shapes keep a small margin inside their bbox
constexpr double kPi = 3.14159265358979323846;
constexpr double kBboxGrowth = 1.0 / 16;  // of the image side, for "outside" in the check
constexpr double kMaxOutsideShare = 0.03;
constexpr int kSupersample = 4;

// (u, v) in [-1, 1]^2 relative to the bbox (v grows downwards). Is it inside the shape?
bool insideShape(ShapeKind kind, double u, double v) {
    u /= kShapeScale;
    v /= kShapeScale;
    const double r2 = u * u + v * v;
    switch (kind) {
        case ShapeKind::Circle:
            return r2 <= 1.0;
        case ShapeKind::Square:
            return std::abs(u) <= 0.9 && std::abs(v) <= 0.9;
        case ShapeKind::Triangle:  // apex up, base along the bottom
            return v >= -1.0 && v <= 0.9 && std::abs(u) <= (v + 1.0) / 1.9;
        case ShapeKind::Ring:
            return r2 <= 1.0 && r2 >= 0.55 * 0.55;
        case ShapeKind::Star: {
            // Five points, outer radius 1, inner 0.42, one point straight up: crossing test
            // against the ten-vertex outline.
            double xs[10], ys[10];
            for (int i = 0; i < 10; ++i) {
                const double radius = i % 2 == 0 ? 1.0 : 0.42;
                const double angle = -kPi / 2 + i * kPi / 5;
                xs[i] = radius * std::cos(angle);
                ys[i] = radius * std::sin(angle) + 0.1;  // centre the star's mass
            }
            bool inside = false;
            for (int i = 0, j = 9; i < 10; j = i++) {
                if ((ys[i] > v) != (ys[j] > v) &&
                    u < (xs[j] - xs[i]) * (v - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }
    return false;
}

// Pixel centre (px, py) of a size x size image -> inside `e`?
bool covers(const Element& e, double x, double y) {
    const double y0 = e.bbox[0] / 1000.0, x0 = e.bbox[1] / 1000.0;
    const double y1 = e.bbox[2] / 1000.0, x1 = e.bbox[3] / 1000.0;
    const double u = (x - (x0 + x1) / 2) / ((x1 - x0) / 2);
    const double v = (y - (y0 + y1) / 2) / ((y1 - y0) / 2);
    return std::abs(u) <= 1 && std::abs(v) <= 1 && insideShape(e.kind, u, v);
}

bool cellsOverlap(const Element& a, const Element& b) {
    return a.bbox[0] < b.bbox[2] && b.bbox[0] < a.bbox[2] && a.bbox[1] < b.bbox[3] &&
           b.bbox[1] < a.bbox[3];
}

int colourDistance2(const uint8_t* p, const std::array<uint8_t, 3>& c) {
    int d = 0;
    for (int k = 0; k < 3; ++k) d += (int(p[k]) - int(c[k])) * (int(p[k]) - int(c[k]));
    return d;
}

std::string joinedNames(const Scene& scene) {
    std::string text;
    const size_t n = scene.elements.size();
    for (size_t i = 0; i < n; ++i) {
        const Element& e = scene.elements[i];
        if (i > 0) text += i + 1 == n ? " and " : ", ";
        const std::string colour = elementColours()[e.colour].name;
        const bool vowel = std::string_view("aeiou").find(colour[0]) != std::string_view::npos;
        text += (vowel ? "an " : "a ") + colour + " " + shapeName(e.kind);
    }
    return text;
}

}  // namespace

const std::vector<NamedColour>& elementColours() {
    static const std::vector<NamedColour> colours{
        {"red", {229, 57, 53}},     {"green", {67, 160, 71}},
        {"blue", {30, 136, 229}},   {"yellow", {253, 216, 53}},
        {"orange", {251, 140, 0}},  {"purple", {142, 36, 170}},
    };
    return colours;
}

const std::vector<NamedColour>& backgroundColours() {
    static const std::vector<NamedColour> colours{
        {"white", {255, 255, 255}}, {"black", {33, 33, 33}},
        {"gray", {158, 158, 158}},  {"navy", {26, 35, 126}},
        {"beige", {245, 235, 220}},
    };
    return colours;
}

const char* shapeName(ShapeKind kind) {
    switch (kind) {
        case ShapeKind::Circle: return "circle";
        case ShapeKind::Square: return "square";
        case ShapeKind::Triangle: return "triangle";
        case ShapeKind::Star: return "star";
        case ShapeKind::Ring: return "ring";
    }
    return "shape";
}

Scene randomScene(std::mt19937_64& rng) {
    auto uniform = [&rng](int lo, int hi) {  // inclusive
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    Scene scene;
    scene.background = uniform(0, int(backgroundColours().size()) - 1);
    const int wanted = uniform(1, 3);
    std::vector<int> colours(elementColours().size());
    for (size_t i = 0; i < colours.size(); ++i) colours[i] = int(i);
    std::shuffle(colours.begin(), colours.end(), rng);
    for (int attempt = 0; attempt < 200 && int(scene.elements.size()) < wanted; ++attempt) {
        const int maxCells = wanted == 1 ? 5 : (wanted == 2 ? 4 : 3);
        const int cells = uniform(2, maxCells);
        Element e;
        e.kind = static_cast<ShapeKind>(uniform(0, kShapeKinds - 1));
        e.colour = colours[scene.elements.size()];
        const int last = kGridCells - kMarginCells - cells;
        const int y = uniform(kMarginCells, last), x = uniform(kMarginCells, last);
        e.bbox = {y * kCellUnits, x * kCellUnits, (y + cells) * kCellUnits,
                  (x + cells) * kCellUnits};
        bool free = true;
        for (const Element& other : scene.elements) free = free && !cellsOverlap(e, other);
        if (free) scene.elements.push_back(e);
    }
    // Reading order (top to bottom, then left to right), as a person would list them.
    std::sort(scene.elements.begin(), scene.elements.end(), [](const Element& a, const Element& b) {
        return a.bbox[0] != b.bbox[0] ? a.bbox[0] < b.bbox[0] : a.bbox[1] < b.bbox[1];
    });
    return scene;
}

Scene sceneAt(uint64_t seed, uint64_t index) {
    std::seed_seq seq{uint32_t(seed), uint32_t(seed >> 32), uint32_t(index), uint32_t(index >> 32)};
    std::mt19937_64 rng(seq);
    return randomScene(rng);
}

Scene withPositionsOnly(Scene scene) {
    scene.background = 0;
    for (Element& e : scene.elements) {
        e.colour = 0;
        e.kind = ShapeKind::Square;
    }
    return scene;
}

std::vector<Scene> filteredScenes(uint64_t seed, int count, const SceneFilter& filter) {
    std::vector<Scene> scenes;
    scenes.reserve(size_t(std::max(count, 0)));
    for (uint64_t index = 0; int(scenes.size()) < count; ++index) {
        Scene scene = sceneAt(seed, index);
        if (int(scene.elements.size()) > filter.maxElements) continue;
        // Scene k is made positions-only when floor((k + 1) * share) steps up: the share spread
        // evenly through the stage (every second scene for 0.5, all of them for 1).
        const double k = double(scenes.size());
        const bool redSquares =
            std::floor((k + 1) * filter.positionsOnly) > std::floor(k * filter.positionsOnly);
        scenes.push_back(redSquares ? withPositionsOnly(std::move(scene)) : std::move(scene));
    }
    return scenes;
}

std::string description(const Scene& scene) {
    std::string text = joinedNames(scene);
    text[0] = 'A';
    return text + " on a " + backgroundColours()[scene.background].name + " background.";
}

std::string caption(const Scene& scene) {
    using Json = nlohmann::ordered_json;
    Json elements = Json::array();
    for (const Element& e : scene.elements) {
        const NamedColour& colour = elementColours()[e.colour];
        elements.push_back(Json{{"type", "obj"},
                                {"bbox", e.bbox},
                                {"desc", std::string("a ") + colour.name + " " + shapeName(e.kind)}});
    }
    Json j;
    const std::string background = backgroundColours()[scene.background].name;
    j["high_level_description"] = "Flat shapes on a " + background + " background.";
    j["style_description"] = Json{{"aesthetics", "flat, simple"},
                                  {"lighting", "even"},
                                  {"medium", "digital illustration"},
                                  {"art_style", "flat shapes"}};
    j["compositional_deconstruction"] = Json{
        {"background", "plain " + background},
        {"elements", elements}};
    return j.dump();
}

std::vector<uint8_t> render(const Scene& scene, int size) {
    std::vector<uint8_t> pixels(size_t(size) * size * 3);
    const auto& bg = backgroundColours()[scene.background].rgb;
    for (int py = 0; py < size; ++py) {
        for (int px = 0; px < size; ++px) {
            double sum[3] = {0, 0, 0};
            for (int sy = 0; sy < kSupersample; ++sy) {
                for (int sx = 0; sx < kSupersample; ++sx) {
                    const double x = (px + (sx + 0.5) / kSupersample) / size;
                    const double y = (py + (sy + 0.5) / kSupersample) / size;
                    const std::array<uint8_t, 3>* colour = &bg;
                    for (const Element& e : scene.elements) {
                        if (covers(e, x, y)) colour = &elementColours()[e.colour].rgb;
                    }
                    for (int k = 0; k < 3; ++k) sum[k] += (*colour)[k];
                }
            }
            uint8_t* out = &pixels[(size_t(py) * size + px) * 3];
            for (int k = 0; k < 3; ++k) {
                out[k] = uint8_t(std::lround(sum[k] / (kSupersample * kSupersample)));
            }
        }
    }
    return pixels;
}

SceneCheck checkImage(const Scene& scene, const uint8_t* rgb, int width, int height) {
    SceneCheck result;
    const int tolerance2 = kColourTolerance * kColourTolerance;
    const auto& colours = elementColours();
    const size_t n = size_t(width) * height;

    // Each pixel takes the nearest of the element colours and this background's colour, when
    // that is within the tolerance (-1: none). Nearest, so that anti-aliased edges of one colour
    // are not read as another (orange's edges would otherwise count as red or yellow blobs).
    const int backgroundLabel = int(colours.size());
    std::vector<int> label(n, -1);
    for (size_t at = 0; at < n; ++at) {
        int best = -1, bestDistance = tolerance2 + 1;
        for (int c = 0; c <= backgroundLabel; ++c) {
            const auto& rgbRef =
                c == backgroundLabel ? backgroundColours()[scene.background].rgb : colours[size_t(c)].rgb;
            const int d = colourDistance2(rgb + at * 3, rgbRef);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        label[at] = best;
    }

    // Background area: outside every element's bbox grown by kBboxGrowth.
    std::vector<uint8_t> background(n, 1);
    for (const Element& e : scene.elements) {
        for (int py = 0; py < height; ++py) {
            const double y = (py + 0.5) / height;
            if (y < e.bbox[0] / 1000.0 - kBboxGrowth || y > e.bbox[2] / 1000.0 + kBboxGrowth) {
                continue;
            }
            for (int px = 0; px < width; ++px) {
                const double x = (px + 0.5) / width;
                if (x >= e.bbox[1] / 1000.0 - kBboxGrowth && x <= e.bbox[3] / 1000.0 + kBboxGrowth) {
                    background[size_t(py) * width + px] = 0;
                }
            }
        }
    }
    size_t backgroundPixels = 0, backgroundMatch = 0;
    for (size_t at = 0; at < n; ++at) {
        if (!background[at]) continue;
        ++backgroundPixels;
        backgroundMatch += label[at] == backgroundLabel;
    }
    result.backgroundShare = backgroundPixels ? double(backgroundMatch) / backgroundPixels : 1.0;
    result.backgroundPassed = result.backgroundShare >= 0.5;

    result.passed = result.backgroundPassed;
    std::string failures;
    if (!result.backgroundPassed) {
        failures = "background " + std::to_string(int(std::lround(100 * result.backgroundShare))) +
                   "% " + backgroundColours()[scene.background].name;
    }
    for (size_t i = 0; i < scene.elements.size(); ++i) {
        const Element& e = scene.elements[i];
        ElementCheck check;
        size_t inside = 0, insideMatch = 0, shapePixels = 0, outsideMatch = 0;
        const auto& bgRgb = backgroundColours()[scene.background].rgb;
        const auto& elRgb = colours[e.colour].rgb;
        double axis[3], axisNorm2 = 0;
        for (int k = 0; k < 3; ++k) {
            axis[k] = double(elRgb[k]) - bgRgb[k];
            axisNorm2 += axis[k] * axis[k];
        }
        double massInside = 0, massAll = 0;
        for (int py = 0; py < height; ++py) {
            const double y = (py + 0.5) / height;
            for (int px = 0; px < width; ++px) {
                const double x = (px + 0.5) / width;
                const size_t at = size_t(py) * width + px;
                const bool match = label[at] == e.colour;
                double step = 0;
                for (int k = 0; k < 3; ++k) step += (double(rgb[at * 3 + k]) - bgRgb[k]) * axis[k];
                const double mass = std::clamp(step / axisNorm2, 0.0, 1.0);
                massAll += mass;
                if (y >= e.bbox[0] / 1000.0 && y <= e.bbox[2] / 1000.0 &&
                    x >= e.bbox[1] / 1000.0 && x <= e.bbox[3] / 1000.0) {
                    massInside += mass;
                    ++inside;
                    insideMatch += match;
                    shapePixels += covers(e, x, y);
                }
                if (background[at]) outsideMatch += match;
            }
        }
        check.insideShare = inside ? double(insideMatch) / inside : 0;
        check.expectedShare = inside ? double(shapePixels) / inside : 0;
        check.outsideShare = backgroundPixels ? double(outsideMatch) / backgroundPixels : 0;
        check.placement = massAll > 0 ? massInside / massAll : 0;
        check.bboxArea = double(inside) / double(n);
        check.passed = check.insideShare >= 0.5 * check.expectedShare &&
                       check.outsideShare < kMaxOutsideShare;
        if (!check.passed) {
            char line[160];
            std::snprintf(line, sizeof line, "%s%s %s: %.0f%% of bbox (want >= %.0f%%), %.1f%% outside",
                          failures.empty() ? "" : "; ", colours[e.colour].name, shapeName(e.kind),
                          100 * check.insideShare, 50 * check.expectedShare,
                          100 * check.outsideShare);
            failures += line;
        }
        result.passed = result.passed && check.passed;
        result.elements.push_back(check);
    }

    // Blobs of each element colour (8-connected flood fill), counting the big ones.
    const int minBlob = std::max(4, int(std::lround(kMinBlobPixels * double(n) / (128.0 * 128.0))));
    std::vector<int> stack;
    for (int c = 0; c < backgroundLabel; ++c) {
        // Interior pixels only (all four neighbours share the colour): a one-pixel seam where
        // two colours blend is not a shape.
        std::vector<uint8_t> mask(n);
        for (int y = 1; y + 1 < height; ++y) {
            for (int x = 1; x + 1 < width; ++x) {
                const size_t at = size_t(y) * width + x;
                mask[at] = label[at] == c && label[at - 1] == c && label[at + 1] == c &&
                           label[at - size_t(width)] == c && label[at + size_t(width)] == c;
            }
        }
        for (size_t start = 0; start < n; ++start) {
            if (!mask[start]) continue;
            int area = 0;
            mask[start] = 0;
            stack.assign(1, int(start));
            while (!stack.empty()) {
                const int at = stack.back();
                stack.pop_back();
                ++area;
                const int cx = at % width, cy = at / width;
                for (int dy = -1; dy <= 1; ++dy) {
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int x = cx + dx, y = cy + dy;
                        if (x < 0 || y < 0 || x >= width || y >= height) continue;
                        const int next = y * width + x;
                        if (mask[size_t(next)]) {
                            mask[size_t(next)] = 0;
                            stack.push_back(next);
                        }
                    }
                }
            }
            if (area >= minBlob) ++result.blobs;
        }
    }
    if (result.blobs != int(scene.elements.size())) {
        result.passed = false;
        failures += (failures.empty() ? "" : "; ") + std::to_string(result.blobs) +
                    " shapes, expected " + std::to_string(scene.elements.size());
    }
    result.summary = result.passed ? "ok" : failures;
    return result;
}

}  // namespace i4::demo
