target_sources(i4core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/tokenizer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/qwen3_text_encoder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/conditioning_cache.cpp
    ${CMAKE_CURRENT_LIST_DIR}/causal_lm.cpp
    ${CMAKE_CURRENT_LIST_DIR}/caption_constraint.cpp
)
