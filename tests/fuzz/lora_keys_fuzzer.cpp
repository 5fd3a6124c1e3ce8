// libFuzzer target: LoRA tensor-key parsing (docs/formats.md) on arbitrary names: a key is
// recognised or not, never a crash or a runaway regular expression.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/io/lora_keys.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string key(reinterpret_cast<const char*>(data), size);
    (void)i4::io::parseLoraKey(key);
    return 0;
}
