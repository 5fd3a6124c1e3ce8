// Owns the test executables' precompiled header (see tests/CMakeLists.txt); runs no tests.
