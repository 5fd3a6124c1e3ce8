// libFuzzer target: the safetensors header parser must reject any byte string with a FormatError
// and never crash, hang or read outside the buffer (run under AddressSanitizer).
#include <cstddef>
#include <cstdint>

#include "core/errors.h"
#include "core/io/safetensors_header.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        // Pretend the file is exactly the input: the header must fit and spans must stay inside.
        i4::io::parseSafetensorsHeader(data, size, size, "fuzz");
    } catch (const i4::FormatError&) {
    }
    return 0;
}
