# Writes OUT, a C++ file defining newsindex::tools::FUNCTION() as the bytes of IN.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\n#include <string_view>\n\n"
     "namespace newsindex::tools {\nnamespace {\nconstexpr char kBytes[] = {${bytes}};\n}\n"
     "std::string_view ${FUNCTION}() { return std::string_view(kBytes, ${size}); }\n"
     "}  // namespace newsindex::tools\n")
