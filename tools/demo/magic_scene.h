#pragma once

// The demo world's magic prompt: plain descriptions of scenes ("a small green star at the top
// left and a red ring in the centre, on a beige background") for the demo LM to turn into the
// scene's caption, and the held-out check of what it wrote. Torch-free: the trainer and the demo
// test share it.

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "tools/demo/scene.h"

namespace i4::demo {

// The demo LM's system turn (magic_prompt/system_prompt.txt): the model is trained with it.
inline constexpr const char* kMagicSystemPrompt = "Caption the demo scene as JSON.";
// Scene streams: the LM trains on the first kMagicTrainScenes of kMagicTrainSeed; the held-out
// check draws from kMagicHeldOutSeed and skips any description the training saw.
inline constexpr uint64_t kMagicTrainSeed = 9090;
inline constexpr uint64_t kMagicHeldOutSeed = 4242;
inline constexpr int kMagicTrainScenes = 20000;

// Note [Demo descriptions]
// Every shape is named with its colour, a size word from its bbox side (2 cells "small", 5
// "large", else none) and one of nine places from its bbox centre (see placeOf): "at the top
// left", "at the top", "on the left", "in the centre", ... Two phrasings: "<shapes> on a <bg>
// background" and "a <bg> background with <shapes>"; `rng` picks one. Half of the two-shape
// scenes are said by their relation instead of places ("a green star above a red ring on a
// beige background"; above / below / to the left of / to the right of, from the boxes:
// relationOf); `relational` says which was chosen.
std::string magicDescription(const Scene& scene, std::mt19937_64& rng, bool* relational = nullptr);

// How element a lies to element b: 0 above, 1 below, 2 to the left of, 3 to the right of (the
// vertical relation first where both hold), -1 when their boxes overlap on both axes.
int relationOf(const std::array<int, 4>& a, const std::array<int, 4>& b);

// 0..8, row-major over a 3 x 3 grid, from a bbox's centre: below 420 top/left, above 580
// bottom/right, else middle.
int placeOf(const std::array<int, 4>& bbox);

// Does `captionText` (the LM's caption) say what `scene` shows: parses, the same background
// colour (in "background"), the same number of elements, and element k has scene element k's
// colour and shape in its desc and its bbox centre in the same place? `why` says what differs.
// With `relational` (a two-shape description by relation), the places are not checked; instead
// the first shape's bbox centre must lie at least one grid cell from the second's in the stated
// direction.
bool captionMatches(const Scene& scene, const std::string& captionText, std::string* why,
                    bool relational = false);

// The scene `captionText` describes (for rendering it with the demo model and checking the
// picture): background and elements as the caption says, nullopt-like `ok` false when it does
// not name demo colours and shapes.
Scene sceneFromCaption(const std::string& captionText, bool* ok);

}  // namespace i4::demo
