#pragma once

// Key orders of the trained caption format (docs/caption-schema.md), shared by the verifier and
// the serialiser.

#include <string>
#include <vector>

namespace i4::caption::schema {

inline const std::vector<std::string>& rootKeys() {
    static const std::vector<std::string> kKeys{"high_level_description", "style_description",
                                                "compositional_deconstruction"};
    return kKeys;
}
inline const std::vector<std::string>& photoStyleKeys() {
    static const std::vector<std::string> kKeys{"aesthetics", "lighting", "photo", "medium",
                                                "color_palette"};
    return kKeys;
}
inline const std::vector<std::string>& artStyleKeys() {
    static const std::vector<std::string> kKeys{"aesthetics", "lighting", "medium", "art_style",
                                                "color_palette"};
    return kKeys;
}
inline const std::vector<std::string>& compositionKeys() {
    static const std::vector<std::string> kKeys{"background", "elements"};
    return kKeys;
}
inline const std::vector<std::string>& objectElementKeys() {
    static const std::vector<std::string> kKeys{"type", "bbox", "desc", "color_palette"};
    return kKeys;
}
inline const std::vector<std::string>& textElementKeys() {
    static const std::vector<std::string> kKeys{"type", "bbox", "text", "desc", "color_palette"};
    return kKeys;
}

inline constexpr std::size_t kMaxStylePalette = 16;
inline constexpr std::size_t kMaxElementPalette = 5;
inline constexpr int kBboxMax = 1000;

}  // namespace i4::caption::schema
