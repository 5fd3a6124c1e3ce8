target_sources(i4core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/caption_verifier.cpp
    ${CMAKE_CURRENT_LIST_DIR}/caption_format.cpp
)
