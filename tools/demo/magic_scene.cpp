#include "tools/demo/magic_scene.h"

#include <nlohmann/json.hpp>

namespace i4::demo {

namespace {

const char* const kPlaces[9] = {"at the top left",    "at the top",    "at the top right",
                                "on the left",        "in the centre", "on the right",
                                "at the bottom left", "at the bottom", "at the bottom right"};

int third(int centre) { return centre < 420 ? 0 : centre > 580 ? 2 : 1; }

std::string shapePhrase(const Element& e) {
    const int side = e.bbox[2] - e.bbox[0];
    const char* size = side <= 2 * kCellUnits ? "small " : side >= 5 * kCellUnits ? "large " : "";
    return std::string("a ") + size + elementColours()[e.colour].name + " " + shapeName(e.kind) +
           " " + kPlaces[placeOf(e.bbox)];
}

}  // namespace

int placeOf(const std::array<int, 4>& bbox) {
    return third((bbox[0] + bbox[2]) / 2) * 3 + third((bbox[1] + bbox[3]) / 2);
}

int relationOf(const std::array<int, 4>& a, const std::array<int, 4>& b) {
    if (a[2] <= b[0]) return 0;
    if (a[0] >= b[2]) return 1;
    if (a[3] <= b[1]) return 2;
    if (a[1] >= b[3]) return 3;
    return -1;
}

std::string magicDescription(const Scene& scene, std::mt19937_64& rng, bool* relational) {
    if (relational) *relational = false;
    if (scene.elements.size() == 2 && rng() % 2) {
        const Element& a = scene.elements[0];
        const Element& b = scene.elements[1];
        const int relation = relationOf(a.bbox, b.bbox);
        if (relation >= 0) {
            static const char* const kRelations[4] = {" above ", " below ", " to the left of ",
                                                      " to the right of "};
            std::string first = shapePhrase(a), second = shapePhrase(b);
            // Without their places: "a small green star", "a red ring".
            first = first.substr(0, first.find(kPlaces[placeOf(a.bbox)]) - 1);
            second = second.substr(0, second.find(kPlaces[placeOf(b.bbox)]) - 1);
            if (relational) *relational = true;
            return first + kRelations[relation] + second + " on a " +
                   backgroundColours()[scene.background].name + " background";
        }
    }
    std::string shapes;
    for (std::size_t i = 0; i < scene.elements.size(); ++i) {
        if (i > 0) shapes += i + 1 == scene.elements.size() ? " and " : ", ";
        shapes += shapePhrase(scene.elements[i]);
    }
    const std::string background = backgroundColours()[scene.background].name;
    if (rng() % 2) return shapes + ", on a " + background + " background";
    return "a " + background + " background with " + shapes;
}

Scene sceneFromCaption(const std::string& captionText, bool* ok) {
    *ok = false;
    Scene scene;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(captionText);
        const std::string background = j.at("compositional_deconstruction").at("background");
        scene.background = -1;
        for (std::size_t b = 0; b < backgroundColours().size(); ++b) {
            if (background == std::string("plain ") + backgroundColours()[b].name) scene.background = int(b);
        }
        if (scene.background < 0) return scene;
        for (const auto& e : j.at("compositional_deconstruction").at("elements")) {
            Element element;
            const std::string desc = e.at("desc");
            bool found = false;
            for (std::size_t c = 0; c < elementColours().size() && !found; ++c) {
                for (int k = 0; k < kShapeKinds && !found; ++k) {
                    const auto kind = static_cast<ShapeKind>(k);
                    if (desc == std::string("a ") + elementColours()[c].name + " " + shapeName(kind)) {
                        element.colour = int(c);
                        element.kind = kind;
                        found = true;
                    }
                }
            }
            if (!found || !e.contains("bbox")) return scene;
            for (int i = 0; i < 4; ++i) element.bbox[size_t(i)] = e.at("bbox").at(size_t(i)).get<int>();
            scene.elements.push_back(element);
        }
    } catch (const nlohmann::json::exception&) {
        return scene;
    }
    *ok = true;
    return scene;
}

bool captionMatches(const Scene& scene, const std::string& captionText, std::string* why,
                    bool relational) {
    bool ok = false;
    const Scene got = sceneFromCaption(captionText, &ok);
    const auto fail = [&](const std::string& reason) {
        if (why) *why = reason;
        return false;
    };
    if (!ok) return fail("not a demo caption (unknown background, colour or shape, or no bbox)");
    if (got.background != scene.background) {
        return fail(std::string("background ") + backgroundColours()[got.background].name +
                    " instead of " + backgroundColours()[scene.background].name);
    }
    if (got.elements.size() != scene.elements.size()) {
        return fail(std::to_string(got.elements.size()) + " elements instead of " +
                    std::to_string(scene.elements.size()));
    }
    for (std::size_t i = 0; i < scene.elements.size(); ++i) {
        const Element& want = scene.elements[i];
        const Element& have = got.elements[i];
        if (want.colour != have.colour || want.kind != have.kind) {
            return fail("element " + std::to_string(i) + " is " + elementColours()[have.colour].name +
                        " " + shapeName(have.kind));
        }
        if (relational) continue;
        if (placeOf(want.bbox) != placeOf(have.bbox)) {
            return fail("element " + std::to_string(i) + " is " + kPlaces[placeOf(have.bbox)] +
                        " instead of " + kPlaces[placeOf(want.bbox)]);
        }
    }
    if (relational) {
        const auto centre = [](const Element& e, int axis) {
            return (e.bbox[size_t(axis)] + e.bbox[size_t(axis) + 2]) / 2;
        };
        const Element &a = got.elements[0], &b = got.elements[1];
        const int relation = relationOf(scene.elements[0].bbox, scene.elements[1].bbox);
        const int axis = relation < 2 ? 0 : 1;  // y or x
        const int step = centre(b, axis) - centre(a, axis);  // > 0: a above / left of b
        const bool holds = relation % 2 == 0 ? step >= kCellUnits : -step >= kCellUnits;
        if (!holds) return fail("the two shapes' boxes do not keep the stated relation");
    }
    if (why) *why = "ok";
    return true;
}

}  // namespace i4::demo
