target_sources(i4core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/endpoint_backend.cpp
    ${CMAKE_CURRENT_LIST_DIR}/magic_prompt.cpp
    ${CMAKE_CURRENT_LIST_DIR}/partial_caption.cpp
    ${CMAKE_CURRENT_LIST_DIR}/local_backend.cpp
)
target_link_libraries(i4core PRIVATE CURL::libcurl)
