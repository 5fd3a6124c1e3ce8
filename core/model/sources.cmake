target_sources(i4core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/linear.cpp
)
