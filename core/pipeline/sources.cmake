target_sources(i4core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/generation_request.cpp
    ${CMAKE_CURRENT_LIST_DIR}/request_settings.cpp
    ${CMAKE_CURRENT_LIST_DIR}/model_bundle.cpp
    ${CMAKE_CURRENT_LIST_DIR}/image_output.cpp
    ${CMAKE_CURRENT_LIST_DIR}/image_input.cpp
    ${CMAKE_CURRENT_LIST_DIR}/memory_check.cpp
    ${CMAKE_CURRENT_LIST_DIR}/devices.cpp
)
target_sources(i4core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/model_hints.cpp)
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/model_hints.cpp PROPERTIES
    COMPILE_DEFINITIONS "I4_SOURCE_DEMO_MODEL=\"${PROJECT_SOURCE_DIR}/resources/models/demo\"")
