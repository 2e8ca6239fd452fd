# Warnings are errors in project code only: third-party headers come in as SYSTEM includes.
function(haven_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Werror
    -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
    # g++ 12 reports false -Wrestrict positives inside std::string when optimising
    # (GCC bug 105329); they stay visible as warnings but do not fail the build.
    -Wno-error=restrict)
endfunction()
