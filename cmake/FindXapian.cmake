# FindXapian: Xapian core as the imported target Xapian::Xapian.
#
# Xapian ships a CMake config (xapian-config.cmake) that sets variables but no
# imported target; this module wraps whatever is found into one.
#   Xapian_FOUND, Xapian_VERSION, Xapian::Xapian
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(PC_XAPIAN QUIET xapian-core)
endif()
find_path(Xapian_INCLUDE_DIR NAMES xapian.h HINTS ${PC_XAPIAN_INCLUDE_DIRS})
find_library(Xapian_LIBRARY NAMES xapian HINTS ${PC_XAPIAN_LIBRARY_DIRS})
if(Xapian_INCLUDE_DIR AND EXISTS "${Xapian_INCLUDE_DIR}/xapian/version.h")
  file(STRINGS "${Xapian_INCLUDE_DIR}/xapian/version.h" _xv
       REGEX "^#define XAPIAN_VERSION \"[0-9.]+\"")
  string(REGEX REPLACE ".*\"([0-9.]+)\".*" "\\1" Xapian_VERSION "${_xv}")
endif()
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Xapian
  REQUIRED_VARS Xapian_LIBRARY Xapian_INCLUDE_DIR VERSION_VAR Xapian_VERSION)
if(Xapian_FOUND AND NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian UNKNOWN IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES
    IMPORTED_LOCATION "${Xapian_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${Xapian_INCLUDE_DIR}")
endif()
mark_as_advanced(Xapian_INCLUDE_DIR Xapian_LIBRARY)
