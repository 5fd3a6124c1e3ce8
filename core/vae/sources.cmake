target_sources(i4core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/flux2_vae_config.cpp
    ${CMAKE_CURRENT_LIST_DIR}/flux2_vae.cpp
    ${CMAKE_CURRENT_LIST_DIR}/latent_norm.cpp
    ${CMAKE_CURRENT_LIST_DIR}/latent_preview.cpp
)
