// libFuzzer target: the caption JSON verifier, importer and formatter on arbitrary text (deep
// nesting, huge numbers, broken UTF-8 and escapes). They report problems as warnings or an empty
// optional, never by crashing; a formatted caption imports back to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/caption/caption_format.h"
#include "core/caption/caption_verifier.h"
#include "core/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        (void)i4::caption::verifyCaption(text);
        const auto canonical = i4::caption::canonicalCaption(text);
        if (canonical) {
            // Canonical form is a fixed point.
            const auto again = i4::caption::canonicalCaption(*canonical);
            if (!again || *again != *canonical) std::abort();
        }
    } catch (const i4::InputError&) {
    }
    return 0;
}
