target_sources(i4 PRIVATE ${CMAKE_CURRENT_LIST_DIR}/cmd_tokenize.cpp)
