# newsindex_set_warnings(<target>): the project's warning flags on one target.
function(newsindex_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # g++ 12 at -O2/-O3 reports -Wrestrict inside libstdc++'s own std::string
    # code (GCC bug 105329/105651), not in ours; fixed in g++ 13.
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND NEWSINDEX_SANITIZE)
    # GCC's manual warns that sanitizer instrumentation makes
    # -Wmaybe-uninitialized report false positives (seen in std::regex's
    # std::function members); the non-sanitized builds keep the warning.
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
  if(NEWSINDEX_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
