# Run at build time (cmake -P): writes OUT, a header holding the digest of the standards engine's
# sources (src/standards, src/domain, and src/codec and src/common, which decode what it reads). A
# case's stored standing (app/case_standings.cpp) names the digest it was computed under, so a build
# whose rules differ evaluates every case again instead of trusting figures an older rule produced.
file(GLOB sources ${SOURCE_DIR}/standards/*.cpp ${SOURCE_DIR}/standards/*.hpp ${SOURCE_DIR}/standards/*.in
     ${SOURCE_DIR}/domain/*.cpp ${SOURCE_DIR}/domain/*.hpp ${SOURCE_DIR}/codec/*.cpp ${SOURCE_DIR}/codec/*.hpp
     ${SOURCE_DIR}/common/*.cpp ${SOURCE_DIR}/common/*.hpp)
list(SORT sources)
set(hashes "")
foreach(source IN LISTS sources)
  file(SHA256 ${source} hash)
  string(APPEND hashes "${hash}")
endforeach()
string(SHA256 digest "${hashes}")
string(SUBSTRING "${digest}" 0 16 digest)
file(WRITE ${OUT}.new "// Generated at build time by cmake/EngineDigest.cmake.\n#pragma once\n\nnamespace haven::standards {\ninline constexpr const char* kEngineDigest = \"${digest}\";\n}\n")
file(COPY_FILE ${OUT}.new ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.new)
