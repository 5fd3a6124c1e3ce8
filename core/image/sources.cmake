target_sources(i4core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/png_io.cpp
)
