# The magic prompt (issue 28): the bar beside the idea, its runner thread, its settings and the
# API key's storage (QtKeychain, Note [API key storage]). Paths relative to ui/, as the rest of
# i4ui's list (the layering and translation steps read them).
target_sources(i4ui PRIVATE
    magic/api_key_store.cpp
    magic/api_key_store.h
    magic/local_magic_backend.cpp
    magic/local_magic_backend.h
    magic/magic_prompt_bar.cpp
    magic/magic_prompt_bar.h
    magic/magic_prompt_runner.cpp
    magic/magic_prompt_runner.h
    magic/magic_settings.cpp
    magic/magic_settings.h
    magic/magic_settings_box.cpp
    magic/magic_settings_box.h
)
target_link_libraries(i4ui PRIVATE qt6keychain)
