target_sources(i4 PRIVATE ${CMAKE_CURRENT_LIST_DIR}/cmd_tokenize.cpp)
target_sources(i4 PRIVATE ${CMAKE_CURRENT_LIST_DIR}/cmd_magic_prompt.cpp)
target_sources(i4 PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/cmd_generate.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cmd_check_caption.cpp
    ${CMAKE_CURRENT_LIST_DIR}/progress_bar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/device_choice.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cmd_devices.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cmd_bench.cpp
    ${CMAKE_CURRENT_LIST_DIR}/image_input_cli.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cmd_vary.cpp
)
