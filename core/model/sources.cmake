target_sources(i4core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/linear.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ideogram4_config.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ideogram4_transformer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lora.cpp
)
