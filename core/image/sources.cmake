target_sources(i4core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/png_io.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sha256.cpp
)
