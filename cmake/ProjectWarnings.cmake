# Warnings are errors in project code only: third-party headers come in as SYSTEM includes.
function(haven_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Werror
    -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
    # When optimising, g++ 12 reports false positives inside the standard library: -Wrestrict in
    # std::string (GCC bug 105329) and -Wmaybe-uninitialized in std::variant (GCC bug 107138). They
    # stay visible as warnings but do not fail the build; the sanitizer build checks the real thing.
    -Wno-error=restrict -Wno-error=maybe-uninitialized)
endfunction()
