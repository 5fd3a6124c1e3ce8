# The built-in presets are data (resources/presets/builtin.json), compiled in so the CLI needs no
# install path. Editing the JSON re-runs the configure step.
set(_i4_builtin_presets ${PROJECT_SOURCE_DIR}/resources/presets/builtin.json)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_i4_builtin_presets})
file(READ ${_i4_builtin_presets} I4_BUILTIN_PRESETS_JSON)
string(CONCAT _i4_presets_header
    "#pragma once\n"
    "// Generated from resources/presets/builtin.json; do not edit.\n"
    "namespace i4::sampling {\n"
    "inline constexpr const char* kBuiltinPresetsJson = R\"i4json(@I4_BUILTIN_PRESETS_JSON@)i4json\";\n"
    "}\n")
file(CONFIGURE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/generated/core/sampling/builtin_presets_json.h
     CONTENT "${_i4_presets_header}" @ONLY)

target_sources(i4core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/schedule.cpp
    ${CMAKE_CURRENT_LIST_DIR}/presets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/packing.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sampler.cpp
    ${CMAKE_CURRENT_LIST_DIR}/image_to_image.cpp
    ${CMAKE_CURRENT_LIST_DIR}/transformer_velocity.cpp
    ${CMAKE_CURRENT_LIST_DIR}/validation.cpp
)
