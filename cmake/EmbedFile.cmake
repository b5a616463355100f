# cmake -DIN=file -DOUT=out.cc -DFUNCTION=name -DNAMESPACE=ns -P EmbedFile.cmake
# Writes OUT, a C++ file defining std::string_view NAMESPACE::FUNCTION() as the
# bytes of IN, so data the library or a tool needs (the built-in synonym list,
# the search page) lives in one file and is compiled in at build time.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\n#include <string_view>\n\n"
     "namespace ${NAMESPACE} {\nnamespace {\nconstexpr char kBytes[] = {${bytes}0};\n}\n"
     "std::string_view ${FUNCTION}() { return std::string_view(kBytes, ${size}); }\n"
     "}  // namespace ${NAMESPACE}\n")
