# Install rules: headers, library, CMake package (with the finders it needs to
# re-find Xapian and libstemmer for static consumers) and newsindex.pc.
include(CMakePackageConfigHelpers)

set(NEWSINDEX_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/newsindex")

install(TARGETS newsindex EXPORT newsindexTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  PUBLIC_HEADER DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/newsindex
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(EXPORT newsindexTargets
  NAMESPACE newsindex::
  DESTINATION ${NEWSINDEX_CMAKE_DIR})

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/newsindexConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/newsindexConfig.cmake"
  INSTALL_DESTINATION ${NEWSINDEX_CMAKE_DIR})
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/newsindexConfigVersion.cmake"
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/newsindexConfig.cmake"
  "${PROJECT_BINARY_DIR}/newsindexConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/FindXapian.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/FindSnowball.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/FindLibdeflate.cmake"
  DESTINATION ${NEWSINDEX_CMAKE_DIR})

if(BUILD_SHARED_LIBS)
  set(NEWSINDEX_PC_LIBS_PRIVATE "")
else()
  set(NEWSINDEX_PC_LIBS_PRIVATE "-lstemmer")
endif()
file(RELATIVE_PATH NEWSINDEX_PC_TO_PREFIX
     "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file("${PROJECT_SOURCE_DIR}/cmake/newsindex.pc.in"
               "${PROJECT_BINARY_DIR}/newsindex.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/newsindex.pc"
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
install(FILES "${PROJECT_SOURCE_DIR}/libnewsindex/data/synonyms-nl.txt"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/newsindex OPTIONAL)
