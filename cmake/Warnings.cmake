# Warnings for our own targets only (LibTorch headers are included as SYSTEM).
function(i4_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
endfunction()
