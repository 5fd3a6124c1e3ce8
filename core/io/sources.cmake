target_sources(i4core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/dtype.cpp
    ${CMAKE_CURRENT_LIST_DIR}/safetensors_header.cpp
    ${CMAKE_CURRENT_LIST_DIR}/safetensors_file.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tensor_view.cpp
    ${CMAKE_CURRENT_LIST_DIR}/checkpoint.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dequantize.cpp
    ${CMAKE_CURRENT_LIST_DIR}/model_folder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/model_summary.cpp
    ${CMAKE_CURRENT_LIST_DIR}/safetensors_writer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lora_keys.cpp
)
